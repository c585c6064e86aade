package cn.pes.casework.command.web.request;

import java.time.LocalDate;

/** The bank paid out the loan (放款). */
public record LoanDisbursementRequest(LocalDate disbursedOn) {
}
