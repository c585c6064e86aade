package cn.pes.casework.events.subsidy;

import java.math.BigDecimal;

/** Counted by the payment date's month. */
public record SubsidyTotals(int subsidiesPaid, BigDecimal subsidyAmount, int allowancesPaid,
                            BigDecimal allowanceAmount) {
}
