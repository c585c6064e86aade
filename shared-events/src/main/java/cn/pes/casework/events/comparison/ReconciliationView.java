package cn.pes.casework.events.comparison;

import java.util.List;

public record ReconciliationView(List<ReconciliationLine> lines) {

    public ReconciliationView {
        lines = lines == null ? List.of() : List.copyOf(lines);
    }
}
