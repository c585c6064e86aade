package cn.pes.casework.events.employer;

import org.axonframework.serialization.Revision;

import java.time.LocalDate;

/** The agency reviewed the vacancy and published it (岗位发布, JOB-3): job seekers can find it. */
@Revision("1")
public record VacancyPublished(String employerId, String vacancyId, LocalDate publishedOn) {
}
