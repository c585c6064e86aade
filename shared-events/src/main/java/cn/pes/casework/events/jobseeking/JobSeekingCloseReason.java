package cn.pes.casework.events.jobseeking;

/** Why a job-seeking registration closed. */
public enum JobSeekingCloseReason {
    /** Hired through a referral (JOB-6) */
    PLACED,
    /** Back in work some other way */
    EMPLOYED,
    /** The unemployment registration was cancelled */
    REGISTRATION_CANCELLED
}
