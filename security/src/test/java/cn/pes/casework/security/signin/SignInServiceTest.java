package cn.pes.casework.security.signin;

import cn.pes.casework.security.Officer;
import cn.pes.casework.security.Role;
import cn.pes.casework.security.SecurityProperties;
import cn.pes.casework.security.SecuritySchema;
import cn.pes.casework.security.audit.AccessAction;
import cn.pes.casework.security.audit.AccessLog;
import cn.pes.casework.security.audit.AccessLogEntry;
import org.h2.Driver;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Lockout and password rules against the real account table (H2) and the real access log. */
class SignInServiceTest {

    private static final String PASSWORD = "Initial-Pass-2026";
    private final MovableClock clock = new MovableClock(Instant.parse("2026-11-27T02:00:00Z"));
    private final PasswordEncoder encoder = PasswordEncoderFactories.createDelegatingPasswordEncoder();
    private SignInService signIn;
    private AccessLog accessLog;
    private OfficerAccounts accounts;

    @BeforeEach
    void setUp() {
        SimpleDriverDataSource dataSource = new SimpleDriverDataSource(new Driver(),
                "jdbc:h2:mem:signin-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa", "");
        new SecuritySchema(dataSource).afterPropertiesSet();
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);
        accounts = new OfficerAccounts(jdbc);
        accessLog = new AccessLog(jdbc, clock);
        SecurityProperties properties = new SecurityProperties(SecurityProperties.SignIn.LOCAL, List.of(),
                new SecurityProperties.Lockout(5, Duration.ofMinutes(15)),
                new SecurityProperties.Tokens(null, Duration.ofHours(8), "pes-casework"),
                new SecurityProperties.Oidc(null, null, null, null, "preferred_username", "agency_id", "roles",
                        null, null, null),
                new SecurityProperties.PasswordRules(12, 3));
        signIn = new SignInService(accounts, encoder, accessLog, properties, clock);
        accounts.createIfAbsent("li", "W990101001A", "990101001", Set.of(Role.CASEWORKER), encoder.encode(PASSWORD));
    }

    @Test
    void rightPasswordSignsTheOfficerIn() {
        Officer officer = signIn.signIn("li", PASSWORD);

        assertThat(officer).isEqualTo(new Officer("W990101001A", "990101001", Set.of(Role.CASEWORKER)));
        assertThat(log(AccessAction.SIGNED_IN)).hasSize(1);
    }

    @Test
    void wrongPasswordUnknownAccountAndLockedAccountAnswerAlike() {
        assertThatThrownBy(() -> signIn.signIn("li", "wrong")).isInstanceOf(BadCredentialsException.class)
                .hasMessage("sign-in failed");
        assertThatThrownBy(() -> signIn.signIn("nobody", PASSWORD)).isInstanceOf(BadCredentialsException.class)
                .hasMessage("sign-in failed");
    }

    @Test
    void fifthWrongPasswordLocksTheAccountEvenAgainstTheRightOne() {
        for (int i = 0; i < 5; i++) {
            assertThatThrownBy(() -> signIn.signIn("li", "wrong")).isInstanceOf(BadCredentialsException.class);
        }

        assertThatThrownBy(() -> signIn.signIn("li", PASSWORD)).isInstanceOf(BadCredentialsException.class);
        assertThat(log(AccessAction.ACCOUNT_LOCKED)).hasSize(1);
        assertThat(log(AccessAction.SIGN_IN_WHILE_LOCKED)).hasSize(1);
    }

    @Test
    void lockEndsAfterItsDuration() {
        for (int i = 0; i < 5; i++) {
            assertThatThrownBy(() -> signIn.signIn("li", "wrong")).isInstanceOf(BadCredentialsException.class);
        }
        clock.advance(Duration.ofMinutes(14));
        assertThatThrownBy(() -> signIn.signIn("li", PASSWORD)).isInstanceOf(BadCredentialsException.class);

        clock.advance(Duration.ofMinutes(2));

        assertThat(signIn.signIn("li", PASSWORD).officerId()).isEqualTo("W990101001A");
    }

    @Test
    void aSuccessfulSignInStartsTheCountAgain() {
        for (int i = 0; i < 4; i++) {
            assertThatThrownBy(() -> signIn.signIn("li", "wrong")).isInstanceOf(BadCredentialsException.class);
        }
        signIn.signIn("li", PASSWORD);
        for (int i = 0; i < 4; i++) {
            assertThatThrownBy(() -> signIn.signIn("li", "wrong")).isInstanceOf(BadCredentialsException.class);
        }

        assertThat(signIn.signIn("li", PASSWORD).officerId()).isEqualTo("W990101001A");
    }

    @Test
    void aRightPasswordRacingTheFailuresThatLockTheAccountDoesNotLiftTheLock() {
        // As if the right guess passed the lock check just before parallel wrong guesses locked the account.
        for (int i = 0; i < 5; i++) {
            accounts.recordFailure("li", 5, clock.instant().plus(Duration.ofMinutes(15)));
        }

        assertThat(accounts.recordSuccess("li", clock.instant())).isFalse();
        assertThat(accounts.find("li").orElseThrow().lockedAt(clock.instant())).isTrue();
    }

    @Test
    void onlyTheFailureThatReachesTheLimitLocks() {
        Instant until = clock.instant().plus(Duration.ofMinutes(15));
        for (int i = 0; i < 4; i++) {
            assertThat(accounts.recordFailure("li", 5, until)).isFalse();
        }

        assertThat(accounts.recordFailure("li", 5, until)).isTrue();
    }

    @Test
    void anAdministratorEndsALockEarly() {
        for (int i = 0; i < 5; i++) {
            assertThatThrownBy(() -> signIn.signIn("li", "wrong")).isInstanceOf(BadCredentialsException.class);
        }

        assertThat(signIn.unlock(new Officer("S9901A", "9901", Set.of(Role.ADMINISTRATOR)), "li")).isTrue();

        assertThat(signIn.signIn("li", PASSWORD).officerId()).isEqualTo("W990101001A");
        assertThat(log(AccessAction.ACCOUNT_UNLOCKED)).extracting(AccessLogEntry::officerId).containsExactly("S9901A");
    }

    @Test
    void changedPasswordReplacesTheOldOne() {
        signIn.changePassword("li", PASSWORD, "Brand-New-Pass-42");

        assertThat(signIn.signIn("li", "Brand-New-Pass-42").officerId()).isEqualTo("W990101001A");
        assertThatThrownBy(() -> signIn.signIn("li", PASSWORD)).isInstanceOf(BadCredentialsException.class);
        assertThat(accounts.find("li").orElseThrow().initialPassword()).isFalse();
        assertThat(log(AccessAction.PASSWORD_CHANGED)).hasSize(1);
    }

    @Test
    void passwordChangeNeedsTheCurrentPassword() {
        assertThatThrownBy(() -> signIn.changePassword("li", "wrong", "Brand-New-Pass-42"))
                .isInstanceOf(BadCredentialsException.class);
        assertThat(signIn.signIn("li", PASSWORD).officerId()).isEqualTo("W990101001A");
    }

    @Test
    void weakPasswordsAreRefused() {
        assertThatThrownBy(() -> signIn.changePassword("li", PASSWORD, "Short-1"))
                .isInstanceOf(WeakPasswordException.class);
        assertThatThrownBy(() -> signIn.changePassword("li", PASSWORD, "alllowercaseletters"))
                .isInstanceOf(WeakPasswordException.class);
        assertThatThrownBy(() -> signIn.changePassword("li", PASSWORD, PASSWORD))
                .isInstanceOf(WeakPasswordException.class);
        assertThat(signIn.signIn("li", PASSWORD).officerId()).isEqualTo("W990101001A");
    }

    @Test
    void aMistypedUserNameThatCouldBePersonalDataIsNotLogged() {
        assertThatThrownBy(() -> signIn.signIn("110105199001011234", PASSWORD))
                .isInstanceOf(BadCredentialsException.class);

        assertThat(log(AccessAction.SIGN_IN_FAILED)).extracting(AccessLogEntry::target)
                .containsExactly("(not a user name)");
    }

    private List<AccessLogEntry> log(AccessAction action) {
        return accessLog.search(null, action, null, null, null, 100);
    }

    static final class MovableClock extends Clock {
        private Instant now;

        MovableClock(Instant now) {
            this.now = now;
        }

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
