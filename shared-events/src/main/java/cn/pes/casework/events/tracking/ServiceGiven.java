package cn.pes.casework.events.tracking;

/** Services given to the person during the month, as listed in the tracking ledger (TRK-3). */
public enum ServiceGiven {
    /** 政策咨询 */
    POLICY_INFORMATION,
    /** 职业指导 */
    CAREER_GUIDANCE,
    /** 职业介绍 */
    JOB_INTRODUCTION,
    /** 职业培训 */
    TRAINING,
    /** 创业服务 */
    ENTREPRENEURSHIP_SUPPORT,
    /** 就业援助 */
    EMPLOYMENT_ASSISTANCE,
    /** 补贴申领 */
    SUBSIDY_APPLICATION
}
