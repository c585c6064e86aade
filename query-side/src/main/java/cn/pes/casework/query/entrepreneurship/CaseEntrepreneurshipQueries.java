package cn.pes.casework.query.entrepreneurship;

import cn.pes.casework.events.entrepreneurship.CaseEntrepreneurshipView;
import cn.pes.casework.events.entrepreneurship.FindCaseEntrepreneurshipQuery;
import cn.pes.casework.events.entrepreneurship.FindGuaranteeLoanQuery;
import cn.pes.casework.events.entrepreneurship.GuaranteeLoanView;
import cn.pes.casework.events.entrepreneurship.TrainingView;
import cn.pes.casework.query.mongo.ReadModelStore;
import com.mongodb.client.model.Filters;
import org.axonframework.queryhandling.QueryHandler;
import org.bson.Document;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.List;

import static cn.pes.casework.query.entrepreneurship.EntrepreneurshipDocs.LOANS;
import static cn.pes.casework.query.entrepreneurship.EntrepreneurshipDocs.TRAININGS;

@Component
public class CaseEntrepreneurshipQueries {

    private final ReadModelStore store;

    public CaseEntrepreneurshipQueries(ReadModelStore store) {
        this.store = store;
    }

    /** A case this read model never saw has no trainings and no loans: an empty view, not "no such case". */
    @QueryHandler
    public CaseEntrepreneurshipView handle(FindCaseEntrepreneurshipQuery query) {
        Document doc = find(query.caseId());
        List<TrainingView> trainings = new ArrayList<>();
        List<GuaranteeLoanView> loans = new ArrayList<>();
        if (doc != null) {
            doc.getList(TRAININGS, Document.class, List.of())
               .forEach(t -> trainings.add(EntrepreneurshipDocs.trainingView(query.caseId(), t)));
            doc.getList(LOANS, Document.class, List.of())
               .forEach(l -> loans.add(EntrepreneurshipDocs.loanView(query.caseId(), l)));
        }
        trainings.sort(EntrepreneurshipDocs.EARLIEST_START_FIRST);
        loans.sort(EntrepreneurshipDocs.EARLIEST_APPLICATION_FIRST);
        return new CaseEntrepreneurshipView(query.caseId(), trainings, loans);
    }

    /** Null when the case has no such loan. */
    @QueryHandler
    public GuaranteeLoanView handle(FindGuaranteeLoanQuery query) {
        Document doc = find(query.caseId());
        if (doc == null || query.loanId() == null) {
            return null;
        }
        Document loan = EntrepreneurshipDocs.find(doc.getList(LOANS, Document.class, List.of()), "loanId", query.loanId());
        return loan == null ? null : EntrepreneurshipDocs.loanView(query.caseId(), loan);
    }

    private Document find(String caseId) {
        return caseId == null ? null
                : store.collection(CaseEntrepreneurshipProjection.COLLECTION).find(Filters.eq("_id", caseId)).first();
    }
}
