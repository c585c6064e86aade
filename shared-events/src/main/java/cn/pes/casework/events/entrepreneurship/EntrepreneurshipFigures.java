package cn.pes.casework.events.entrepreneurship;

import java.math.BigDecimal;

/**
 * Entrepreneurship services of a month; training counted at the enrolling agency, loans at the handling one.
 *
 * @param trainees              people whose course started in the month (ENT-1)
 * @param trainingsCompleted    courses completed in the month
 * @param trainingsDroppedOut   drop-outs in the month
 * @param loansApplied          applications received in the month
 * @param loansRefused          of all assessed in the month, refused
 * @param loansApproved         loans approved in the month
 * @param amountApproved        yuan approved in the month
 * @param loansDisbursed        loans paid out in the month
 * @param amountDisbursed       yuan paid out in the month
 * @param loansRepaid           loans repaid in full in the month
 * @param loansBecameOverdue    loans that became overdue in the month
 * @param interestSubsidy       yuan of interest subsidy paid in the month
 */
public record EntrepreneurshipFigures(int trainees, int trainingsCompleted, int trainingsDroppedOut,
                                      int loansApplied, int loansRefused, int loansApproved, BigDecimal amountApproved,
                                      int loansDisbursed, BigDecimal amountDisbursed, int loansRepaid,
                                      int loansBecameOverdue, BigDecimal interestSubsidy) {
}
