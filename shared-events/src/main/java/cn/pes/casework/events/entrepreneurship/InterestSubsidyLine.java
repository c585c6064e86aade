package cn.pes.casework.events.entrepreneurship;

import java.math.BigDecimal;
import java.time.LocalDate;

public record InterestSubsidyLine(LocalDate periodFrom, LocalDate periodTo, BigDecimal interest, BigDecimal subsidy,
                                  LocalDate paidOn) {
}
