package cn.pes.casework.events.shared;

/** Person categories of DOMAIN.md section 7, used by subsidies (SUB-6) and loans (ENT-2). */
public enum PersonCategory {
    /** 脱贫人口 */
    POVERTY_ALLEVIATED,
    /** 就业困难人员 */
    EMPLOYMENT_DIFFICULTY,
    /** 零就业家庭成员 */
    ZERO_EMPLOYMENT_FAMILY,
    /** 残疾人 */
    DISABLED,
    /** 低保/低收入家庭 */
    LOW_INCOME_FAMILY,
    /** 两后生 (graduation date needed for SUB-6) */
    TWO_AFTER_STUDENT,
    /** 退役军人 */
    VETERAN,
    /** 刑满释放人员 */
    RELEASED_PRISONER,
    /** 高校及职业院校毕业生 */
    GRADUATE
}
