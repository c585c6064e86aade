package cn.pes.casework.events.subsidy;

import org.axonframework.serialization.Revision;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * Paid; the application ends. Subsidy and allowance are kept apart for the statistics.
 *
 * @param maskedAccountReference the account reference with all but its last 4 characters masked
 * @param late                   paid after the payment due date (SUB-5)
 */
@Revision("1")
public record SubsidyPaid(String caseId, String applicationId, String departmentId, BigDecimal subsidyAmount,
                          BigDecimal allowanceAmount, LocalDate paidOn, String maskedAccountReference, boolean late) {
}
