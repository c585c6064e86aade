package cn.pes.casework.command.policy;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RetentionPolicyBookTest {

    private static RetentionPolicyBook book(RetentionPolicy... versions) {
        return new RetentionPolicyBook(new PolicyProperties(List.of(), List.of(versions)));
    }

    @Test
    void withoutConfigurationPersonalDataIsKeptFiveYears() {
        RetentionPolicy policy = new RetentionPolicyBook(new PolicyProperties(null, null))
                .inForceOn(LocalDate.of(2026, 11, 27));

        assertThat(policy.years()).isEqualTo(5);
        assertThat(policy.version()).isEqualTo("RETENTION-DEFAULT");
    }

    @Test
    void aLongerPeriodAppliesToRequestsFromItsEffectiveDate() {
        RetentionPolicyBook book = book(new RetentionPolicy("RET-2020", LocalDate.of(2020, 1, 1), 5),
                new RetentionPolicy("RET-2027", LocalDate.of(2027, 1, 1), 10));

        assertThat(book.inForceOn(LocalDate.of(2026, 12, 31)).years()).isEqualTo(5);
        assertThat(book.inForceOn(LocalDate.of(2027, 1, 1)).years()).isEqualTo(10);
    }

    @Test
    void aPeriodUnderOneYearStopsTheStart() {
        assertThatThrownBy(() -> book(new RetentionPolicy("RET-0", LocalDate.of(2020, 1, 1), 0)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("pes.policy.retention[0].years must be at least 1");
    }

    @Test
    void aRequestBeforeEveryConfiguredVersionIsRefusedRatherThanDecidedWithDefaults() {
        RetentionPolicyBook book = book(new RetentionPolicy("RET-2027", LocalDate.of(2027, 1, 1), 10));

        assertThatThrownBy(() -> book.inForceOn(LocalDate.of(2026, 1, 1)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("No retention policy in force on 2026-01-01");
    }
}
