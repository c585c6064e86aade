package cn.pes.casework.events.entrepreneurship;

/** Where a guarantee loan stands (贷款进度). */
public enum LoanStage {
    /** 符合条件，待担保审批 */
    ELIGIBLE,
    /** 资格审核未通过 */
    REFUSED,
    /** 担保机构或银行未同意 */
    DECLINED,
    /** 已审批，待放款 */
    APPROVED,
    /** 已放款，还款中 */
    DISBURSED,
    /** 逾期 */
    OVERDUE,
    /** 已结清 */
    REPAID
}
