package cn.pes.casework.command.fair;

/**
 * What a recruitment fair offers (JOB-5), asked by the referral handler before a referral is counted
 * for a fair: a referral "made at the fair" must be to a vacancy an employer brought there.
 */
public interface FairOffers {

    /**
     * @return true when the fair exists and the employer enrolled at it with this vacancy
     */
    boolean offers(String fairId, String employerId, String vacancyId);
}
