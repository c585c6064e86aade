package cn.pes.casework.events.entrepreneurship;

/** Who holds an existing loan. */
public enum LoanHolder {
    /** 本人 */
    APPLICANT,
    /** 配偶 */
    SPOUSE
}
