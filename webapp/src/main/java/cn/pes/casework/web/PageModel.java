package cn.pes.casework.web;

import cn.pes.casework.security.AccessRules;
import cn.pes.casework.security.Officer;
import cn.pes.casework.security.Role;
import cn.pes.casework.security.SecurityProperties;
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

/**
 * What every page needs: the signed-in officer and their agency's name for the header, and the CSRF
 * token, resolved so that every {@code th:action} form carries it.
 */
@ControllerAdvice(basePackages = "cn.pes.casework.web")
class PageModel {

    private final AgencyDirectory agencies;
    private final AccessRules rules;
    private final boolean localPasswords;

    PageModel(AgencyDirectory agencies, AccessRules rules, SecurityProperties security) {
        this.agencies = agencies;
        this.rules = rules;
        this.localPasswords = security.signIn() == SecurityProperties.SignIn.LOCAL;
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
                    model.addAttribute("mayViewCases", rules.mayViewCase(officer));
                    model.addAttribute("mayRegister", officer.has(Role.CASEWORKER));
                    model.addAttribute("mayListPeople", rules.mayListPeopleOf(officer, officer.agencyId()));
                    model.addAttribute("maySeeStatistics", rules.maySeeStatisticsOf(officer, officer.agencyId()));
                    // Signed in through an OpenID Connect provider, the provider keeps the password.
                    model.addAttribute("mayChangePassword", localPasswords);
                });
    }

    @ModelAttribute
    Mono<Void> csrfToken(ServerWebExchange exchange) {
        Mono<CsrfToken> token = exchange.getAttributeOrDefault(CsrfToken.class.getName(), Mono.empty());
        return token.doOnNext(csrf -> exchange.getAttributes()
                .put(CsrfRequestDataValueProcessor.DEFAULT_CSRF_ATTR_NAME, csrf)).then();
    }
}
