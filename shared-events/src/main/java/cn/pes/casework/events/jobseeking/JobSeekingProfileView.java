package cn.pes.casework.events.jobseeking;

import java.time.LocalDate;
import java.util.List;

/**
 * A person's job-seeking profile (求职档案). Registration fields are null when the person never
 * registered as a job seeker; referrals and guidance cover all registrations, newest first.
 *
 * @param refusalsWithoutGoodReason counted towards a CAN-1 proposal in the current spell
 * @param openProposalId            a cancellation proposal waiting for an officer, or null
 */
public record JobSeekingProfileView(String caseId, String jobSeekingId, JobSeekingStatus status,
                                    BasicInformation basics, JobIntentions intentions, String agencyId,
                                    LocalDate receivedOn, LocalDate reviewDueOn, LocalDate decidedOn,
                                    List<ReferralView> referrals, List<GuidanceSessionView> guidance,
                                    int refusalsWithoutGoodReason, String openProposalId) {
}
