package cn.pes.casework.command.web.request;

import java.time.LocalDate;

/** The bank reports the loan overdue (逾期). */
public record LoanOverdueReportRequest(LocalDate overdueSince) {
}
