package cn.pes.casework.events.fair;

import java.util.List;

/** Fairs, the latest held first. */
public record RecruitmentFairsView(List<RecruitmentFairLine> fairs) {
}
