package cn.pes.casework.events.fair;

import org.axonframework.serialization.Revision;

import java.time.LocalDate;

/** A recruitment fair was planned (JOB-5). */
@Revision("1")
public record RecruitmentFairPlanned(String fairId, String title, FairFormat format, LocalDate heldOn, String place,
                                     String organiserAgencyId) {
}
