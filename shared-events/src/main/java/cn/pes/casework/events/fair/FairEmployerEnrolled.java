package cn.pes.casework.events.fair;

import org.axonframework.serialization.Revision;

import java.util.List;

/** An employer takes part in the fair with these vacancies. */
@Revision("1")
public record FairEmployerEnrolled(String fairId, String employerId, String employerName,
                                   List<FairVacancy> vacancies) {
}
