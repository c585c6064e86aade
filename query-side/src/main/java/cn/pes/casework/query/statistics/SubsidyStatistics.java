package cn.pes.casework.query.statistics;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.List;

/**
 * Skills subsidies paid in a month by an agency and every agency it covers, subsidies and living
 * allowances apart (SUB-5, SUB-6). An HTTP answer only: the query behind it answers
 * {@link cn.pes.casework.events.subsidy.SubsidyTotals}.
 *
 * @param agencyIds the paying agencies counted
 */
public record SubsidyStatistics(String agencyId, YearMonth month, List<String> agencyIds, int subsidiesPaid,
                                BigDecimal subsidyAmount, int allowancesPaid, BigDecimal allowanceAmount) {
}
