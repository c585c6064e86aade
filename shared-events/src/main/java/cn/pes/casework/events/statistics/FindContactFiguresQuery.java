package cn.pes.casework.events.statistics;

import java.time.YearMonth;
import java.util.List;

/**
 * Counts from the agencies' tracking ledgers (台账) of a month, without personal data. Answers
 * {@link ContactFigures}.
 */
public record FindContactFiguresQuery(List<String> agencyIds, YearMonth month) {

    public FindContactFiguresQuery {
        agencyIds = agencyIds == null ? List.of() : List.copyOf(agencyIds);
    }
}
