package cn.pes.casework.events.registration;

/** The document a person presents at a window (REG-2); online channels need none. */
public enum PresentedDocument {
    /** 社会保障卡 (physical) */
    SOCIAL_SECURITY_CARD,
    /** 电子社保卡 */
    ELECTRONIC_SOCIAL_SECURITY_CARD,
    /** 居民身份证 */
    RESIDENT_ID_CARD
}
