package cn.pes.casework.events.employer;

import java.time.LocalDate;

/** One open vacancy in a search answer (空缺岗位). */
public record VacancyLine(String employerId, String employerName, String vacancyId, String occupation, int headcount,
                          WageRange wage, String areaAgencyId, EmploymentForm form, String requirements,
                          LocalDate publishedOn) {
}
