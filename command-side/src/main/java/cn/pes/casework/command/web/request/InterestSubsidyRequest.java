package cn.pes.casework.command.web.request;

import java.math.BigDecimal;
import java.time.LocalDate;

/** The interest subsidy (财政贴息) of one period, both days inclusive. */
public record InterestSubsidyRequest(LocalDate periodFrom, LocalDate periodTo, BigDecimal interest,
                                     BigDecimal subsidy, LocalDate paidOn) {
}
