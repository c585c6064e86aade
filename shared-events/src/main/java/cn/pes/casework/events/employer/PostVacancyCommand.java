package cn.pes.casework.events.employer;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;

/**
 * Post a vacancy of the employer (岗位发布申请, JOB-3); it waits for the agency's review. The caller
 * chooses {@code vacancyId}; sending the same vacancy twice posts it once.
 *
 * @param headcount    positions to fill (招聘人数), at least 1
 * @param areaAgencyId the agency of the area where the work is done
 * @param requirements free text: qualifications, experience, age, working hours
 */
public record PostVacancyCommand(@TargetAggregateIdentifier String employerId, String vacancyId, String occupation,
                                 int headcount, WageRange wage, String areaAgencyId, EmploymentForm form,
                                 String requirements, LocalDate postedOn) {
}
