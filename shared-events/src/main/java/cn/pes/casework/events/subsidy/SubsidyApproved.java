package cn.pes.casework.events.subsidy;

import org.axonframework.serialization.Revision;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * Approved with the SUB-7 amount for the level, and the SUB-6 living allowance when the person
 * qualifies and has never had one. The approved list is published from the next day for 5
 * working days (SUB-4), to {@code publicityEndsOn} inclusive.
 *
 * @param allowanceAmount 0 when no allowance is granted
 * @param late            decided after the review due date (SUB-3)
 */
@Revision("1")
public record SubsidyApproved(String caseId, String applicationId, BigDecimal subsidyAmount, BigDecimal allowanceAmount,
                              LocalDate decidedOn, boolean late, LocalDate publicityEndsOn,
                              boolean publicityEndsOnProvisional, String policyVersion) {
}
