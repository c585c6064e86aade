package cn.pes.casework.security.audit;

/** The security-relevant actions the access log records. */
public enum AccessAction {
    SIGNED_IN,
    SIGN_IN_FAILED,
    /** A sign-in with the right or a wrong password while the account was locked. */
    SIGN_IN_WHILE_LOCKED,
    ACCOUNT_LOCKED,
    ACCOUNT_UNLOCKED,
    PASSWORD_CHANGED,
    /** Full personal data of a case shown on an officer's explicit request. */
    PERSONAL_DATA_REVEALED,
    /** A person's key destroyed: their personal data is unreadable from then on. */
    PERSONAL_DATA_ERASED,
    /** A person's record read: the case page, its history, or its state at a past moment. */
    CASE_VIEWED,
    /** A list exported as a file (ledger, overdue list, statistics table), with its filters. */
    LIST_EXPORTED
}
