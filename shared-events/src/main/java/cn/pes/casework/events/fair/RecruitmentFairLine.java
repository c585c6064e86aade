package cn.pes.casework.events.fair;

import java.time.LocalDate;

/**
 * A fair in a list, with its results so far.
 *
 * @param referrals referrals made at the fair
 * @param hires     of those, hired
 */
public record RecruitmentFairLine(String fairId, String title, FairFormat format, LocalDate heldOn, String place,
                                  String organiserAgencyId, boolean closed, int employers, int vacancies,
                                  int invited, int attended, int referrals, int hires) {
}
