package cn.pes.casework.events.entrepreneurship;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * A county's guarantee loans: the figures over all of them (whatever the stage filter) and the lines.
 *
 * @param applied            applications received
 * @param refused            refused at assessment
 * @param awaitingApproval   eligible, not yet approved or declined
 * @param approved           approved (whatever happened after)
 * @param approvedAmount     yuan approved
 * @param disbursed          paid out (whatever happened after)
 * @param disbursedAmount    yuan paid out
 * @param outstandingBalance principal owed now over all loans
 * @param overdue            loans overdue now (not yet repaid)
 * @param overdueBalance     principal owed on them
 * @param repaid             repaid in full
 * @param lines              the latest application first
 */
public record LoanPipelineView(String agencyId, LocalDate asOf, int applied, int refused, int awaitingApproval,
                               int approved, BigDecimal approvedAmount, int disbursed, BigDecimal disbursedAmount,
                               BigDecimal outstandingBalance, int overdue, BigDecimal overdueBalance, int repaid,
                               List<LoanPipelineLine> lines) {

    public LoanPipelineView {
        lines = lines == null ? List.of() : List.copyOf(lines);
    }
}
