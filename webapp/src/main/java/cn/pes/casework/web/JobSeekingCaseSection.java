package cn.pes.casework.web;

import cn.pes.casework.security.AccessRules;
import cn.pes.casework.security.Officer;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.server.ServerWebExchange;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The job-seeking section of the case page (求职登记与推荐): the person's job-seeking profile read next
 * to the case, so that the case page shows registration, referrals, guidance and an open cancellation
 * proposal without the case page knowing job introduction. Absent when the person never registered
 * as a job seeker.
 */
@ControllerAdvice(assignableTypes = CasePages.class)
class JobSeekingCaseSection {

    /** The case page itself, shown masked or after a reveal. */
    private static final Pattern CASE_PAGE = Pattern.compile("/cases/([^/]+)(/reveal)?");

    private final JobSeekingForms forms;
    private final AccessRules rules;

    JobSeekingCaseSection(JobSeekingForms forms, AccessRules rules) {
        this.forms = forms;
        this.rules = rules;
    }

    /**
     * The profile as a pending value: the view reads it when it renders, after the case page's own
     * queries, and leaves the section empty when there is none.
     */
    @ModelAttribute
    void jobSeeking(ServerWebExchange exchange, Model model) {
        Matcher page = CASE_PAGE.matcher(exchange.getRequest().getPath().pathWithinApplication().value());
        if (!page.matches() || "search".equals(page.group(1))) {
            return;
        }
        String caseId = page.group(1);
        model.addAttribute("jobSeeking", Officer.current()
                .filter(rules::mayViewCase)
                .flatMap(officer -> forms.profile(caseId)));
    }
}
