package cn.pes.casework.events.entrepreneurship;

import java.util.List;

/** @param institutions by ID */
public record TrainingInstitutionsView(List<TrainingInstitution> institutions) {

    public TrainingInstitutionsView {
        institutions = institutions == null ? List.of() : List.copyOf(institutions);
    }
}
