package cn.pes.casework.events.entrepreneurship;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;

/**
 * Record a guarantee loan application in the person's case and assess its eligibility at once
 * (ENT-2..ENT-5) with the loan policy version in force on {@code appliedOn}. Every failed condition
 * is recorded and answered; malformed input is refused without storing anything. The caller chooses
 * {@code loanId}; sending it twice records it once.
 *
 * @param agencyId   the agency handling the loan (the officer's); the pipeline counts it at its county
 * @param appliedOn  the application date: age, policy version and limits are taken on this day
 * @param recordedOn the day the officer records it
 */
public record ApplyForGuaranteeLoanCommand(@TargetAggregateIdentifier String caseId, String loanId,
                                           LoanApplication application, String agencyId, LocalDate appliedOn,
                                           LocalDate recordedOn) {
}
