package cn.pes.casework.events.entrepreneurship;

/**
 * Loans the applicant or spouse already hold (ENT-4). Which types stand in the way of a guarantee
 * loan is policy ({@code pes.policy.loan[*].permitted-loan-types}, consumer threshold).
 */
public enum ExistingLoanType {
    /** 助学贷款 */
    STUDENT,
    /** 扶贫贷款 */
    POVERTY_RELIEF,
    /** 住房贷款 */
    HOUSING,
    /** 购车贷款 */
    CAR,
    /** 个人消费贷款（含信用卡消费） */
    CONSUMER,
    /** 经营性贷款 */
    BUSINESS,
    /** 其他贷款 */
    OTHER
}
