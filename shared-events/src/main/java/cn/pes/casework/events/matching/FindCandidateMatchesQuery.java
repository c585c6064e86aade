package cn.pes.casework.events.matching;

/**
 * Published job seekers ranked by fit to a vacancy (为岗位推荐求职者). Answers
 * {@link CandidateMatchesView}.
 */
public record FindCandidateMatchesQuery(String employerId, String vacancyId, int limit) {
}
