package cn.pes.casework.events.matching;

import java.util.List;

/**
 * Vacancies for a job seeker, best first. Empty when the person has no published job-seeking
 * registration.
 */
public record VacancyMatchesView(String caseId, List<VacancyMatch> matches) {
}
