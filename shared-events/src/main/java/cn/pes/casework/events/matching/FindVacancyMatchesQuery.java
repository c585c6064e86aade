package cn.pes.casework.events.matching;

/**
 * Open vacancies ranked by fit to a job seeker's intentions (为求职者推荐岗位). Answers
 * {@link VacancyMatchesView}.
 */
public record FindVacancyMatchesQuery(String caseId, int limit) {
}
