package cn.pes.casework.command.entrepreneurship;

import cn.pes.casework.events.entrepreneurship.FindTrainingInstitutionsQuery;
import cn.pes.casework.events.entrepreneurship.TrainingInstitutionsView;
import org.axonframework.queryhandling.QueryHandler;

/** Answers which institutions are designated: the command side owns the designation (ENT-1). */
public class TrainingInstitutionQueryHandler {

    private final TrainingInstitutions institutions;

    public TrainingInstitutionQueryHandler(TrainingInstitutions institutions) {
        this.institutions = institutions;
    }

    @QueryHandler
    public TrainingInstitutionsView find(FindTrainingInstitutionsQuery query) {
        return new TrainingInstitutionsView(institutions.designatedOn(query.designatedOn()));
    }
}
