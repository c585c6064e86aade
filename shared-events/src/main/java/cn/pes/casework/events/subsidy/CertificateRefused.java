package cn.pes.casework.events.subsidy;

import cn.pes.casework.events.shared.RefusalReason;
import org.axonframework.serialization.Revision;

import java.time.LocalDate;
import java.util.List;

/**
 * A certificate was refused on the spot, each failed condition named: issued more than 12 months
 * before the application (SUB-2), the occupation and level already subsidised for the person or
 * the year's limit reached (SUB-7), the certificate number already used by anyone, a level without
 * a subsidy. Nothing else is recorded for it.
 */
@Revision("1")
public record CertificateRefused(String caseId, String applicationId, Certificate certificate, ApplicationPlace place,
                                 String departmentId, LocalDate receivedOn, List<RefusalReason> reasons,
                                 String policyVersion) {
}
