package cn.pes.casework.events.subsidy;

import java.util.List;

public record CaseSubsidiesView(String caseId, List<SubsidyApplicationLine> applications) {
}
