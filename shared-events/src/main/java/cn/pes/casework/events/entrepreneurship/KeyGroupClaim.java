package cn.pes.casework.events.entrepreneurship;

/**
 * A key group the applicant claims at application, with the document the officer saw for it (for
 * example 退役证 and its number). A claim without evidence does not count.
 */
public record KeyGroupClaim(LoanKeyGroup group, String evidence) {
}
