package cn.pes.casework.security.signin;

import cn.pes.casework.security.Officer;
import cn.pes.casework.security.SecurityProperties;
import cn.pes.casework.security.audit.AccessAction;
import cn.pes.casework.security.audit.AccessLog;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

/**
 * Local sign-in with lockout (MLPS level 3: 登录失败处理). After {@code pes.security.lockout.max-failures}
 * wrong passwords in a row the account is locked for {@code pes.security.lockout.duration}; while it
 * is locked even the right password is refused. Every answer to a failed sign-in is the same, so
 * that nobody learns whether an account exists or is locked; the access log tells the auditors.
 */
@Component
public class SignInService {

    private static final Logger log = LoggerFactory.getLogger(SignInService.class);
    private static final Scheduler SIGN_IN_THREADS = Schedulers.newBoundedElastic(
            Math.max(2, Runtime.getRuntime().availableProcessors()), 10_000, "sign-in", 60, true);

    private final OfficerAccounts accounts;
    private final PasswordEncoder passwords;
    private final AccessLog accessLog;
    private final SecurityProperties.Lockout lockout;
    private final SecurityProperties.PasswordRules rules;
    private final Clock clock;
    /** Compared against when the account does not exist, so that both cases take as long. */
    private final String decoyHash;

    SignInService(OfficerAccounts accounts, PasswordEncoder passwords, AccessLog accessLog,
                  SecurityProperties properties, Clock clock) {
        this.accounts = accounts;
        this.passwords = passwords;
        this.accessLog = accessLog;
        this.lockout = properties.lockout();
        this.rules = properties.password();
        this.clock = clock;
        this.decoyHash = passwords.encode("decoy-password-for-unknown-accounts");
    }

    /**
     * {@link #signIn} on threads of its own: a flood of sign-in attempts (bcrypt is slow on purpose)
     * queues there instead of taking the workers that serve commands and queries.
     */
    public Mono<Officer> signInOffLoop(String username, String password) {
        return Mono.fromCallable(() -> signIn(username, password)).subscribeOn(SIGN_IN_THREADS);
    }

    /**
     * Blocking (JDBC and bcrypt): call it off the event loop.
     *
     * @throws BadCredentialsException for a wrong password, an unknown, disabled or locked account alike
     */
    public Officer signIn(String username, String password) {
        Instant now = clock.instant();
        Optional<OfficerAccount> found = username == null ? Optional.empty() : accounts.find(username);
        if (found.isEmpty() || !found.get().enabled()) {
            passwords.matches(password == null ? "" : password, decoyHash);
            accessLog.record(null, null, AccessAction.SIGN_IN_FAILED, safeTarget(username), "unknown or disabled account", null);
            throw failed();
        }
        OfficerAccount account = found.get();
        boolean matches = password != null && passwords.matches(password, account.passwordHash());
        if (account.lockedAt(now)) {
            accessLog.record(account.officerId(), account.agencyId(), AccessAction.SIGN_IN_WHILE_LOCKED,
                    account.username(), "locked until " + account.lockedUntil(), null);
            throw failed();
        }
        if (!matches) {
            Instant until = now.plus(lockout.duration());
            boolean locked = accounts.recordFailure(account.username(), lockout.maxFailures(), until);
            accessLog.record(account.officerId(), account.agencyId(), AccessAction.SIGN_IN_FAILED, account.username(),
                    "wrong password", null);
            if (locked) {
                accessLog.record(account.officerId(), account.agencyId(), AccessAction.ACCOUNT_LOCKED,
                        account.username(), "locked until " + until, null);
                log.warn("Account of officer {} locked until {} after {} failed sign-ins", account.officerId(), until,
                        lockout.maxFailures());
            }
            throw failed();
        }
        if (!accounts.recordSuccess(account.username(), now)) {
            accessLog.record(account.officerId(), account.agencyId(), AccessAction.SIGN_IN_WHILE_LOCKED,
                    account.username(), "locked by concurrent failures", null);
            throw failed();
        }
        accessLog.record(account.officerId(), account.agencyId(), AccessAction.SIGNED_IN, account.username(), null, null);
        return account.officer();
    }

    /**
     * @throws BadCredentialsException  when the current password is wrong (counts towards the lockout)
     * @throws WeakPasswordException    when the new one breaks the password rules
     */
    public void changePassword(String username, String currentPassword, String newPassword) {
        Officer officer = signIn(username, currentPassword);
        requireStrong(username, currentPassword, newPassword);
        accounts.changePassword(username, passwords.encode(newPassword), clock.instant());
        accessLog.record(officer.officerId(), officer.agencyId(), AccessAction.PASSWORD_CHANGED, username, null, null);
    }

    /**
     * The signed-in officer changes their own password (blocking: call it off the event loop).
     *
     * @return false if the officer has no local account (their provider keeps their password)
     */
    public boolean changePasswordOf(Officer officer, String currentPassword, String newPassword) {
        Optional<OfficerAccount> account = accounts.findByOfficerId(officer.officerId());
        if (account.isEmpty()) {
            return false;
        }
        changePassword(account.get().username(), currentPassword, newPassword);
        return true;
    }

    /** An administrator ends a lockout before it runs out. */
    public boolean unlock(Officer administrator, String username) {
        if (accounts.find(username).isEmpty()) {
            return false;
        }
        accounts.unlock(username);
        accessLog.record(administrator.officerId(), administrator.agencyId(), AccessAction.ACCOUNT_UNLOCKED, username,
                null, null);
        return true;
    }

    /** Length and character classes (MLPS level 3: 口令复杂度), and not the user name or the old password. */
    void requireStrong(String username, String currentPassword, String newPassword) {
        if (newPassword == null || newPassword.length() < rules.minLength()) {
            throw new WeakPasswordException("at least " + rules.minLength() + " characters");
        }
        if (newPassword.length() > 128) {
            throw new WeakPasswordException("at most 128 characters");
        }
        int classes = (newPassword.chars().anyMatch(Character::isLowerCase) ? 1 : 0)
                + (newPassword.chars().anyMatch(Character::isUpperCase) ? 1 : 0)
                + (newPassword.chars().anyMatch(Character::isDigit) ? 1 : 0)
                + (newPassword.chars().anyMatch(c -> !Character.isLetterOrDigit(c)) ? 1 : 0);
        if (classes < rules.minCharacterClasses()) {
            throw new WeakPasswordException("at least " + rules.minCharacterClasses()
                    + " of lower case, upper case, digits and other characters");
        }
        if (newPassword.equalsIgnoreCase(username) || newPassword.equals(currentPassword)) {
            throw new WeakPasswordException("not the user name and not the current password");
        }
    }

    private static BadCredentialsException failed() {
        return new BadCredentialsException("sign-in failed");
    }

    /** A mistyped user name can be anything, even someone's ID number: keep only what looks like a user name. */
    private static String safeTarget(String username) {
        return username != null && username.matches("[A-Za-z][A-Za-z0-9._-]{0,63}") ? username : "(not a user name)";
    }
}
