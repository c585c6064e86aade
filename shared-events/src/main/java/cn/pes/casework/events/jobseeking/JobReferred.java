package cn.pes.casework.events.jobseeking;

import org.axonframework.serialization.Revision;

import java.time.LocalDate;

/**
 * A job seeker was referred to a published vacancy (JOB-4); the outcome is followed up.
 *
 * @param fairId   the recruitment fair it was made at, or null
 * @param agencyId the agency responsible for the case
 */
@Revision("1")
public record JobReferred(String caseId, int spell, String jobSeekingId, String referralId, ReferredVacancy vacancy,
                          String fairId, String agencyId, LocalDate referredOn) {
}
