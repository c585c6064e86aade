package cn.pes.casework.events.subsidy;

import java.util.List;

public record MissedSubsidyDeadlinesView(List<MissedSubsidyDeadline> deadlines) {
}
