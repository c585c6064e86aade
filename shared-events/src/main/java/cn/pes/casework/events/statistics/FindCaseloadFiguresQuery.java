package cn.pes.casework.events.statistics;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;

/**
 * Counts from the agencies' caseloads, without personal data: active registrations seen against a
 * month, those of them not contacted in it (TRK-1), and online applications awaiting a decision
 * (REG-5), overdue when due before {@code asOf}. A case counts once however many of the agencies
 * list it. Answers {@link CaseloadFigures}.
 */
public record FindCaseloadFiguresQuery(List<String> agencyIds, YearMonth month, LocalDate asOf) {

    public FindCaseloadFiguresQuery {
        agencyIds = agencyIds == null ? List.of() : List.copyOf(agencyIds);
    }
}
