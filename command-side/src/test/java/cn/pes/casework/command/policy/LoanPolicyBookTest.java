package cn.pes.casework.command.policy;

import cn.pes.casework.events.entrepreneurship.ExistingLoanType;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LoanPolicyBookTest {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withUserConfiguration(PolicyConfiguration.class, LoanPolicyBook.class);

    @Test
    void withoutConfigurationTheDomainDefaultsApply() {
        LoanPolicy policy = new LoanPolicyBook(new PolicyProperties(null, null, null)).inForceOn(LocalDate.of(2026, 6, 1));
        assertThat(policy.version()).isEqualTo("LOAN-DEFAULT-2020");
        assertThat(policy.womenMaxAge()).isEqualTo(55);
        assertThat(policy.menMaxAge()).isEqualTo(60);
        assertThat(policy.ageLimitReading()).isEqualTo(LoanPolicy.AgeLimitReading.NOT_OVER);
        assertThat(policy.amountLimit()).isEqualByComparingTo("200000");
        assertThat(policy.maxTermMonths()).isEqualTo(36);
        assertThat(policy.maxLoans()).isEqualTo(3);
        assertThat(policy.permittedLoanTypes()).containsExactly(ExistingLoanType.STUDENT,
                ExistingLoanType.POVERTY_RELIEF, ExistingLoanType.HOUSING, ExistingLoanType.CAR);
        assertThat(policy.consumerLoanThreshold()).isEqualByComparingTo("100000");
    }

    @Test
    void versionsAreBoundFromPropertiesAndChosenByApplicationDate() {
        runner.withPropertyValues(
                        "pes.policy.loan[0].version=LOAN-2020", "pes.policy.loan[0].effective-from=2020-01-01",
                        "pes.policy.loan[0].women-max-age=55", "pes.policy.loan[0].men-max-age=60",
                        "pes.policy.loan[0].amount-limit=200000", "pes.policy.loan[0].max-term-months=36",
                        "pes.policy.loan[0].max-loans=3", "pes.policy.loan[0].permitted-loan-types=STUDENT,HOUSING",
                        "pes.policy.loan[0].consumer-loan-threshold=100000",
                        "pes.policy.loan[1].version=LOAN-2027", "pes.policy.loan[1].effective-from=2027-01-01",
                        "pes.policy.loan[1].women-max-age=55", "pes.policy.loan[1].men-max-age=60",
                        "pes.policy.loan[1].age-limit-reading=UNDER",
                        "pes.policy.loan[1].amount-limit=300000", "pes.policy.loan[1].max-term-months=36",
                        "pes.policy.loan[1].max-loans=3", "pes.policy.loan[1].consumer-loan-threshold=50000")
                .run(context -> {
                    LoanPolicyBook book = context.getBean(LoanPolicyBook.class);
                    assertThat(book.inForceOn(LocalDate.of(2026, 12, 31)).version()).isEqualTo("LOAN-2020");
                    assertThat(book.inForceOn(LocalDate.of(2026, 12, 31)).permittedLoanTypes())
                            .containsExactly(ExistingLoanType.STUDENT, ExistingLoanType.HOUSING);
                    LoanPolicy raised = book.inForceOn(LocalDate.of(2027, 1, 1));
                    assertThat(raised.version()).isEqualTo("LOAN-2027");
                    assertThat(raised.amountLimit()).isEqualByComparingTo("300000");
                    assertThat(raised.ageLimitReading()).isEqualTo(LoanPolicy.AgeLimitReading.UNDER);
                });
    }

    @Test
    void notOverIncludesTheLimitAndUnderExcludesIt() {
        LoanPolicy under = new LoanPolicy("U", LocalDate.of(2020, 1, 1), 55, 60, LoanPolicy.AgeLimitReading.UNDER,
                new BigDecimal("1"), 1, 1, Set.of(), BigDecimal.ZERO);
        assertThat(LoanPolicy.DEFAULT.ageWithinLimit(55, true)).isTrue();
        assertThat(LoanPolicy.DEFAULT.ageWithinLimit(56, true)).isFalse();
        assertThat(LoanPolicy.DEFAULT.ageWithinLimit(60, false)).isTrue();
        assertThat(LoanPolicy.DEFAULT.ageWithinLimit(61, false)).isFalse();
        assertThat(under.ageWithinLimit(54, true)).isTrue();
        assertThat(under.ageWithinLimit(55, true)).isFalse();
    }

    @Test
    void brokenFiguresStopTheStartNamingEachProperty() {
        LoanPolicy broken = new LoanPolicy("LOAN-BROKEN", LocalDate.of(2026, 1, 1), 0, 60, null,
                BigDecimal.ZERO, 0, 0, Set.of(ExistingLoanType.CONSUMER), new BigDecimal("-1"));
        assertThatThrownBy(() -> new LoanPolicyBook(new PolicyProperties(null, null, null, List.of(broken))))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("pes.policy.loan[0].women-max-age must be at least 1")
                .hasMessageContaining("pes.policy.loan[0].max-term-months must be at least 1")
                .hasMessageContaining("pes.policy.loan[0].max-loans must be at least 1")
                .hasMessageContaining("pes.policy.loan[0].amount-limit must be greater than 0")
                .hasMessageContaining("pes.policy.loan[0].consumer-loan-threshold must be 0 or more")
                .hasMessageContaining("pes.policy.loan[0].permitted-loan-types must not name CONSUMER");
    }

    @Test
    void twoVersionsOnOneDayAreRefused() {
        LoanPolicy other = new LoanPolicy("LOAN-OTHER", LoanPolicy.DEFAULT.effectiveFrom(), 55, 60, null,
                new BigDecimal("200000"), 36, 3, Set.of(), new BigDecimal("100000"));
        assertThatThrownBy(() -> new LoanPolicyBook(new PolicyProperties(null, null, null,
                List.of(LoanPolicy.DEFAULT, other))))
                .hasMessageContaining("is used twice");
    }
}
