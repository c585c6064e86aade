package cn.pes.casework.command.web.request;

import cn.pes.casework.events.jobseeking.ReferralOutcome;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.time.LocalDate;

/**
 * The follow-up of a referral (推荐回访, JOB-4).
 *
 * @param note      for a refusal, the reason the person gave
 * @param outcomeOn today when absent
 * @param startDate for a hire, the first working day
 */
public record ReferralOutcomeRequest(@NotNull ReferralOutcome outcome, @Size(max = 1000) String note,
                                     LocalDate outcomeOn, LocalDate startDate) {
}
