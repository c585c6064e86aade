package cn.pes.casework.events.entrepreneurship;

/** The type of legal registration of the business a guarantee loan is for (ENT-3). */
public enum LegalForm {
    /** 个体工商户 */
    INDIVIDUAL_BUSINESS,
    /** 个人独资企业 */
    SOLE_PROPRIETORSHIP,
    /** 合伙企业 */
    PARTNERSHIP,
    /** 有限责任公司 */
    LIMITED_COMPANY,
    /** 农民专业合作社 */
    FARMERS_COOPERATIVE,
    /** 其他 */
    OTHER
}
