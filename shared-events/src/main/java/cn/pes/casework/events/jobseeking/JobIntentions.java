package cn.pes.casework.events.jobseeking;

import cn.pes.casework.events.employer.EmploymentForm;

import java.util.List;
import java.util.Set;

/**
 * The work a job seeker looks for (求职意向, JOB-2); matching ranks vacancies against it.
 *
 * @param occupations            the occupations wanted, most wanted first, at least one
 * @param expectedMonthlyWageYuan the lowest monthly wage the person expects, whole yuan
 * @param areaAgencyId           the agency of the area where the person wants to work
 * @param forms                  full-time, part-time or both, at least one
 */
public record JobIntentions(List<String> occupations, int expectedMonthlyWageYuan, String areaAgencyId,
                            Set<EmploymentForm> forms) {
}
