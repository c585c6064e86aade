package cn.pes.casework.events.entrepreneurship;

import cn.pes.casework.events.shared.RefusalReason;

/**
 * The conditions a guarantee loan application is assessed on (ENT-2..ENT-5). A failed one is recorded
 * as {@link #failed()} — or, for one existing loan, {@link #failedAt(int)} naming its line.
 */
public enum LoanCondition {
    /** 不属于创业担保贷款扶持对象 */
    NOT_IN_KEY_GROUP("ENT-2", "application.claimedGroups"),
    /** 超过年龄上限（女不超过55周岁、男不超过60周岁） */
    OVER_AGE_LIMIT("ENT-3", "person.idNumber"),
    /** 无具体创业项目 */
    NO_CONCRETE_PROJECT("ENT-3", "application.projectDescription"),
    /** 经营实体未在本市依法登记 */
    BUSINESS_NOT_REGISTERED_IN_CITY("ENT-3", "application.business.registeredInCity"),
    /** 本人或配偶有不允许的其他贷款 */
    EXCLUDED_LOAN_HELD("ENT-4", "application.existingLoans"),
    /** 本人及配偶小额消费贷款（含信用卡）超过限额 */
    CONSUMER_LOANS_OVER_THRESHOLD("ENT-4", "application.existingLoans"),
    /** 申请金额超过额度上限 */
    AMOUNT_OVER_LIMIT("ENT-5", "application.amountRequested"),
    /** 申请期限超过上限 */
    TERM_OVER_LIMIT("ENT-5", "application.termMonthsRequested"),
    /** 尚有未结清的创业担保贷款 */
    OPEN_GUARANTEE_LOAN("ENT-5", "loans"),
    /** 累计享受创业担保贷款已达次数上限 */
    LOAN_COUNT_REACHED("ENT-5", "loans"),
    /** 曾有创业担保贷款逾期 */
    PREVIOUS_LOAN_OVERDUE("ENT-5", "loans");

    private final String ruleId;
    private final String field;

    LoanCondition(String ruleId, String field) {
        this.ruleId = ruleId;
        this.field = field;
    }

    public String ruleId() {
        return ruleId;
    }

    public String field() {
        return field;
    }

    /** The refusal reason naming this condition and its field. */
    public RefusalReason failed() {
        return new RefusalReason(ruleId, name(), field);
    }

    /** The refusal reason naming this condition at one line of the existing loans ({@code application.existingLoans[i]}). */
    public RefusalReason failedAt(int index) {
        return new RefusalReason(ruleId, name(), field + "[" + index + "]");
    }
}
