package cn.pes.casework.events.employer;

import org.axonframework.serialization.Revision;

import java.time.LocalDate;

/** The agency's review refused the vacancy (岗位审核不通过, JOB-3); it is never published. */
@Revision("1")
public record VacancyRejected(String employerId, String vacancyId, String reason, LocalDate rejectedOn) {
}
