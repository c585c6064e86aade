package cn.pes.casework.command.policy;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** CAN-1's months without contact as dated policy versions, from {@code pes.policy.tracking[*]}. */
class TrackingPolicyBookTest {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withUserConfiguration(PolicyConfiguration.class, LoanPolicyBook.class, TrackingPolicyBook.class);

    @Test
    void withoutConfigurationSixMonthsApply() {
        TrackingPolicy policy = new TrackingPolicyBook(new TrackingPolicyProperties(null))
                .inForceOn(LocalDate.of(2026, 11, 27));
        assertThat(policy.noContactMonths()).isEqualTo(6);
        assertThat(policy.version()).isEqualTo("TRK-DEFAULT-2020");
    }

    @Test
    void bindsVersionsNextToTheOtherPoliciesAndPicksOneByTheDayOfLastContact() {
        runner.withPropertyValues(
                        "pes.policy.loan[0].version=LOAN-2020",
                        "pes.policy.loan[0].effective-from=2020-01-01",
                        "pes.policy.loan[0].women-max-age=55",
                        "pes.policy.loan[0].men-max-age=60",
                        "pes.policy.loan[0].amount-limit=200000",
                        "pes.policy.loan[0].max-term-months=36",
                        "pes.policy.loan[0].max-loans=3",
                        "pes.policy.loan[0].consumer-loan-threshold=100000",
                        "pes.policy.tracking[0].version=TRK-2020",
                        "pes.policy.tracking[0].effective-from=2020-01-01",
                        "pes.policy.tracking[0].no-contact-months=6",
                        "pes.policy.tracking[1].version=TRK-2027",
                        "pes.policy.tracking[1].effective-from=2027-01-01",
                        "pes.policy.tracking[1].no-contact-months=3")
                .run(context -> {
                    TrackingPolicyBook book = context.getBean(TrackingPolicyBook.class);
                    assertThat(book.inForceOn(LocalDate.of(2026, 12, 31)).noContactMonths()).isEqualTo(6);
                    TrackingPolicy newer = book.inForceOn(LocalDate.of(2027, 1, 1));
                    assertThat(newer.version()).isEqualTo("TRK-2027");
                    assertThat(newer.noContactMonths()).isEqualTo(3);
                    assertThat(context.getBean(LoanPolicyBook.class).inForceOn(LocalDate.of(2026, 1, 1)).version())
                            .isEqualTo("LOAN-2020");
                });
    }

    @Test
    void aDayBeforeEveryConfiguredVersionHasNoPolicy() {
        TrackingPolicyBook book = new TrackingPolicyBook(new TrackingPolicyProperties(List.of(
                new TrackingPolicy("TRK-2026", LocalDate.of(2026, 1, 1), 6))));
        assertThatThrownBy(() -> book.inForceOn(LocalDate.of(2025, 12, 31)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("pes.policy.tracking");
    }

    @Test
    void nonsensicalFiguresStopTheStart() {
        assertThatThrownBy(() -> new TrackingPolicyBook(new TrackingPolicyProperties(List.of(
                new TrackingPolicy("TRK-X", LocalDate.of(2026, 1, 1), 0),
                new TrackingPolicy("TRK-X", LocalDate.of(2026, 1, 1), 6)))))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("pes.policy.tracking[0].no-contact-months must be at least 1, was 0")
                .hasMessageContaining("pes.policy.tracking[1].version 'TRK-X' is used twice")
                .hasMessageContaining("pes.policy.tracking[1].effective-from 2026-01-01 is used twice");
    }
}
