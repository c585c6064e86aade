package cn.pes.casework.events.entrepreneurship;

import java.time.YearMonth;
import java.util.List;

/** @param entries by start date, then trainee */
public record TrainingRollView(String institutionId, YearMonth month, int enrolled, int completed, int droppedOut,
                               List<TrainingRollEntry> entries) {

    public TrainingRollView {
        entries = entries == null ? List.of() : List.copyOf(entries);
    }
}
