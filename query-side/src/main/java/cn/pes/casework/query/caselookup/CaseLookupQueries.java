package cn.pes.casework.query.caselookup;

import cn.pes.casework.query.projection.SharedDocuments;
import cn.pes.casework.events.casefile.CaseSearchResult;
import cn.pes.casework.events.casefile.CaseSummary;
import cn.pes.casework.events.casefile.FindCasesByIdNumberQuery;
import cn.pes.casework.events.casefile.FindCasesByNameQuery;
import cn.pes.casework.events.casefile.RegistrationStatus;
import cn.pes.casework.query.common.Docs;
import cn.pes.casework.query.common.PersonalDataDocs;
import cn.pes.casework.query.mongo.ReadModelStore;
import cn.pes.casework.query.projection.GuardedUpsert;
import cn.pes.casework.security.protection.BlindIndex;
import com.mongodb.client.model.Filters;
import org.axonframework.queryhandling.QueryHandler;
import org.bson.Document;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

@Component
public class CaseLookupQueries {

    private final ReadModelStore store;
    private final PersonalDataDocs personalData;
    private final BlindIndex blindIndex;

    public CaseLookupQueries(ReadModelStore store, BlindIndex blindIndex, PersonalDataDocs personalData) {
        this.store = store;
        this.blindIndex = blindIndex;
        this.personalData = personalData;
    }

    @QueryHandler
    public CaseSearchResult handle(FindCasesByIdNumberQuery query) {
        return search(CaseLookupProjection.ID_NUMBER_INDEX, SearchKeys.idNumberKey(blindIndex, query.idNumber()));
    }

    @QueryHandler
    public CaseSearchResult handle(FindCasesByNameQuery query) {
        return search(CaseLookupProjection.NAME_INDEX, SearchKeys.nameKey(blindIndex, query.name()));
    }

    private CaseSearchResult search(String index, String key) {
        if (key == null) {
            return new CaseSearchResult(List.of());
        }
        Document entry = SharedDocuments.find(store.collection(index), key);
        Document cases = Docs.subDocument(entry, GuardedUpsert.CASES);
        if (cases == null || cases.isEmpty()) {
            return new CaseSearchResult(List.of());
        }
        List<String> caseIds = new ArrayList<>();
        cases.values().forEach(part -> caseIds.add(((Document) part).getString("caseId")));
        List<CaseSummary> summaries = new ArrayList<>();
        // $in on _id is answered from the unique index, also by the embedded server.
        store.collection(CaseLookupProjection.CASES)
             .find(Filters.in("_id", caseIds))
             .forEach(doc -> summaries.add(new CaseSummary(doc.getString("_id"),
                                                           personalData.read(doc, "person"),
                                                           Docs.enumValue(doc, "status", RegistrationStatus.class),
                                                           doc.getString("agencyId"))));
        // Case IDs are time-ordered: oldest case first.
        summaries.sort(Comparator.comparing(CaseSummary::caseId));
        return new CaseSearchResult(summaries);
    }
}
