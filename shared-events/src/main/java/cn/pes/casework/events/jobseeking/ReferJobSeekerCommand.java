package cn.pes.casework.events.jobseeking;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;

/**
 * Refer a job seeker to a published vacancy (推荐就业, JOB-4). The caller chooses {@code referralId};
 * sending it twice records it once.
 *
 * @param fairId the recruitment fair the referral was made at, or null
 */
public record ReferJobSeekerCommand(@TargetAggregateIdentifier String caseId, String referralId, String employerId,
                                    String vacancyId, String fairId, LocalDate referredOn, LocalDate recordedOn) {
}
