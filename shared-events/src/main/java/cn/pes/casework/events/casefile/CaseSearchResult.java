package cn.pes.casework.events.casefile;

import java.util.List;

public record CaseSearchResult(List<CaseSummary> cases) {
}
