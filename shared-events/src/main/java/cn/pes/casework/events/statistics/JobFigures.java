package cn.pes.casework.events.statistics;

/**
 * Job introduction in a month, by the day each thing happened; counted at the agency responsible for
 * the case (fairs: at the organising agency).
 *
 * @param registrationsReviewed job-seeking registrations published or rejected in the month
 * @param reviewedOnTime        of those, decided by their due date (JOB-2)
 * @param referralsMade         referrals made in the month (JOB-4)
 * @param hiresThroughReferral  referrals whose hire was recorded in the month (JOB-6)
 * @param fairsHeld             fairs held in the month (JOB-5)
 * @param fairAttendees         people who came to those fairs
 * @param fairReferrals         referrals made at fairs in the month
 * @param guidanceSessions      career guidance sessions for people and employers (JOB-1)
 */
public record JobFigures(int registrationsReviewed, int reviewedOnTime, int referralsMade, int hiresThroughReferral,
                         int fairsHeld, int fairAttendees, int fairReferrals, int guidanceSessions) {
}
