package cn.pes.casework.events.subsidy;

import java.time.LocalDate;
import java.util.List;

/** @param applications the earliest due first; those without a clock after them */
public record SubsidyPipelineView(String departmentId, LocalDate asOf, List<SubsidyApplicationLine> applications) {
}
