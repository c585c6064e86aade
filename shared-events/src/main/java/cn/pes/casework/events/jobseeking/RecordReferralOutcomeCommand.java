package cn.pes.casework.events.jobseeking;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;

/**
 * Record the follow-up of a referral (推荐回访, JOB-4).
 *
 * @param note      what was found; for a refusal, the reason the person gave
 * @param outcomeOn the day it happened
 * @param startDate for {@link ReferralOutcome#HIRED}: the first working day, else null
 */
public record RecordReferralOutcomeCommand(@TargetAggregateIdentifier String caseId, String referralId,
                                           ReferralOutcome outcome, String note, LocalDate outcomeOn,
                                           LocalDate startDate, LocalDate recordedOn) {
}
