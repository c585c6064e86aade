package cn.pes.casework.command.web.request;

import java.time.LocalDate;

/** The guarantee institution or the bank said no. */
public record LoanDeclineRequest(LocalDate declinedOn, String reason) {
}
