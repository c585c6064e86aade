package cn.pes.casework.web;

import cn.pes.casework.security.Officer;
import cn.pes.casework.security.agency.Agency;
import cn.pes.casework.security.agency.AgencyDirectory;
import org.springframework.security.web.reactive.result.view.CsrfRequestDataValueProcessor;
import org.springframework.security.web.server.csrf.CsrfToken;
import org.springframework.http.HttpStatus;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

import java.util.List;

/**
 * What every page needs: the signed-in officer and their agency's name for the header, and the CSRF
 * token, resolved so that every {@code th:action} form carries it.
 */
@ControllerAdvice(basePackages = "cn.pes.casework.web")
class PageModel {

    private final AgencyDirectory agencies;
    private final List<PageLink> links;

    PageModel(AgencyDirectory agencies, List<PageLink> links) {
        this.agencies = agencies;
        this.links = List.copyOf(links);
    }

    /** The header's officer and agency: every page handler starts here. */
    Mono<Officer> signedIn(Model model) {
        return Officer.current()
                .switchIfEmpty(Mono.error(() -> new ResponseStatusException(HttpStatus.UNAUTHORIZED)))
                .doOnNext(officer -> {
                    model.addAttribute("officer", officer);
                    model.addAttribute("agencyName", agencies.find(officer.agencyId()).map(Agency::name)
                            .orElse(officer.agencyId()));
                    // Navigation offers only what the officer's roles open.
                    model.addAttribute("navigation", Navigation.visibleTo(officer, links));
                });
    }

    /**
     * Resolves the CSRF token so that every {@code th:action} form carries it, and notes the page's
     * path, which the navigation marks as current (aria-current) for screen readers and the eye.
     */
    @ModelAttribute
    Mono<Void> pageContext(ServerWebExchange exchange, Model model) {
        model.addAttribute("currentPath", exchange.getRequest().getPath().pathWithinApplication().value());
        Mono<CsrfToken> token = exchange.getAttributeOrDefault(CsrfToken.class.getName(), Mono.empty());
        return token.doOnNext(csrf -> exchange.getAttributes()
                .put(CsrfRequestDataValueProcessor.DEFAULT_CSRF_ATTR_NAME, csrf)).then();
    }
}
