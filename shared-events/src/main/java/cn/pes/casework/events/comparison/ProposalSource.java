package cn.pes.casework.events.comparison;

/** What raised a status-change proposal. */
public enum ProposalSource {
    /** Referrals refused without good reason (CAN-1), raised by job seeking. */
    REFERRAL_REFUSALS,
    /** An external record matched the person (信息比对, CAN-2). */
    DATA_MATCH,
    /** No contact with the agency for the policy's number of consecutive months (CAN-1). */
    LOST_CONTACT
}
