package cn.pes.casework.events.entrepreneurship;

/**
 * The key groups a guarantee loan borrower must belong to (ENT-2). Some the case knows (an active
 * unemployment registration, the categories recorded at registration); the others the officer
 * confirms from a document at application ({@link KeyGroupClaim}).
 */
public enum LoanKeyGroup {
    /** 城镇登记失业人员 */
    REGISTERED_UNEMPLOYED,
    /** 就业困难人员（含残疾人） */
    EMPLOYMENT_DIFFICULTY,
    /** 复员转业退役军人 */
    VETERAN,
    /** 刑满释放人员 */
    RELEASED_PRISONER,
    /** 高校毕业生（含大学村官和留学回国学生）、职业院校及技工院校毕业生 */
    GRADUATE,
    /** 化解过剩产能企业职工和失业人员 */
    OVER_CAPACITY_WORKER,
    /** 返乡创业农民工 */
    RETURNING_MIGRANT_WORKER,
    /** 网络商户 */
    ONLINE_MERCHANT,
    /** 脱贫人口 */
    POVERTY_ALLEVIATED,
    /** 农村自主创业农民 */
    FARMER
}
