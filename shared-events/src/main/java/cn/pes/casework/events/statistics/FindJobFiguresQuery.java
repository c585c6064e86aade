package cn.pes.casework.events.statistics;

import java.time.YearMonth;
import java.util.List;

/**
 * Job introduction figures of a month (职业介绍月度统计) over the agencies, without personal data.
 * An agency named twice is counted once. Answers {@link JobFigures}.
 */
public record FindJobFiguresQuery(List<String> agencyIds, YearMonth month) {

    public FindJobFiguresQuery {
        agencyIds = agencyIds == null ? List.of() : List.copyOf(agencyIds);
    }
}
