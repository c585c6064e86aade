package cn.pes.casework.query.areastatistics;

import cn.pes.casework.events.statistics.MonthlyFigures;
import com.fasterxml.jackson.annotation.JsonUnwrapped;

/**
 * A month's figures as the HTTP answer gives them: every figure of {@link MonthlyFigures} at the top
 * level, with the sums and shares it derives (which the contract, free of Jackson, cannot announce).
 *
 * @param cancelled        every cancellation of the month, whatever the ground
 * @param longTermPerMille long-term unemployed per thousand registered at month end (长期失业占比)
 * @param coveragePerMille contacted per thousand registrations active in the month (跟踪覆盖率)
 */
public record MonthReport(@JsonUnwrapped MonthlyFigures figures, int cancelled, int longTermPerMille,
                          int coveragePerMille) {

    public static MonthReport of(MonthlyFigures figures) {
        return new MonthReport(figures, figures.cancelled(), figures.longTermPerMille(), figures.coveragePerMille());
    }
}
