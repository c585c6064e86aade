package cn.pes.casework.events.comparison;

import java.util.List;

public record ComparisonBatchesView(String agencyId, List<ComparisonBatchView> batches) {

    public ComparisonBatchesView {
        batches = batches == null ? List.of() : List.copyOf(batches);
    }
}
