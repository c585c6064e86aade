package cn.pes.casework.events.jobseeking;

import org.axonframework.serialization.Revision;

import java.time.LocalDate;

/**
 * The outcome of a referral was followed up (JOB-4). A hire is followed by {@code Employed}
 * (JOB-6); a refusal without good reason that reaches the policy's count by {@code CancellationProposed}.
 *
 * @param refusalsWithoutGoodReason such refusals in the spell counted towards a proposal, this one included
 * @param startDate                 for a hire, the first working day, else null
 */
@Revision("1")
public record ReferralOutcomeRecorded(String caseId, int spell, String referralId, String employerId,
                                      String vacancyId, String fairId, ReferralOutcome outcome, String note,
                                      LocalDate outcomeOn, LocalDate startDate, int refusalsWithoutGoodReason,
                                      String agencyId) {
}
