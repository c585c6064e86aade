package cn.pes.casework.command.policy;

import cn.pes.casework.events.shared.PersonCategory;
import cn.pes.casework.events.subsidy.CertificateLevel;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** SUB-2..SUB-7 figures as dated policy versions, from configuration. */
class SubsidyPolicyBookTest {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withUserConfiguration(PolicyConfiguration.class, SubsidyPolicyBook.class);

    @Test
    void withoutConfigurationTheDomainFiguresApply() {
        SubsidyPolicy policy = new SubsidyPolicyBook(new PolicyProperties(null, null, null))
                .inForceOn(LocalDate.of(2026, 9, 28));
        assertThat(policy.applicationWindowMonths()).isEqualTo(12);
        assertThat(List.of(policy.reviewWorkingDays(), policy.publicityWorkingDays(), policy.paymentWorkingDays()))
                .containsExactly(15, 5, 60);
        assertThat(policy.amountFor(CertificateLevel.LEVEL_5)).contains(new BigDecimal("1000"));
        assertThat(policy.amountFor(CertificateLevel.LEVEL_4)).contains(new BigDecimal("1500"));
        assertThat(policy.amountFor(CertificateLevel.LEVEL_3)).contains(new BigDecimal("2000"));
        assertThat(policy.amountFor(CertificateLevel.LEVEL_2)).isEmpty();
        assertThat(policy.maxPerCalendarYear()).isEqualTo(3);
        assertThat(policy.allowanceAmount()).isEqualByComparingTo("500");
        assertThat(policy.allowanceGroups()).containsExactlyInAnyOrder(PersonCategory.POVERTY_ALLEVIATED,
                PersonCategory.EMPLOYMENT_DIFFICULTY, PersonCategory.ZERO_EMPLOYMENT_FAMILY, PersonCategory.DISABLED);
        assertThat(policy.twoAfterStudentGraduationYears()).isEqualTo(2);
    }

    @Test
    void bindsVersionsAndPicksOneByReceiptDate() {
        runner.withPropertyValues(
                        "pes.policy.subsidy[0].version=SUB-2020",
                        "pes.policy.subsidy[0].effective-from=2020-01-01",
                        "pes.policy.subsidy[0].application-window-months=12",
                        "pes.policy.subsidy[0].review-working-days=15",
                        "pes.policy.subsidy[0].publicity-working-days=5",
                        "pes.policy.subsidy[0].payment-working-days=60",
                        "pes.policy.subsidy[0].amounts.LEVEL_5=1000",
                        "pes.policy.subsidy[0].max-per-calendar-year=3",
                        "pes.policy.subsidy[0].allowance-amount=500",
                        "pes.policy.subsidy[0].allowance-groups=DISABLED,POVERTY_ALLEVIATED",
                        "pes.policy.subsidy[0].two-after-student-graduation-years=2",
                        "pes.policy.subsidy[1].version=SUB-2027",
                        "pes.policy.subsidy[1].effective-from=2027-01-01",
                        "pes.policy.subsidy[1].application-window-months=12",
                        "pes.policy.subsidy[1].review-working-days=10",
                        "pes.policy.subsidy[1].publicity-working-days=5",
                        "pes.policy.subsidy[1].payment-working-days=30",
                        "pes.policy.subsidy[1].amounts.LEVEL_5=1200",
                        "pes.policy.subsidy[1].amounts.LEVEL_4=1800",
                        "pes.policy.subsidy[1].max-per-calendar-year=3",
                        "pes.policy.subsidy[1].allowance-amount=600",
                        "pes.policy.subsidy[1].allowance-groups=DISABLED",
                        "pes.policy.subsidy[1].two-after-student-graduation-years=2")
                .run(context -> {
                    SubsidyPolicyBook book = context.getBean(SubsidyPolicyBook.class);
                    assertThat(book.inForceOn(LocalDate.of(2026, 12, 31)).version()).isEqualTo("SUB-2020");
                    SubsidyPolicy newer = book.inForceOn(LocalDate.of(2027, 1, 1));
                    assertThat(newer.version()).isEqualTo("SUB-2027");
                    assertThat(newer.reviewWorkingDays()).isEqualTo(10);
                    assertThat(newer.amountFor(CertificateLevel.LEVEL_4)).contains(new BigDecimal("1800"));
                    assertThat(newer.allowanceGroups()).containsExactly(PersonCategory.DISABLED);
                });
    }

    @Test
    void nonsensicalFiguresStopTheStart() {
        SubsidyPolicy broken = new SubsidyPolicy("SUB-X", LocalDate.of(2026, 1, 1), 0, 15, 5, 60,
                Map.of(CertificateLevel.LEVEL_5, BigDecimal.ZERO), 3, new BigDecimal("500"), Set.of(), 0);
        assertThatThrownBy(() -> new SubsidyPolicyBook(new PolicyProperties(null, null, List.of(broken))))
                .hasMessageContaining("pes.policy.subsidy[0].application-window-months must be at least 1")
                .hasMessageContaining("pes.policy.subsidy[0].amounts.LEVEL_5 must be greater than 0")
                .hasMessageContaining("two-after-student-graduation-years must be at least 1");
    }
}
