package cn.pes.casework.events.employer;

import org.axonframework.serialization.Revision;

import java.time.LocalDate;

/** The vacancy closed (岗位关闭, JOB-3), filled or withdrawn; it is no longer open to job seekers. */
@Revision("1")
public record VacancyClosed(String employerId, String vacancyId, VacancyCloseReason reason, LocalDate closedOn) {
}
