package cn.pes.casework.events.fair;

/** One fair with its employers, vacancies, people and results. Answers {@link RecruitmentFairView}. */
public record FindRecruitmentFairQuery(String fairId) {
}
