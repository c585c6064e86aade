package cn.pes.casework.web;

import cn.pes.casework.security.Officer;
import cn.pes.casework.security.SecurityProperties;
import cn.pes.casework.security.signin.SignInService;
import cn.pes.casework.security.signin.WeakPasswordException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * An officer changes their own password (LOCAL sign-in; with OpenID Connect the provider keeps
 * passwords and this page does not exist). Wrong current passwords count towards the lockout.
 */
@Controller
class AccountPages {

    private final SignInService signIn;
    private final SecurityProperties properties;
    private final PageModel page;

    AccountPages(SignInService signIn, SecurityProperties properties, PageModel page) {
        this.signIn = signIn;
        this.properties = properties;
        this.page = page;
    }

    @GetMapping("/account/password")
    Mono<String> form(@RequestParam(name = "initial", required = false) String initial, Model model) {
        requireLocal();
        // Sent here by the sign-in gate: the account still has the password an administrator handed out.
        model.addAttribute("initial", initial != null);
        return page.signedIn(model).thenReturn("account/password");
    }

    @PostMapping(value = "/account/password", consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
    Mono<String> change(ServerWebExchange exchange, Model model) {
        requireLocal();
        return exchange.getFormData().flatMap(form -> page.signedIn(model).flatMap(officer -> {
            String current = form.getFirst("currentPassword");
            String next = form.getFirst("newPassword");
            if (next == null || !next.equals(form.getFirst("repeatPassword"))) {
                model.addAttribute("error", "account.password.mismatch");
                return Mono.just("account/password");
            }
            return Mono.fromCallable(() -> outcome(officer, current, next))
                    .subscribeOn(Schedulers.boundedElastic())
                    .map(outcome -> {
                        model.addAttribute(outcome.startsWith("account.password.changed") ? "done" : "error", outcome);
                        return "account/password";
                    });
        }));
    }

    private String outcome(Officer officer, String current, String next) {
        try {
            return signIn.changePasswordOf(officer, current == null ? "" : current, next)
                    ? "account.password.changed" : "account.password.external";
        } catch (BadCredentialsException e) {
            return "account.password.wrong";
        } catch (WeakPasswordException e) {
            return "account.password.weak";
        }
    }

    private void requireLocal() {
        if (properties.signIn() != SecurityProperties.SignIn.LOCAL) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
    }
}
