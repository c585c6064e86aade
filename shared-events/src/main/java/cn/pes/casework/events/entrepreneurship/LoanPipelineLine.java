package cn.pes.casework.events.entrepreneurship;

import cn.pes.casework.events.shared.PersonalData;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * One loan in a county's pipeline.
 *
 * @param person as stored (opened with the person's key); the web layer masks it on the way out
 */
public record LoanPipelineLine(String caseId, String loanId, PersonalData person, String agencyId, LoanStage stage,
                               String businessName, BigDecimal amountRequested, BigDecimal amountApproved,
                               BigDecimal outstanding, LocalDate appliedOn, LocalDate approvedOn,
                               LocalDate disbursedOn, LocalDate maturesOn, LocalDate overdueSince) {
}
