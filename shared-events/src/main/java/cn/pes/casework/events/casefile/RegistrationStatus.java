package cn.pes.casework.events.casefile;

/** Where a case stands with its registration. */
public enum RegistrationStatus {
    /** Never registered, or only refused. */
    NOT_REGISTERED,
    /** An online application awaits a decision. */
    PENDING,
    /** A registration is in effect (有效失业登记). */
    ACTIVE,
    /** The last spell ended by employment. */
    EMPLOYED,
    /** The last spell was cancelled on another CAN-1 ground. */
    CANCELLED,
    /** The last online application was rejected. */
    REJECTED
}
