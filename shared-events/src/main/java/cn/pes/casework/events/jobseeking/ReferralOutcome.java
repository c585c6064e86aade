package cn.pes.casework.events.jobseeking;

/** What came of a referral (推荐结果, JOB-4). Every outcome but {@link #INTERVIEWED} is final. */
public enum ReferralOutcome {
    /** 已面试, waiting for the employer's answer */
    INTERVIEWED,
    /** 录用: ends the registration (JOB-6) */
    HIRED,
    /** 未录用 */
    NOT_HIRED,
    /** 本人拒绝（有正当理由） */
    REFUSED_WITH_GOOD_REASON,
    /** 本人无正当理由拒绝: the third one proposes a cancellation (CAN-1) */
    REFUSED_WITHOUT_GOOD_REASON,
    /** 未到场 */
    NO_SHOW;

    public boolean isFinal() {
        return this != INTERVIEWED;
    }
}
