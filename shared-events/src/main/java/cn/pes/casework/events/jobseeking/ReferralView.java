package cn.pes.casework.events.jobseeking;

import java.time.LocalDate;

/**
 * A referral and its latest outcome.
 *
 * @param outcome   the latest outcome, null while none is recorded
 * @param outcomeOn the day of the latest outcome, or null
 */
public record ReferralView(String referralId, ReferredVacancy vacancy, String fairId, LocalDate referredOn,
                           ReferralOutcome outcome, LocalDate outcomeOn, String note) {
}
