package cn.pes.casework.command.web.request;

import jakarta.validation.constraints.Size;

import java.time.LocalDate;

/** The guarantee institution or the bank said no. */
public record LoanDeclineRequest(LocalDate declinedOn, @Size(max = 1000) String reason) {
}
