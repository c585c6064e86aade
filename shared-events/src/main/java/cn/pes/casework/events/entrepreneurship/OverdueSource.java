package cn.pes.casework.events.entrepreneurship;

/** How the platform learned that a loan is overdue. */
public enum OverdueSource {
    /** 银行报告逾期 */
    LENDER_REPORT,
    /** 到期未结清 (the platform's own deadline at maturity) */
    MATURITY_PASSED
}
