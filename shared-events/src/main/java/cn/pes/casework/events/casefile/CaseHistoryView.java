package cn.pes.casework.events.casefile;

import java.util.List;

public record CaseHistoryView(String caseId, List<HistoryEntry> entries) {
}
