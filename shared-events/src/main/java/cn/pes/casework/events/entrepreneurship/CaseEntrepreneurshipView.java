package cn.pes.casework.events.entrepreneurship;

import java.util.List;

/**
 * @param trainings the earliest start first
 * @param loans     the earliest application first
 */
public record CaseEntrepreneurshipView(String caseId, List<TrainingView> trainings, List<GuaranteeLoanView> loans) {

    public CaseEntrepreneurshipView {
        trainings = trainings == null ? List.of() : List.copyOf(trainings);
        loans = loans == null ? List.of() : List.copyOf(loans);
    }
}
