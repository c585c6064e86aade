package cn.pes.casework.events.subsidy;

/** Where an application stands in the department's pipeline. */
public enum SubsidyStage {
    /** 已受理，待审核 */
    RECEIVED,
    /** 审核中 */
    IN_REVIEW,
    /** 公示中 */
    IN_PUBLICITY,
    /** 公示异议待处理 */
    OBJECTED,
    /** 待拨付 */
    AWAITING_PAYMENT,
    /** 已拨付 */
    PAID,
    /** 不予补贴 */
    REJECTED
}
