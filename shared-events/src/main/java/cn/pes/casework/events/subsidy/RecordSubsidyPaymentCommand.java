package cn.pes.casework.events.subsidy;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * Payment to the applicant's account (SUB-5), subsidy and allowance together as approved.
 *
 * @param accountReference the bank account or payment reference; only its masked form is kept
 */
public record RecordSubsidyPaymentCommand(@TargetAggregateIdentifier String caseId, String applicationId,
                                          BigDecimal amount, LocalDate paidOn, String accountReference,
                                          LocalDate recordedOn) {
}
