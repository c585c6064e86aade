package cn.pes.casework.events.tracking;

/** Tracking survey methods (TRK-2). */
public enum ContactMethod {
    /** 信息比对: matching against other records */
    INFORMATION_COMPARISON,
    /** 实地走访 */
    ON_SITE_VISIT,
    /** 电话调查 */
    PHONE
}
