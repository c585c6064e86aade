package cn.pes.casework.command.policy;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** JOB-2 and CAN-1 figures as dated policy versions, from {@code pes.policy.job[*]}. */
class JobServicePolicyBookTest {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withUserConfiguration(PolicyConfiguration.class, SubsidyPolicyBook.class, JobServicePolicyBook.class);

    @Test
    void withoutConfigurationTheDomainFiguresApply() {
        JobServicePolicy policy = new JobServicePolicyBook(new JobServicePolicyProperties(null))
                .inForceOn(LocalDate.of(2026, 11, 27));
        assertThat(policy.reviewWorkingDays()).isEqualTo(1);
        assertThat(policy.refusalsBeforeCancellationProposal()).isEqualTo(3);
    }

    @Test
    void bindsVersionsNextToTheOtherPoliciesAndPicksOneByDate() {
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
                        "pes.policy.subsidy[0].two-after-student-graduation-years=2",
                        "pes.policy.job[0].version=JOB-2020",
                        "pes.policy.job[0].effective-from=2020-01-01",
                        "pes.policy.job[0].review-working-days=1",
                        "pes.policy.job[0].refusals-before-cancellation-proposal=3",
                        "pes.policy.job[1].version=JOB-2027",
                        "pes.policy.job[1].effective-from=2027-01-01",
                        "pes.policy.job[1].review-working-days=2",
                        "pes.policy.job[1].refusals-before-cancellation-proposal=2")
                .run(context -> {
                    JobServicePolicyBook book = context.getBean(JobServicePolicyBook.class);
                    assertThat(book.inForceOn(LocalDate.of(2026, 12, 31)).version()).isEqualTo("JOB-2020");
                    JobServicePolicy newer = book.inForceOn(LocalDate.of(2027, 1, 1));
                    assertThat(newer.reviewWorkingDays()).isEqualTo(2);
                    assertThat(newer.refusalsBeforeCancellationProposal()).isEqualTo(2);
                    assertThat(context.getBean(SubsidyPolicyBook.class).inForceOn(LocalDate.of(2026, 1, 1))
                            .version()).isEqualTo("SUB-2020");
                });
    }

    @Test
    void nonsensicalFiguresStopTheStart() {
        assertThatThrownBy(() -> new JobServicePolicyBook(new JobServicePolicyProperties(List.of(
                new JobServicePolicy("JOB-X", LocalDate.of(2026, 1, 1), 0, 0)))))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("pes.policy.job[0].review-working-days must be at least 1")
                .hasMessageContaining("pes.policy.job[0].refusals-before-cancellation-proposal must be at least 1");
    }
}
