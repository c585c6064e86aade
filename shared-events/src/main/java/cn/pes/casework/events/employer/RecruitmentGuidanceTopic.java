package cn.pes.casework.events.employer;

/** Topics of guidance for an employer (用人单位招聘指导, JOB-1). */
public enum RecruitmentGuidanceTopic {
    /** 招聘方法 */
    RECRUITMENT_METHOD,
    /** 用人标准 */
    HIRING_CRITERIA,
    /** 用工规范 */
    EMPLOYMENT_PRACTICE
}
