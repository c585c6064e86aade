package cn.pes.casework.events.fair;

import java.time.YearMonth;

/**
 * Fairs organised by the agency and those it covers in a month (招聘会列表). Answers
 * {@link RecruitmentFairsView}.
 *
 * @param month the month the fairs are held in; null means every month
 */
public record FindRecruitmentFairsQuery(String agencyId, YearMonth month) {
}
