package cn.pes.casework.events.fair;

import java.util.List;

/** An employer at a fair with its vacancies there. */
public record FairEmployerView(String employerId, String employerName, List<FairVacancy> vacancies) {
}
