package cn.pes.casework.command.web.request;

import java.math.BigDecimal;
import java.time.LocalDate;

/** The guarantee and the loan approved (担保审核通过、贷款审批). */
public record LoanApprovalRequest(BigDecimal amount, Integer termMonths, String lender,
                                  String guaranteeContractNumber, LocalDate approvedOn) {
}
