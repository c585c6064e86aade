package cn.pes.casework.web;

import cn.pes.casework.events.jobseeking.JobSeekingProfileView;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

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

    JobSeekingCaseSection(JobSeekingForms forms) {
        this.forms = forms;
    }

    /**
     * The profile as a pending value the view resolves before it renders; an empty section when the
     * person never registered. Put into the model here rather than returned, and without the
     * exchange as a parameter: Spring takes a model method that returns nothing and sees the
     * exchange as having answered the request itself, which ends model initialisation early and
     * cancels the others — the page's CSRF token, or a query in the middle of its JDBC call.
     */
    @ModelAttribute
    void jobSeeking(ServerHttpRequest request, Model model) {
        Matcher page = CASE_PAGE.matcher(request.getPath().pathWithinApplication().value());
        if (!page.matches() || "search".equals(page.group(1))) {
            return;
        }
        // Who may read the case is the case page's own check; it shows nothing to anyone else.
        model.addAttribute("jobSeekingSection",
                forms.profile(page.group(1)).map(Section::new).defaultIfEmpty(new Section(null)));
    }

    /** The section's content: the profile, or null when the person never registered as a job seeker. */
    record Section(JobSeekingProfileView profile) {
    }
}
