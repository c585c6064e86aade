package cn.pes.casework.query.jobfigures;

import java.time.YearMonth;
import java.util.List;

/**
 * Job introduction figures of a month for an agency and every agency it covers (JOB-1..JOB-6). An
 * HTTP answer only: the query behind it answers {@link cn.pes.casework.events.statistics.JobFigures}.
 *
 * @param agencyIds the agencies counted
 */
public record JobStatistics(String agencyId, YearMonth month, List<String> agencyIds, int registrationsReviewed,
                            int reviewedOnTime, int referralsMade, int hiresThroughReferral, int fairsHeld,
                            int fairAttendees, int fairReferrals, int guidanceSessions) {
}
