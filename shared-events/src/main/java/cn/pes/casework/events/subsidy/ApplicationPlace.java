package cn.pes.casework.events.subsidy;

/** Where the person applies (SUB-2): the HR&SS department of one of these places. */
public enum ApplicationPlace {
    /** 户籍地 */
    HOUSEHOLD_REGISTRATION,
    /** 参保地 */
    INSURED,
    /** 就业地 */
    EMPLOYMENT
}
