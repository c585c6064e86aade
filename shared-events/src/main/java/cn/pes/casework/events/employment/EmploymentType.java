package cn.pes.casework.events.employment;

/** How a person came back into work (the employment grounds of CAN-1). */
public enum EmploymentType {
    /** 单位就业 */
    EMPLOYED_BY_UNIT,
    /** 自主创业/个体经营 */
    SELF_EMPLOYED,
    /** 稳定灵活就业 (at or above the local minimum wage) */
    FLEXIBLE
}
