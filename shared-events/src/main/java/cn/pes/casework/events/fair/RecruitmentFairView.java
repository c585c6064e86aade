package cn.pes.casework.events.fair;

import java.util.List;

/** A fair in full: what {@link RecruitmentFairLine} counts, listed. */
public record RecruitmentFairView(RecruitmentFairLine fair, List<FairEmployerView> employers,
                                  List<FairParticipant> participants) {
}
