package cn.pes.casework.query.agencycaseload;

import cn.pes.casework.events.cancellation.RegistrationCancelled;
import cn.pes.casework.events.employment.Employed;
import cn.pes.casework.events.registration.CaseOpened;
import cn.pes.casework.events.registration.PersonalDetailsUpdated;
import cn.pes.casework.events.registration.RegistrationApplied;
import cn.pes.casework.events.registration.RegistrationApproved;
import cn.pes.casework.events.registration.RegistrationRejected;
import cn.pes.casework.events.registration.UnemploymentRegistered;
import cn.pes.casework.events.tracking.TrackingContactRecorded;
import cn.pes.casework.query.common.Docs;
import cn.pes.casework.query.common.PersonalDataDocs;
import cn.pes.casework.query.projection.Buckets;
import cn.pes.casework.query.projection.ProjectionWriter;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.bson.Document;
import org.springframework.stereotype.Component;

import java.time.YearMonth;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * What an agency has on its desk: active registrations (for the TRK-1 overdue list) and online
 * applications awaiting a decision (REG-5).
 * <ul>
 * <li>{@value #CASELOADS}: {@code {_id: "agencyId|NN", agencyId, bucket, cases: {<caseKey>: part},
 * seq: {<caseKey>: n}}}, part = {@code {caseId, state: "ACTIVE", spell, person, registeredOn,
 * contacts: {"yyyy-MM": "latest contact date that month"}}} or {@code {caseId, state: "PENDING",
 * spell, person, channel, appliedOn, decisionDueOn, dueDateProvisional}}.</li>
 * <li>{@value #PEOPLE}: {@code {_id: caseId, person, pendingAgencyId, activeAgencyId, lastSequence}} —
 * the person data for the parts, and where a case's pending application sits, since approval
 * and rejection do not name the agency.</li>
 * </ul>
 * An agency's active registrations are spread over {@value #BUCKETS} shared documents by case ID
 * ({@code agencyId|NN}); its pending applications are a shared document of their own
 * ({@code agencyId|pending}), so that the overdue list reads the few applications awaiting a decision
 * and not the thousands of active cases beside them (issue 10; until then both were in the buckets).
 */
@Component
@ProcessingGroup(AgencyCaseloadProjection.PROCESSING_GROUP)
public class AgencyCaseloadProjection {

    public static final String PROCESSING_GROUP = "agency-caseload";
    public static final String CASELOADS = "agency_caseloads";
    public static final String PEOPLE = "caseload_people";
    /** Fixed: changing it needs a rebuild of the read model (reset the group's tokens). */
    public static final int BUCKETS = 16;

    static final String ACTIVE = "ACTIVE";
    static final String PENDING = "PENDING";

    private final ProjectionWriter writer;
    private final PersonalDataDocs personalData;

    public AgencyCaseloadProjection(ProjectionWriter writer, PersonalDataDocs personalData) {
        this.writer = writer;
        this.personalData = personalData;
    }

    static String caseloadId(String agencyId, String caseId) {
        return Buckets.of(agencyId, caseId, BUCKETS);
    }

    static List<String> caseloadIds(String agencyId) {
        return Buckets.all(agencyId, BUCKETS);
    }

    static String pendingId(String agencyId) {
        return agencyId + "|pending";
    }

    @ResetHandler
    void reset() {
        writer.drop(CASELOADS, PEOPLE);
    }

    @EventHandler
    void on(CaseOpened event, @SequenceNumber long sequence) {
        writer.updateDocument(PEOPLE, event.caseId(), sequence, doc -> doc.put("person", personalData.write(event.caseId(), event.person())));
    }

    /** The new details replace the old in the person's pending or active entry too. */
    @EventHandler
    void on(PersonalDetailsUpdated event, @SequenceNumber long sequence) {
        String caseId = event.caseId();
        Document person = personalData.write(event.caseId(), event.person());
        Document people = people(caseId);
        UnaryOperator<Document> withPerson = part -> {
            if (part != null) {
                part.put("person", person);
            }
            return part;
        };
        if (people.getString("pendingAgencyId") != null) {
            changePending(people.getString("pendingAgencyId"), caseId, sequence, withPerson);
        }
        if (people.getString("activeAgencyId") != null) {
            changeActive(people.getString("activeAgencyId"), caseId, sequence, withPerson);
        }
        writer.updateDocument(PEOPLE, caseId, sequence, doc -> doc.put("person", person));
    }

    @EventHandler
    void on(RegistrationApplied event, @SequenceNumber long sequence) {
        String caseId = event.caseId();
        Document person = person(caseId);
        changePending(event.agencyId(), caseId, sequence, part -> new Document("caseId", caseId)
                .append("state", PENDING)
                .append("spell", event.spell())
                .append("person", person)
                .append("channel", Docs.name(event.channel()))
                .append("appliedOn", Docs.date(event.appliedOn()))
                .append("decisionDueOn", Docs.date(event.decisionDueOn()))
                .append("dueDateProvisional", event.dueDateProvisional()));
        writer.updateDocument(PEOPLE, caseId, sequence, doc -> doc.put("pendingAgencyId", event.agencyId()));
    }

    @EventHandler
    void on(RegistrationApproved event, @SequenceNumber long sequence) {
        decided(event.caseId(), event.spell(), sequence);
    }

    @EventHandler
    void on(RegistrationRejected event, @SequenceNumber long sequence) {
        decided(event.caseId(), event.spell(), sequence);
    }

    /** An approved application becomes active with the UnemploymentRegistered that follows. */
    private void decided(String caseId, int spell, long sequence) {
        String agencyId = people(caseId).getString("pendingAgencyId");
        if (agencyId != null) {
            changePending(agencyId, caseId, sequence, part -> isPart(part, PENDING, spell) ? null : part);
        }
        writer.updateDocument(PEOPLE, caseId, sequence, doc -> doc.put("pendingAgencyId", null));
    }

    @EventHandler
    void on(UnemploymentRegistered event, @SequenceNumber long sequence) {
        String caseId = event.caseId();
        String pendingAgencyId = people(caseId).getString("pendingAgencyId");
        if (pendingAgencyId != null) {
            changePending(pendingAgencyId, caseId, sequence, part -> isPart(part, PENDING, event.spell()) ? null : part);
        }
        Document person = person(caseId);
        changeActive(event.agencyId(), caseId, sequence, part -> new Document("caseId", caseId)
                .append("state", ACTIVE)
                .append("spell", event.spell())
                .append("person", person)
                .append("registeredOn", Docs.date(event.registeredOn()))
                .append("contacts", new Document()));
        writer.updateDocument(PEOPLE, caseId, sequence, doc -> {
            doc.put("pendingAgencyId", null);
            doc.put("activeAgencyId", event.agencyId());
        });
    }

    @EventHandler
    void on(TrackingContactRecorded event, @SequenceNumber long sequence) {
        String agencyId = event.responsibleAgencyId() != null
                ? event.responsibleAgencyId() : people(event.caseId()).getString("activeAgencyId");
        if (agencyId == null || event.contactDate() == null) {
            return;
        }
        String month = YearMonth.from(event.contactDate()).toString();
        String date = Docs.date(event.contactDate());
        changeActive(agencyId, event.caseId(), sequence, part -> {
            if (!isPart(part, ACTIVE, event.spell())) {
                return part;
            }
            Document contacts = Docs.subDocumentForUpdate(part, "contacts");
            String latest = contacts.getString(month);
            if (latest == null || latest.compareTo(date) < 0) {
                contacts.put(month, date);
            }
            return part;
        });
    }

    @EventHandler
    void on(Employed event, @SequenceNumber long sequence) {
        ended(event.caseId(), event.spell(), event.responsibleAgencyId(), sequence);
    }

    @EventHandler
    void on(RegistrationCancelled event, @SequenceNumber long sequence) {
        ended(event.caseId(), event.spell(), event.responsibleAgencyId(), sequence);
    }

    private void ended(String caseId, int spell, String responsibleAgencyId, long sequence) {
        String activeAgencyId = people(caseId).getString("activeAgencyId");
        if (responsibleAgencyId != null) {
            changeActive(responsibleAgencyId, caseId, sequence, part -> isPart(part, ACTIVE, spell) ? null : part);
        }
        if (activeAgencyId != null && !activeAgencyId.equals(responsibleAgencyId)) {
            changeActive(activeAgencyId, caseId, sequence, part -> isPart(part, ACTIVE, spell) ? null : part);
        }
        writer.updateDocument(PEOPLE, caseId, sequence, doc -> doc.put("activeAgencyId", null));
    }

    private void changeActive(String agencyId, String caseId, long sequence, UnaryOperator<Document> change) {
        writer.updatePart(CASELOADS, caseloadId(agencyId, caseId), new Document("agencyId", agencyId), caseId, sequence,
                          change);
    }

    private void changePending(String agencyId, String caseId, long sequence, UnaryOperator<Document> change) {
        writer.updatePart(CASELOADS, pendingId(agencyId), new Document("agencyId", agencyId), caseId, sequence, change);
    }

    private static boolean isPart(Document part, String state, int spell) {
        return part != null && state.equals(part.getString("state")) && Docs.intValue(part, "spell", -1) == spell;
    }

    private Document people(String caseId) {
        Document people = writer.findDocument(PEOPLE, caseId);
        return people == null ? new Document() : people;
    }

    private Document person(String caseId) {
        return Docs.subDocument(writer.findDocument(PEOPLE, caseId), "person");
    }
}
