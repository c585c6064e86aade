package cn.pes.casework.web;

import cn.pes.casework.events.integrity.ChainVerification;
import cn.pes.casework.events.integrity.VerifyCaseChainQuery;
import cn.pes.casework.security.Officer;
import cn.pes.casework.security.Role;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.server.ResponseStatusException;
import reactor.core.publisher.Mono;

import java.util.regex.Pattern;

/**
 * History integrity check (历史完整性校验) for auditors: the case's hash chain recomputed from the events as stored
 * (the command side answers {@link VerifyCaseChainQuery}), the result in words — intact, or which event first
 * shows a change and what kind. Shows no personal data: the case ID, counts, sequence numbers and hashes.
 */
@Controller
class IntegrityPages {

    private static final Pattern CASE_ID = Pattern.compile("[0-9A-Za-z-]{1,64}");

    private final PageQueries pageQueries;
    private final PageModel page;

    IntegrityPages(PageQueries pageQueries, PageModel page) {
        this.pageQueries = pageQueries;
        this.page = page;
    }

    @GetMapping("/cases/{caseId}/integrity")
    Mono<String> form(@PathVariable String caseId, Model model) {
        return auditor(caseId, model).map(officer -> {
            model.addAttribute("caseId", caseId);
            return "cases/integrity";
        });
    }

    /** A POST: the check reads the whole history each time, and a link or a reload should not start one. */
    @PostMapping("/cases/{caseId}/integrity")
    Mono<String> check(@PathVariable String caseId, Model model) {
        return auditor(caseId, model)
                .flatMap(officer -> pageQueries.query(new VerifyCaseChainQuery(caseId), ChainVerification.class))
                .filter(result -> !result.unknownCase())
                .switchIfEmpty(Mono.error(() -> new ResponseStatusException(HttpStatus.NOT_FOUND)))
                .map(result -> {
                    model.addAttribute("caseId", caseId);
                    model.addAttribute("result", result);
                    model.addAttribute("checkedAt", result.checkedAt().atZone(PageQueries.AGENCY_ZONE)
                            .toLocalDateTime().withNano(0).toString().replace('T', ' '));
                    return "cases/integrity";
                });
    }

    /** The route table asks for AUDITOR already; this holds should the route ever be opened by mistake. */
    private Mono<Officer> auditor(String caseId, Model model) {
        return page.signedIn(model)
                .filter(officer -> officer.has(Role.AUDITOR) && CASE_ID.matcher(caseId).matches())
                .switchIfEmpty(Mono.error(() -> new ResponseStatusException(HttpStatus.NOT_FOUND)));
    }

    /** Offers the check on the case page, to auditors only. */
    @ControllerAdvice(assignableTypes = CasePages.class)
    static class CasePageLink {

        /** Without the exchange as a parameter: see {@code JobSeekingCaseSection}. */
        @ModelAttribute
        void integrityCheck(ServerHttpRequest request, Model model) {
            model.addAttribute("mayCheckIntegrity",
                    Officer.current().map(officer -> officer.has(Role.AUDITOR)).defaultIfEmpty(false));
        }
    }
}
