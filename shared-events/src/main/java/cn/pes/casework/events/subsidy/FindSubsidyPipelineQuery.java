package cn.pes.casework.events.subsidy;

import java.time.LocalDate;

/**
 * A department's applications by stage (补贴审核拨付进度). Answers {@link SubsidyPipelineView}.
 *
 * @param stage only this stage, or null for all
 * @param asOf  the day days left are counted from; null means today
 */
public record FindSubsidyPipelineQuery(String departmentId, SubsidyStage stage, LocalDate asOf) {
}
