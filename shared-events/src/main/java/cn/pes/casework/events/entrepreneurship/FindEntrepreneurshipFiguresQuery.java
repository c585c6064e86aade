package cn.pes.casework.events.entrepreneurship;

import java.time.YearMonth;
import java.util.List;

/**
 * Entrepreneurship figures of a month (创业服务月度统计) over the agencies, without personal data, by
 * the day each thing happened. An agency named twice is counted once. Answers
 * {@link EntrepreneurshipFigures}.
 */
public record FindEntrepreneurshipFiguresQuery(List<String> agencyIds, YearMonth month) {

    public FindEntrepreneurshipFiguresQuery {
        agencyIds = agencyIds == null ? List.of() : List.copyOf(agencyIds);
    }
}
