package cn.pes.casework.command.web.request;

import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.math.BigDecimal;
import java.time.LocalDate;

/** @param accountReference the bank account or payment reference; only its last 4 characters are kept */
public record PaymentRequest(@NotNull @DecimalMin("0.01") @Digits(integer = 9, fraction = 2) BigDecimal amount,
                             @NotNull LocalDate paidOn,
                             @NotBlank @Size(max = 64) String accountReference) {
}
