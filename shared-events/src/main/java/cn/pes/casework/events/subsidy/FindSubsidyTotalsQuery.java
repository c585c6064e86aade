package cn.pes.casework.events.subsidy;

import java.time.YearMonth;
import java.util.List;

/**
 * Payments in a month by the paying departments given (a county: its own), subsidies and living
 * allowances apart. Answers {@link SubsidyTotals}.
 */
public record FindSubsidyTotalsQuery(List<String> departmentIds, YearMonth month) {

    public FindSubsidyTotalsQuery {
        departmentIds = departmentIds == null ? List.of() : List.copyOf(departmentIds);
    }
}
