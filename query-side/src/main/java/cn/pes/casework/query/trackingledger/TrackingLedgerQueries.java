package cn.pes.casework.query.trackingledger;

import cn.pes.casework.query.projection.SharedDocuments;
import cn.pes.casework.events.cancellation.CancellationGround;
import cn.pes.casework.events.cancellation.Evidence;
import cn.pes.casework.events.statistics.ContactFigures;
import cn.pes.casework.events.statistics.FindContactFiguresQuery;
import cn.pes.casework.events.tracking.ContactMethod;
import cn.pes.casework.events.tracking.EmploymentStatus;
import cn.pes.casework.events.tracking.FindTrackingLedgerPageQuery;
import cn.pes.casework.events.tracking.FindTrackingLedgerQuery;
import cn.pes.casework.events.tracking.LedgerRow;
import cn.pes.casework.events.tracking.ServiceGiven;
import cn.pes.casework.events.tracking.TrackingLedgerPage;
import cn.pes.casework.events.tracking.TrackingLedgerView;
import cn.pes.casework.query.common.Docs;
import cn.pes.casework.query.common.PersonalDataDocs;
import cn.pes.casework.query.mongo.ReadModelStore;
import cn.pes.casework.query.projection.GuardedUpsert;
import com.mongodb.client.MongoCollection;
import org.axonframework.queryhandling.QueryHandler;
import org.bson.Document;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

@Component
public class TrackingLedgerQueries {

    private final ReadModelStore store;
    private final PersonalDataDocs personalData;

    public TrackingLedgerQueries(ReadModelStore store, PersonalDataDocs personalData) {
        this.store = store;
        this.personalData = personalData;
    }

    /** The month's ledger in its order ({@link TrackingLedgerProjection#rowKey}); empty (never null) when nobody was contacted. */
    @QueryHandler
    public TrackingLedgerView handle(FindTrackingLedgerQuery query) {
        List<Document> rows = SharedDocuments.parts(ledgers(), TrackingLedgerProjection.ledgerId(query.agencyId(), query.month()),
                                                    0, 0);
        personalData.prefetch(rows, "person");
        return new TrackingLedgerView(query.agencyId(), query.month(), rows.stream().map(this::toRow).toList());
    }

    /**
     * A page of the month's ledger in the same order: the rows are counted by key and only the page's
     * rows are read, so a page costs the same in a street of a hundred contacts and in a county of
     * thousands.
     */
    @QueryHandler
    public TrackingLedgerPage handle(FindTrackingLedgerPageQuery query) {
        if (query.page() < 1 || query.size() < 1) {
            throw new IllegalArgumentException("page and size start at 1");
        }
        String ledgerId = TrackingLedgerProjection.ledgerId(query.agencyId(), query.month());
        long total = store.count(TrackingLedgerProjection.LEDGERS, SharedDocuments.partsOf(ledgerId));
        long from = (long) (query.page() - 1) * query.size();
        List<Document> shown = from >= total ? List.of()
                : SharedDocuments.parts(ledgers(), ledgerId, (int) from, query.size());
        personalData.prefetch(shown, "person");
        return new TrackingLedgerPage(query.agencyId(), query.month(), query.page(), query.size(), (int) total,
                                      shown.stream().map(this::toRow).toList());
    }

    private MongoCollection<Document> ledgers() {
        return store.collection(TrackingLedgerProjection.LEDGERS);
    }

    /**
     * Counts over the ledgers of several agencies for one month. Reads only case and contact IDs, never
     * the person columns, so that statistics never decode personal data.
     */
    @QueryHandler
    public ContactFigures handle(FindContactFiguresQuery query) {
        if (query.month() == null) {
            return new ContactFigures(0, 0);
        }
        List<String> ids = new ArrayList<>();
        query.agencyIds().stream().filter(Objects::nonNull).distinct()
             .forEach(agencyId -> ids.add(TrackingLedgerProjection.ledgerId(agencyId, query.month())));
        Set<String> cases = new HashSet<>();
        Set<String> contacts = new HashSet<>();
        if (ids.isEmpty()) {
            return new ContactFigures(0, 0);
        }
        SharedDocuments.find(ledgers(), ids)
             .forEach(ledger -> {
                 Document rows = Docs.subDocument(ledger, GuardedUpsert.CASES);
                 if (rows != null) {
                     rows.values().forEach(value -> {
                         Document row = (Document) value;
                         cases.add(row.getString("caseId"));
                         // A contact recorded without an ID still counts, as its own row.
                         contacts.add(row.getString("contactId") != null ? row.getString("contactId")
                                 : row.getString("caseId") + "#" + row.get("sequence"));
                     });
                 }
             });
        return new ContactFigures(cases.size(), contacts.size());
    }

    private LedgerRow toRow(Document row) {
        Document evidence = Docs.subDocument(row, "proposalEvidence");
        return new LedgerRow(row.getString("contactId"),
                             row.getString("caseId"),
                             personalData.read(row, "person"),
                             Docs.date(row, "contactDate"),
                             Docs.enumValue(row, "method", ContactMethod.class),
                             row.getString("dataMatchSource"),
                             Docs.bool(row, "reached"),
                             Docs.enumValue(row, "statusFound", EmploymentStatus.class),
                             Docs.enumSet(row, "servicesGiven", ServiceGiven.class),
                             row.getString("nextStep"),
                             Docs.enumValue(row, "proposedGround", CancellationGround.class),
                             evidence == null ? null : new Evidence(Docs.enumValue(evidence, "source",
                                                                                   Evidence.EvidenceSource.class),
                                                                    evidence.getString("reference"),
                                                                    evidence.getString("description")),
                             row.getString("officerId"),
                             row.getString("contactingAgencyId"));
    }
}
