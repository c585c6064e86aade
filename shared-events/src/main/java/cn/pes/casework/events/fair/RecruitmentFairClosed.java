package cn.pes.casework.events.fair;

import org.axonframework.serialization.Revision;

import java.time.LocalDate;

/**
 * The fair was held and closed; the counts are those the fair recorded (referrals made at it are
 * counted from {@code JobReferred}).
 */
@Revision("1")
public record RecruitmentFairClosed(String fairId, LocalDate closedOn, int employers, int vacancies, int invited,
                                    int attended) {
}
