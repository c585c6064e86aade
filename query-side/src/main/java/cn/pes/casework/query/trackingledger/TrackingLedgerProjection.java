package cn.pes.casework.query.trackingledger;

import cn.pes.casework.events.cancellation.Evidence;
import cn.pes.casework.events.registration.CaseOpened;
import cn.pes.casework.events.registration.PersonalDetailsUpdated;
import cn.pes.casework.events.tracking.TrackingContactRecorded;
import cn.pes.casework.query.common.Docs;
import cn.pes.casework.query.common.PersonalDataDocs;
import cn.pes.casework.query.common.EventMetadata;
import cn.pes.casework.query.projection.Buckets;
import cn.pes.casework.query.projection.ProjectionWriter;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.messaging.MetaData;
import org.bson.Document;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

/**
 * The tracking ledger (台账) of an agency per month:
 * <ul>
 * <li>{@value #LEDGERS}: {@code {_id: "agencyId|yyyy-MM|bucket", agencyId, month, cases: {<caseKey>: {rows: [row..]}},
 * seq: {<caseKey>: n}}} where a row holds the TRK-3 columns: {@code contactId, caseId, sequence,
 * recordedAt, person, contactDate, method, dataMatchSource, reached, statusFound, servicesGiven,
 * nextStep, proposedGround, proposalEvidence: {source, reference, description}, officerId,
 * contactingAgencyId}.</li>
 * <li>{@value #PEOPLE}: {@code {_id: caseId, person, lastSequence}} — this group's own copy of the
 * person data for the rows, from CaseOpened.</li>
 * </ul>
 * The ledger is the responsible agency's (the one the spell belongs to), whoever made the contact;
 * the month is that of the contact date. An agency's month is spread over {@value #BUCKETS} documents
 * by case ID, so that no document nears MongoDB's 16 MB limit and a contact rewrites a sixteenth of it.
 */
@Component
@ProcessingGroup(TrackingLedgerProjection.PROCESSING_GROUP)
public class TrackingLedgerProjection {

    public static final String PROCESSING_GROUP = "tracking-ledger";
    public static final String LEDGERS = "tracking_ledgers";
    public static final String PEOPLE = "ledger_people";

    private final ProjectionWriter writer;
    private final PersonalDataDocs personalData;

    public TrackingLedgerProjection(ProjectionWriter writer, PersonalDataDocs personalData) {
        this.writer = writer;
        this.personalData = personalData;
    }

    public static final int BUCKETS = 16;

    static String ledgerId(String agencyId, YearMonth month, String caseId) {
        return Buckets.of(agencyId + "|" + month, caseId, BUCKETS);
    }

    /** Every document of an agency's month, for reading the ledger by {@code _id}. */
    public static List<String> ledgerIds(String agencyId, YearMonth month) {
        return Buckets.all(agencyId + "|" + month, BUCKETS);
    }

    @ResetHandler
    void reset() {
        writer.drop(LEDGERS, PEOPLE);
    }

    @EventHandler
    void on(CaseOpened event, @SequenceNumber long sequence) {
        writer.updateDocument(PEOPLE, event.caseId(), sequence, doc -> doc.put("person", personalData.write(event.caseId(), event.person())));
    }

    /** Rows already in a ledger keep the details as they were when the contact was made. */
    @EventHandler
    void on(PersonalDetailsUpdated event, @SequenceNumber long sequence) {
        writer.updateDocument(PEOPLE, event.caseId(), sequence, doc -> doc.put("person", personalData.write(event.caseId(), event.person())));
    }

    @EventHandler
    void on(TrackingContactRecorded event, @SequenceNumber long sequence, @Timestamp Instant recordedAt,
            MetaData metaData) {
        if (event.responsibleAgencyId() == null || event.contactDate() == null) {
            return;
        }
        YearMonth month = YearMonth.from(event.contactDate());
        EventMetadata metadata = EventMetadata.of(metaData);
        Document people = writer.findDocument(PEOPLE, event.caseId());
        Document row = new Document("contactId", event.contactId())
                .append("caseId", event.caseId())
                .append("sequence", sequence)
                .append("recordedAt", Docs.instant(recordedAt))
                .append("person", Docs.subDocument(people, "person"))
                .append("contactDate", Docs.date(event.contactDate()))
                .append("method", Docs.name(event.method()))
                .append("dataMatchSource", event.dataMatchSource())
                .append("reached", event.reached())
                .append("statusFound", Docs.name(event.statusFound()))
                .append("servicesGiven", Docs.names(event.servicesGiven()))
                .append("nextStep", event.nextStep())
                .append("proposedGround", Docs.name(event.proposedGround()))
                .append("proposalEvidence", evidence(event.proposalEvidence()))
                .append("officerId", metadata.officerId())
                .append("contactingAgencyId", metadata.agencyId());
        Document onInsert = new Document("agencyId", event.responsibleAgencyId()).append("month", month.toString());
        String ledgerId = ledgerId(event.responsibleAgencyId(), month, event.caseId());
        writer.updatePart(LEDGERS, ledgerId, onInsert, event.caseId(), sequence,
                          part -> {
                              Document updated = part == null ? new Document("rows", new ArrayList<Document>()) : part;
                              List<Document> rows = updated.getList("rows", Document.class);
                              rows.removeIf(existing -> event.contactId() != null
                                      && event.contactId().equals(existing.getString("contactId")));
                              rows.add(row);
                              return updated;
                          });
    }

    private static Document evidence(Evidence evidence) {
        if (evidence == null) {
            return null;
        }
        return new Document("source", Docs.name(evidence.source()))
                .append("reference", evidence.reference())
                .append("description", evidence.description());
    }
}
