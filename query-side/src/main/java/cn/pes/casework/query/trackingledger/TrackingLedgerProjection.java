package cn.pes.casework.query.trackingledger;

import cn.pes.casework.events.cancellation.Evidence;
import cn.pes.casework.events.registration.CaseOpened;
import cn.pes.casework.events.registration.PersonalDetailsUpdated;
import cn.pes.casework.events.tracking.TrackingContactRecorded;
import cn.pes.casework.query.common.Docs;
import cn.pes.casework.query.common.PersonalDataDocs;
import cn.pes.casework.query.common.EventMetadata;
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
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * The tracking ledger (台账) of an agency per month:
 * <ul>
 * <li>{@value #LEDGERS}: a shared document ({@link cn.pes.casework.query.projection.SharedDocuments})
 * {@code "agencyId|yyyy-MM"} with {@code agencyId, month} and a part per row, keyed by the row's place in
 * the ledger ({@link #rowKey}: contact date, when recorded, contact ID, case). A row holds the TRK-3
 * columns: {@code contactId, caseId, sequence, recordedAt, person, contactDate, method, dataMatchSource,
 * reached, statusFound, servicesGiven, nextStep, proposedGround, proposalEvidence: {source, reference,
 * description}, officerId, contactingAgencyId}.</li>
 * <li>{@value #PEOPLE}: {@code {_id: caseId, person, lastSequence}} — this group's own copy of the
 * person data for the rows, from CaseOpened.</li>
 * </ul>
 * The ledger is the responsible agency's (the one the spell belongs to), whoever made the contact;
 * the month is that of the contact date. Since the parts' keys are the ledger's order, a page of the
 * ledger is a range of keys: it reads its own rows and no other (issue 10; until then a row was part of
 * its case's entry and a page read the whole month). A row is written once: a case records a contact
 * ID once (the aggregate drops a resent one), so no part is ever removed.
 */
@Component
@ProcessingGroup(TrackingLedgerProjection.PROCESSING_GROUP)
public class TrackingLedgerProjection {

    public static final String PROCESSING_GROUP = "tracking-ledger";
    public static final String LEDGERS = "tracking_ledgers";
    public static final String PEOPLE = "ledger_people";

    /** When recorded, to the nanosecond and of fixed width, so that keys sort as instants do. */
    private static final DateTimeFormatter RECORDED =
            DateTimeFormatter.ofPattern("uuuuMMddHHmmssnnnnnnnnn").withZone(ZoneOffset.UTC);

    private final ProjectionWriter writer;
    private final PersonalDataDocs personalData;

    public TrackingLedgerProjection(ProjectionWriter writer, PersonalDataDocs personalData) {
        this.writer = writer;
        this.personalData = personalData;
    }

    /** The shared document of an agency's month. */
    public static String ledgerId(String agencyId, YearMonth month) {
        return agencyId + "|" + month;
    }

    /**
     * A row's key and its place in the ledger: contact date, then when recorded, then contact ID (the
     * paper ledger's order, stable for paging), then case, since contact IDs are unique per case only.
     * Space, below every character of an ID, separates them, so a contact ID sorts before its extensions.
     */
    static String rowKey(LocalDate contactDate, Instant recordedAt, String contactId, String caseId, long sequence) {
        String contact = contactId != null ? contactId + " " + caseId : " " + caseId + " " + sequence;
        return contactDate + " " + RECORDED.format(recordedAt) + " " + contact;
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
        writer.updatePart(LEDGERS, ledgerId(event.responsibleAgencyId(), month), onInsert,
                          rowKey(event.contactDate(), recordedAt, event.contactId(), event.caseId(), sequence), sequence,
                          part -> row);
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
