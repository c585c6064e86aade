package cn.pes.casework.command.web.request;

import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Size;

import java.math.BigDecimal;
import java.time.LocalDate;

/** The guarantee and the loan approved (担保审核通过、贷款审批). */
public record LoanApprovalRequest(@Digits(integer = 9, fraction = 2) BigDecimal amount, Integer termMonths,
                                  @Size(max = 200) String lender, @Size(max = 200) String guaranteeContractNumber,
                                  LocalDate approvedOn) {
}
