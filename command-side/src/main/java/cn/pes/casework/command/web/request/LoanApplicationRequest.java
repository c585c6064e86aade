package cn.pes.casework.command.web.request;

import cn.pes.casework.events.entrepreneurship.LoanApplication;
import jakarta.validation.constraints.Pattern;

import java.time.LocalDate;

/**
 * A guarantee loan application (创业担保贷款申请, ENT-2..ENT-5). The case checks the application itself
 * and names the field at fault ({@code application.amountRequested}, ...).
 *
 * @param loanId    optional; set it to resend safely
 * @param appliedOn the application date; today when absent
 */
public record LoanApplicationRequest(@Pattern(regexp = "[A-Za-z0-9-]{8,64}") String loanId,
                                     LoanApplication application, LocalDate appliedOn) {
}
