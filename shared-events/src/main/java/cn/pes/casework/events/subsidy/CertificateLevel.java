package cn.pes.casework.events.subsidy;

/**
 * Levels of a vocational skill certificate (职业资格/职业技能等级证书). SUB-7 subsidises levels 5 to 3;
 * the amounts are policy, so a level without an amount in force is refused, not paid nothing.
 */
public enum CertificateLevel {
    /** 五级/初级工 */
    LEVEL_5,
    /** 四级/中级工 */
    LEVEL_4,
    /** 三级/高级工 */
    LEVEL_3,
    /** 二级/技师 */
    LEVEL_2,
    /** 一级/高级技师 */
    LEVEL_1
}
