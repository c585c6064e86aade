package cn.pes.casework.events.statistics;

import java.time.YearMonth;
import java.util.List;

/**
 * What came in and what went out in a month (月度流入流出): registrations that took effect in the
 * month and registrations ended in it, counted over the agencies, without personal data. An agency
 * named twice is counted once; a movement counts at the agency the spell belonged to. Answers
 * {@link FlowFigures}.
 */
public record FindFlowFiguresQuery(List<String> agencyIds, YearMonth month) {

    public FindFlowFiguresQuery {
        agencyIds = agencyIds == null ? List.of() : List.copyOf(agencyIds);
    }
}
