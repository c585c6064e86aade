package cn.pes.casework.command.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** REG-1 minimum age and REG-5 online time limit as dated policy versions. */
class RegistrationPolicyBookTest {

    private static final RegistrationPolicy V2020 =
            new RegistrationPolicy("REG-2020", LocalDate.of(2020, 1, 1), 16, 2);
    private static final RegistrationPolicy V2026 =
            new RegistrationPolicy("REG-2026-07", LocalDate.of(2026, 7, 1), 16, 3);

    private static RegistrationPolicyBook book(RegistrationPolicy... versions) {
        return new RegistrationPolicyBook(new PolicyProperties(List.of(versions)));
    }

    @Test
    void withoutConfigurationTheDomainDefaultsApply() {
        RegistrationPolicyBook book = new RegistrationPolicyBook(new PolicyProperties(null));

        RegistrationPolicy policy = book.inForceOn(LocalDate.of(2026, 3, 12));
        assertThat(policy).isEqualTo(new RegistrationPolicy("REG-DEFAULT-2020", LocalDate.of(1900, 1, 1), 16, 2));
        assertThat(book.inForceOn(LocalDate.of(1900, 1, 1))).isEqualTo(policy);
    }

    @Test
    void newVersionAppliesFromItsEffectiveDate() {
        // Configured newest first on purpose: order in the configuration must not matter.
        RegistrationPolicyBook book = book(V2026, V2020);

        assertThat(book.inForceOn(LocalDate.of(2026, 6, 30))).isEqualTo(V2020);
        assertThat(book.inForceOn(LocalDate.of(2026, 7, 1))).isEqualTo(V2026);
        assertThat(book.inForceOn(LocalDate.of(2031, 1, 1))).isEqualTo(V2026);
        assertThat(book.inForceOn(LocalDate.of(2020, 1, 1))).isEqualTo(V2020);
        assertThat(book.versions()).containsExactly(V2020, V2026);
    }

    @Test
    void dateBeforeEveryConfiguredVersionIsAConfigurationGap() {
        assertThatThrownBy(() -> book(V2026).inForceOn(LocalDate.of(2026, 6, 30)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("2026-07-01");
    }

    @Test
    void duplicateEffectiveDateFailsFast() {
        RegistrationPolicy sameDay = new RegistrationPolicy("REG-OTHER", V2026.effectiveFrom(), 18, 2);

        assertThatThrownBy(() -> book(V2020, V2026, sameDay))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("pes.policy.registration[2].effective-from 2026-07-01 is used twice");
    }

    @Test
    void duplicateVersionFailsFast() {
        RegistrationPolicy sameName = new RegistrationPolicy("REG-2020", LocalDate.of(2024, 1, 1), 16, 2);

        assertThatThrownBy(() -> book(V2020, sameName))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("pes.policy.registration[1].version 'REG-2020' is used twice");
    }

    @Test
    void implausibleFiguresFailFastAllReportedAtOnce() {
        RegistrationPolicy bad = new RegistrationPolicy(" ", null, 0, 0);

        assertThatThrownBy(() -> book(bad))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("[0].version is missing")
                .hasMessageContaining("[0].effective-from is missing")
                .hasMessageContaining("[0].minimum-age must be greater than 0, was 0")
                .hasMessageContaining("[0].online-decision-working-days must be at least 1, was 0");
    }

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withUserConfiguration(PolicyConfiguration.class, RegistrationPolicyBook.class);

    @Test
    void bindsVersionsFromProperties() {
        runner.withPropertyValues(
                        "pes.policy.registration[0].version=REG-2026-07",
                        "pes.policy.registration[0].effective-from=2026-07-01",
                        "pes.policy.registration[0].minimum-age=16",
                        "pes.policy.registration[0].online-decision-working-days=3",
                        "pes.policy.registration[1].version=REG-2020",
                        "pes.policy.registration[1].effective-from=2020-01-01",
                        "pes.policy.registration[1].minimum-age=16",
                        "pes.policy.registration[1].online-decision-working-days=2")
                .run(context -> {
                    RegistrationPolicyBook book = context.getBean(RegistrationPolicyBook.class);
                    assertThat(book.inForceOn(LocalDate.of(2026, 6, 30))).isEqualTo(V2020);
                    assertThat(book.inForceOn(LocalDate.of(2026, 7, 1))).isEqualTo(V2026);
                });
    }

    @Test
    void startsWithDefaultsWhenNothingIsConfigured() {
        runner.run(context -> assertThat(context.getBean(RegistrationPolicyBook.class).inForceOn(LocalDate.of(2026, 1, 1)))
                .isEqualTo(RegistrationPolicy.DEFAULT));
    }

    @Test
    void invalidConfigurationStopsTheApplication() {
        runner.withPropertyValues(
                        "pes.policy.registration[0].version=REG-2026",
                        "pes.policy.registration[0].effective-from=2026-01-01",
                        "pes.policy.registration[0].minimum-age=0",
                        "pes.policy.registration[0].online-decision-working-days=2")
                .run(context -> assertThat(context).getFailure()
                        .rootCause().hasMessageContaining("minimum-age must be greater than 0"));
    }
}
