package cn.pes.casework.web;

import cn.pes.casework.events.cancellation.Notification;
import cn.pes.casework.events.comparison.FindCaseStatusChangeProposalsQuery;
import cn.pes.casework.events.comparison.StatusChangeProposalsView;
import cn.pes.casework.security.Officer;
import cn.pes.casework.security.Role;
import cn.pes.casework.security.agency.Agency;
import cn.pes.casework.security.agency.AgencyDirectory;
import org.axonframework.queryhandling.NoHandlerForQueryException;
import org.springframework.core.annotation.Order;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import reactor.core.publisher.Mono;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The status-change proposals of the case page (待核实变更, CAN-3): every proposal of the case, open and
 * decided, whatever raised it — a data match, lost contact or refused referrals — with the queue's forms
 * on the open ones, so that the case page does not need to know information comparison. Whether the
 * forms show is the case page's own {@code mayChange}.
 */
@ControllerAdvice(assignableTypes = CasePages.class)
// Before PageModel: its model method takes the exchange and returns nothing, which ends model
// initialisation, so the advices ordered after it (by default, in class name order) are never asked.
@Order(0)
class ProposalCaseSection {

    /** The case page itself, shown masked or after a reveal. */
    private static final Pattern CASE_PAGE = Pattern.compile("/cases/([^/]+)(/reveal)?");

    private final PageQueries queries;
    private final AgencyDirectory agencies;
    private final JobSeekingForms forms;

    ProposalCaseSection(PageQueries queries, AgencyDirectory agencies, JobSeekingForms forms) {
        this.queries = queries;
        this.agencies = agencies;
        this.forms = forms;
    }

    /** Put into the model as a pending value, for the reasons {@link JobSeekingCaseSection} gives. */
    @ModelAttribute
    void proposals(ServerHttpRequest request, Model model) {
        Matcher page = CASE_PAGE.matcher(request.getPath().pathWithinApplication().value());
        if (!page.matches() || "search".equals(page.group(1))) {
            return;
        }
        String caseId = page.group(1);
        ProposalRefusal refusal = ProposalRefusal.from(request.getQueryParams());
        // Caseworkers and auditors only, as the API's route: the evidence (a death, a committal, a school) is
        // more than a reviewer of subsidies needs.
        model.addAttribute("proposalSection", Officer.current()
                .map(officer -> officer.has(Role.CASEWORKER) || officer.has(Role.AUDITOR))
                .defaultIfEmpty(false)
                .flatMap(allowed -> allowed ? section(caseId, refusal) : Mono.just(Section.HIDDEN)));
    }

    private Mono<Section> section(String caseId, ProposalRefusal refusal) {
        return queries.query(new FindCaseStatusChangeProposalsQuery(caseId), StatusChangeProposalsView.class)
                        .onErrorResume(NoHandlerForQueryException.class, e -> Mono.empty())
                        .map(StatusChangeProposalsView::lines)
                        .defaultIfEmpty(List.of())
                        .map(lines -> new Section(lines.stream().map(line -> ProposalRow.of(line, true,
                                line.agencyId() == null ? null
                                        : agencies.find(line.agencyId()).map(Agency::name).orElse(line.agencyId()),
                                forms.today())).toList(), refusal, true));
    }

    /** The case's proposals, oldest first, and a form's refusal if the page comes back with one. */
    record Section(List<ProposalRow> rows, ProposalRefusal refusal, boolean visible) {

        static final Section HIDDEN = new Section(List.of(), null, false);

        public Notification.NotificationMethod[] notifications() {
            return Notification.NotificationMethod.values();
        }
    }
}
