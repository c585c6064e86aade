package cn.pes.casework.events.employer;

/** Where a vacancy stands in the agency's review and afterwards. */
public enum VacancyStatus {
    /** 待审核: posted, not yet visible to job seekers. */
    PENDING_REVIEW,
    /** 已发布: reviewed and open to job seekers. */
    PUBLISHED,
    /** 审核未通过 */
    REJECTED,
    /** 已关闭: filled or withdrawn. */
    CLOSED
}
