package cn.pes.casework.command.web.request;

import jakarta.validation.constraints.Digits;

import java.math.BigDecimal;
import java.time.LocalDate;

/** The interest subsidy (财政贴息) of one period, both days inclusive. */
public record InterestSubsidyRequest(LocalDate periodFrom, LocalDate periodTo,
                                     @Digits(integer = 9, fraction = 2) BigDecimal interest,
                                     @Digits(integer = 9, fraction = 2) BigDecimal subsidy, LocalDate paidOn) {
}
