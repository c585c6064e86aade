package cn.pes.casework.command.web.request;

import cn.pes.casework.events.entrepreneurship.LoanApplication;

import java.time.LocalDate;

/**
 * A guarantee loan application (创业担保贷款申请, ENT-2..ENT-5).
 *
 * @param loanId    optional; set it to resend safely
 * @param appliedOn the application date; today when absent
 */
public record LoanApplicationRequest(String loanId, LoanApplication application, LocalDate appliedOn) {
}
