package cn.pes.casework.web;

import cn.pes.casework.events.entrepreneurship.CaseEntrepreneurshipView;
import cn.pes.casework.events.entrepreneurship.FindCaseEntrepreneurshipQuery;
import org.axonframework.queryhandling.NoHandlerForQueryException;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The entrepreneurship section of the case page (创业服务): the person's trainings and guarantee loans
 * read next to the case, with the forms that end a training, so that the case page does not need to
 * know entrepreneurship. A training form refused comes back to the case with its message here.
 */
@ControllerAdvice(assignableTypes = CasePages.class)
class EntrepreneurshipCaseSection {

    /** The case page itself, shown masked or after a reveal. */
    private static final Pattern CASE_PAGE = Pattern.compile("/cases/([^/]+)(/reveal)?");

    private final PageQueries queries;

    EntrepreneurshipCaseSection(PageQueries queries) {
        this.queries = queries;
    }

    /** Put into the model as a pending value, for the reasons {@link JobSeekingCaseSection} gives. */
    @ModelAttribute
    void entrepreneurship(ServerHttpRequest request, Model model) {
        Matcher page = CASE_PAGE.matcher(request.getPath().pathWithinApplication().value());
        if (!page.matches() || "search".equals(page.group(1))) {
            return;
        }
        String caseId = page.group(1);
        MultiValueMap<String, String> params = request.getQueryParams();
        Refusal refusal = params.getFirst("training") == null ? null
                : new Refusal(params.getFirst("training"), params.getFirst("trainingAction"),
                params.getFirst("trainingField"), params.getFirst("trainingError"));
        model.addAttribute("entrepreneurshipSection",
                queries.query(new FindCaseEntrepreneurshipQuery(caseId), CaseEntrepreneurshipView.class)
                        .onErrorResume(NoHandlerForQueryException.class, e -> reactor.core.publisher.Mono.empty())
                        .defaultIfEmpty(new CaseEntrepreneurshipView(caseId, List.of(), List.of()))
                        .map(view -> new Section(view, refusal)));
    }

    /** The section's content and a training form's refusal, if the page comes back with one. */
    record Section(CaseEntrepreneurshipView view, Refusal refusal) {

        /** The refusal's text when it belongs to this training's form and field, else null. */
        public String error(String trainingId, String action, String field) {
            return refusal != null && trainingId.equals(refusal.trainingId()) && action.equals(refusal.action())
                    && (field.equals(refusal.field()) || "form".equals(field) && !List.of("completedOn",
                    "certificateNumber", "droppedOutOn", "reason").contains(refusal.field()))
                    ? refusal.text() : null;
        }
    }

    record Refusal(String trainingId, String action, String field, String text) {
    }
}
