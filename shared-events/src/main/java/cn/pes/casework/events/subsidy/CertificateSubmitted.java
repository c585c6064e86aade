package cn.pes.casework.events.subsidy;

import org.axonframework.serialization.Revision;

import java.time.LocalDate;

/**
 * A skills subsidy application was received (SUB-1, SUB-2); its review is due on {@code reviewDueOn},
 * 15 working days after receipt on the official calendar (SUB-3).
 *
 * @param reviewDueOnProvisional the calendar had no official data for a year the count crossed
 * @param policyVersion          the subsidy policy version the checks and clocks used
 */
@Revision("1")
public record CertificateSubmitted(String caseId, String applicationId, Certificate certificate, ApplicationPlace place,
                                   String departmentId, LivingAllowanceClaim allowanceClaim, LocalDate receivedOn,
                                   LocalDate reviewDueOn, boolean reviewDueOnProvisional, String policyVersion) {
}
