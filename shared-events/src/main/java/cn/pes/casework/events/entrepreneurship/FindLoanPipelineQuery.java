package cn.pes.casework.events.entrepreneurship;

import java.time.LocalDate;

/**
 * The guarantee loans handled in a county (创业担保贷款台账): the county's own office and its streets
 * (for the city: every county). Answers {@link LoanPipelineView}.
 *
 * @param agencyId a county or the city; a street agency answers its own loans
 * @param stage    only this stage, or null for all
 * @param asOf     the day "overdue" and days to maturity are counted on; null means today
 */
public record FindLoanPipelineQuery(String agencyId, LoanStage stage, LocalDate asOf) {
}
