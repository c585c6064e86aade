package cn.pes.casework.events.employer;

import org.axonframework.serialization.Revision;

import java.time.LocalDate;

/** A vacancy was posted and waits for the agency's review (岗位待审核, JOB-3). */
@Revision("1")
public record VacancyPosted(String employerId, String vacancyId, String occupation, int headcount, WageRange wage,
                            String areaAgencyId, EmploymentForm form, String requirements, LocalDate postedOn) {
}
