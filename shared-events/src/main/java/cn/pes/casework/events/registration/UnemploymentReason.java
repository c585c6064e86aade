package cn.pes.casework.events.registration;

/** Reason for unemployment recorded at registration (REG-7). */
public enum UnemploymentReason {
    /** 失去工作 */
    LOST_JOB,
    /** 毕业未就业 */
    GRADUATE,
    /** 自主经营歇业 */
    OWN_BUSINESS_CLOSED,
    /** 灵活就业结束 */
    FLEXIBLE_WORK_ENDED,
    /** 刑满释放 */
    RELEASED_FROM_PRISON,
    /** 退役军人 */
    DISCHARGED_SOLDIER,
    /** 农村进城务工 (rural worker seeking non-farm work) */
    RURAL_WORKER,
    /** 被征地 */
    LAND_REQUISITIONED,
    OTHER
}
