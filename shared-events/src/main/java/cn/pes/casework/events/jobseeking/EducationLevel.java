package cn.pes.casework.events.jobseeking;

/** The highest education a job seeker has completed (文化程度). */
public enum EducationLevel {
    /** 小学及以下 */
    PRIMARY_OR_BELOW,
    /** 初中 */
    JUNIOR_SECONDARY,
    /** 高中 */
    SENIOR_SECONDARY,
    /** 中专、技校、职高 */
    VOCATIONAL_SECONDARY,
    /** 大专 */
    JUNIOR_COLLEGE,
    /** 本科 */
    BACHELOR,
    /** 研究生 */
    POSTGRADUATE
}
