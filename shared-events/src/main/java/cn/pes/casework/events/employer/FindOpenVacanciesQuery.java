package cn.pes.casework.events.employer;

/**
 * Published vacancies that have not closed (空缺岗位查询). Answers {@link OpenVacanciesView}. Every
 * filter may be null (not filtered).
 *
 * @param occupation    the occupation contains this text
 * @param areaAgencyId  the vacancy's area is this agency or one it covers (a county with its
 *                      streets); null means city-wide
 * @param minimumWage   the wage range reaches at least this many yuan a month
 * @param form          full-time or part-time only
 * @param limit         at most this many lines, newest published first
 */
public record FindOpenVacanciesQuery(String occupation, String areaAgencyId, Integer minimumWage,
                                     EmploymentForm form, int limit) {
}
