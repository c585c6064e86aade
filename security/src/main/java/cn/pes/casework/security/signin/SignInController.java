package cn.pes.casework.security.signin;

import cn.pes.casework.security.Officer;
import cn.pes.casework.security.SecurityProperties;
import cn.pes.casework.security.agency.Agency;
import cn.pes.casework.security.agency.AgencyDirectory;
import cn.pes.casework.security.web.SecurityProblems;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.support.WebExchangeBindException;
import org.springframework.web.server.ServerWebInputException;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * Local sign-in for API clients (a bearer token), the officer's own account (who am I, change my
 * password) and the administrators' account list and unlock. In OIDC mode the provider owns
 * passwords and tokens, and the local endpoints answer 404.
 */
@RestController
class SignInController {

    private final SignInService signIn;
    private final OfficerAccounts accounts;
    private final PlatformTokens tokens;
    private final AgencyDirectory agencies;
    private final SecurityProperties properties;
    private final Clock clock;

    SignInController(SignInService signIn, OfficerAccounts accounts, PlatformTokens tokens, AgencyDirectory agencies,
                     SecurityProperties properties, Clock clock) {
        this.signIn = signIn;
        this.accounts = accounts;
        this.tokens = tokens;
        this.agencies = agencies;
        this.properties = properties;
        this.clock = clock;
    }

    /** OAuth 2.0-style password grant for the platform's own clients; the same lockout as the browser form. */
    @PostMapping("/api/auth/token")
    Mono<PlatformTokens.IssuedToken> token(@Valid @RequestBody Credentials credentials) {
        requireLocal();
        return signIn.signInOffLoop(credentials.username(), credentials.password())
                .map(officer -> tokens.issue(credentials.username(), officer));
    }

    @GetMapping("/api/account")
    Me me(@AuthenticationPrincipal Officer officer) {
        return new Me(officer.officerId(), officer.agencyId(),
                agencies.find(officer.agencyId()).map(Agency::name).orElse(null), officer.roles());
    }

    @PostMapping("/api/account/password")
    Mono<ResponseEntity<Void>> changePassword(@AuthenticationPrincipal Officer officer,
                                              @Valid @RequestBody PasswordChange change) {
        requireLocal();
        return Mono.fromCallable(() -> {
                    if (!signIn.changePasswordOf(officer, change.currentPassword(), change.newPassword())) {
                        throw new NotLocalException();
                    }
                    return ResponseEntity.noContent().<Void>build();
                })
                .subscribeOn(Schedulers.boundedElastic());
    }

    @GetMapping("/api/admin/accounts")
    Mono<List<AccountView>> accounts() {
        requireLocal();
        Instant now = clock.instant();
        return Mono.fromCallable(() -> accounts.all().stream().map(account -> new AccountView(account.username(),
                        account.officerId(), account.agencyId(), account.roles(), account.enabled(),
                        account.lockedAt(now) ? account.lockedUntil() : null, account.initialPassword(),
                        account.passwordChangedAt())).toList())
                .subscribeOn(Schedulers.boundedElastic());
    }

    @PostMapping("/api/admin/accounts/{username}/unlock")
    Mono<ResponseEntity<Void>> unlock(@AuthenticationPrincipal Officer administrator, @PathVariable String username) {
        requireLocal();
        return Mono.fromCallable(() -> signIn.unlock(administrator, username)
                        ? ResponseEntity.noContent().<Void>build()
                        : ResponseEntity.notFound().<Void>build())
                .subscribeOn(Schedulers.boundedElastic());
    }

    @ExceptionHandler(BadCredentialsException.class)
    ResponseEntity<ProblemDetail> signInFailed() {
        return respond(SecurityProblems.problem(HttpStatus.UNAUTHORIZED, SecurityProblems.ACCESS_RULE,
                "SIGN_IN_FAILED", null, "user name or password wrong, or the account is locked for a while"));
    }

    @ExceptionHandler(WeakPasswordException.class)
    ResponseEntity<ProblemDetail> weakPassword(WeakPasswordException e) {
        return respond(SecurityProblems.problem(HttpStatus.UNPROCESSABLE_ENTITY, SecurityProblems.ACCESS_RULE,
                "PASSWORD_TOO_WEAK", "newPassword", "the new password needs " + e.getMessage()));
    }

    @ExceptionHandler(WebExchangeBindException.class)
    ResponseEntity<ProblemDetail> invalid(WebExchangeBindException e) {
        String field = e.getFieldErrors().isEmpty() ? null : e.getFieldErrors().get(0).getField();
        return respond(SecurityProblems.problem(HttpStatus.BAD_REQUEST, "INPUT", "INVALID_FIELDS", field,
                "invalid or missing fields"));
    }

    @ExceptionHandler(ServerWebInputException.class)
    ResponseEntity<ProblemDetail> unreadable() {
        return respond(SecurityProblems.problem(HttpStatus.BAD_REQUEST, "INPUT", "MALFORMED_REQUEST", null,
                "the request could not be read"));
    }

    @ExceptionHandler(NotLocalException.class)
    ResponseEntity<ProblemDetail> notLocal() {
        return respond(SecurityProblems.problem(HttpStatus.NOT_FOUND, SecurityProblems.ACCESS_RULE,
                "NOT_FOUND", null, "passwords and tokens are managed by the sign-in provider"));
    }

    private void requireLocal() {
        if (properties.signIn() != SecurityProperties.SignIn.LOCAL) {
            throw new NotLocalException();
        }
    }

    private static ResponseEntity<ProblemDetail> respond(ProblemDetail problem) {
        return ResponseEntity.status(problem.getStatus()).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }

    record Credentials(@NotBlank @Size(max = 64) String username, @NotBlank @Size(max = 128) String password) {

        @Override
        public String toString() {
            return "Credentials[" + username + "]";
        }
    }

    record PasswordChange(@NotBlank @Size(max = 128) String currentPassword,
                          @NotBlank @Size(max = 128) String newPassword) {

        @Override
        public String toString() {
            return "PasswordChange[]";
        }
    }

    record Me(String officerId, String agencyId, String agencyName, Set<cn.pes.casework.security.Role> roles) {
    }

    record AccountView(String username, String officerId, String agencyId, Set<cn.pes.casework.security.Role> roles,
                       boolean enabled, Instant lockedUntil, boolean initialPassword, Instant passwordChangedAt) {
    }

    static final class NotLocalException extends RuntimeException {
        NotLocalException() {
            super("not available with this sign-in", null, false, false);
        }
    }
}
