package cn.pes.casework.events.jobseeking;

/** Where a job-seeking registration stands. */
public enum JobSeekingStatus {
    PENDING_REVIEW,
    PUBLISHED,
    REJECTED,
    CLOSED
}
