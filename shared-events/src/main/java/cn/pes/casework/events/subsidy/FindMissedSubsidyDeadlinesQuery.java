package cn.pes.casework.events.subsidy;

import java.util.List;

/** Deadlines missed in the departments (超期未办), latest due first. Answers {@link MissedSubsidyDeadlinesView}. */
public record FindMissedSubsidyDeadlinesQuery(List<String> departmentIds) {

    public FindMissedSubsidyDeadlinesQuery {
        departmentIds = departmentIds == null ? List.of() : List.copyOf(departmentIds);
    }
}
