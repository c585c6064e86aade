package cn.pes.casework.events.entrepreneurship;

import java.time.LocalDate;

/** One entrepreneurship training of a person. */
public record TrainingView(String caseId, String trainingId, String institutionId, String institutionName,
                           TrainingType trainingType, String agencyId, LocalDate startsOn, TrainingStatus status,
                           LocalDate completedOn, String certificateNumber, LocalDate droppedOutOn,
                           String dropOutReason) {
}
