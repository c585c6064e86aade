package cn.pes.casework.query.casesummary;

import cn.pes.casework.events.cancellation.RegistrationCancelled;
import cn.pes.casework.events.casefile.RegistrationStatus;
import cn.pes.casework.events.employment.Employed;
import cn.pes.casework.events.registration.CaseOpened;
import cn.pes.casework.events.registration.PersonalDetailsUpdated;
import cn.pes.casework.events.registration.RegistrationApplied;
import cn.pes.casework.events.registration.RegistrationApproved;
import cn.pes.casework.events.registration.RegistrationRefused;
import cn.pes.casework.events.registration.RegistrationRejected;
import cn.pes.casework.events.registration.UnemploymentRegistered;
import cn.pes.casework.events.tracking.TrackingContactRecorded;
import cn.pes.casework.query.common.Docs;
import cn.pes.casework.query.common.PersonalDataDocs;
import cn.pes.casework.query.projection.ProjectionWriter;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.bson.Document;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Collection {@value #COLLECTION}, one document per case ({@code _id} = case ID):
 * <pre>
 * { _id, person: {sealed: ...}, birthYear: 1990, sex, status, categories: [..],
 *   agencyId, spells: [{spell, status, channel, agencyId, appliedOn, decisionDueOn, registeredOn,
 *   reason, endedOn, endedBy, endNote}], lastContact: {contactId, contactDate, method, reached,
 *   statusFound}, lastSequence, updatedAt }
 * </pre>
 */
@Component
@ProcessingGroup(CaseSummaryProjection.PROCESSING_GROUP)
public class CaseSummaryProjection {

    public static final String PROCESSING_GROUP = "case-summary";
    public static final String COLLECTION = "cases";

    private final ProjectionWriter writer;
    private final PersonalDataDocs personalData;

    public CaseSummaryProjection(ProjectionWriter writer, PersonalDataDocs personalData) {
        this.writer = writer;
        this.personalData = personalData;
    }

    @ResetHandler
    void reset() {
        writer.drop(COLLECTION);
    }

    @EventHandler
    void on(CaseOpened event, @SequenceNumber long sequence, @Timestamp Instant recordedAt) {
        update(event.caseId(), sequence, recordedAt, doc -> {
            doc.put("person", personalData.write(event.caseId(), event.person()));
            // The year only: a full birth date beside the masked ID number would give the number away,
            // and it would outlive an erasure in clear.
            doc.put("birthYear", event.birthDate() == null ? null : event.birthDate().getYear());
            doc.put("sex", Docs.name(event.sex()));
            doc.put("agencyId", event.agencyId());
            doc.putIfAbsent("status", RegistrationStatus.NOT_REGISTERED.name());
            doc.putIfAbsent("categories", new ArrayList<String>());
            doc.putIfAbsent("spells", new ArrayList<Document>());
        });
    }

    @EventHandler
    void on(PersonalDetailsUpdated event, @SequenceNumber long sequence, @Timestamp Instant recordedAt) {
        update(event.caseId(), sequence, recordedAt, doc -> doc.put("person", personalData.write(event.caseId(), event.person())));
    }

    /** A refusal starts no spell and leaves the status as it was (e.g. EMPLOYED after an earlier spell). */
    @EventHandler
    void on(RegistrationRefused event, @SequenceNumber long sequence, @Timestamp Instant recordedAt) {
        update(event.caseId(), sequence, recordedAt, doc -> {
        });
    }

    @EventHandler
    void on(RegistrationApplied event, @SequenceNumber long sequence, @Timestamp Instant recordedAt) {
        update(event.caseId(), sequence, recordedAt, doc -> {
            Document spell = spell(doc, event.spell());
            spell.put("status", RegistrationStatus.PENDING.name());
            spell.put("channel", Docs.name(event.channel()));
            spell.put("agencyId", event.agencyId());
            spell.put("appliedOn", Docs.date(event.appliedOn()));
            spell.put("decisionDueOn", Docs.date(event.decisionDueOn()));
            spell.put("reason", Docs.name(event.reason()));
            if (isLatest(doc, event.spell())) {
                doc.put("status", RegistrationStatus.PENDING.name());
                doc.put("agencyId", event.agencyId());
                doc.put("categories", Docs.names(event.categories()));
            }
        });
    }

    /** The spell becomes active with the UnemploymentRegistered that follows. */
    @EventHandler
    void on(RegistrationApproved event, @SequenceNumber long sequence, @Timestamp Instant recordedAt) {
        update(event.caseId(), sequence, recordedAt, doc -> {
        });
    }

    @EventHandler
    void on(RegistrationRejected event, @SequenceNumber long sequence, @Timestamp Instant recordedAt) {
        update(event.caseId(), sequence, recordedAt, doc -> {
            end(doc, event.spell(), RegistrationStatus.REJECTED, event.decidedOn(), event.reason());
        });
    }

    @EventHandler
    void on(UnemploymentRegistered event, @SequenceNumber long sequence, @Timestamp Instant recordedAt) {
        update(event.caseId(), sequence, recordedAt, doc -> {
            Document spell = spell(doc, event.spell());
            spell.put("status", RegistrationStatus.ACTIVE.name());
            spell.put("channel", Docs.name(event.channel()));
            spell.put("agencyId", event.agencyId());
            spell.put("registeredOn", Docs.date(event.registeredOn()));
            spell.put("reason", Docs.name(event.reason()));
            if (isLatest(doc, event.spell())) {
                doc.put("status", RegistrationStatus.ACTIVE.name());
                doc.put("agencyId", event.agencyId());
                doc.put("categories", Docs.names(event.categories()));
            }
        });
    }

    @EventHandler
    void on(TrackingContactRecorded event, @SequenceNumber long sequence, @Timestamp Instant recordedAt) {
        update(event.caseId(), sequence, recordedAt, doc -> {
            // Contacts may be recorded late; the last contact is the one with the latest contact date.
            LocalDate current = Docs.date(Docs.subDocument(doc, "lastContact"), "contactDate");
            if (current == null || !event.contactDate().isBefore(current)) {
                doc.put("lastContact", new Document("contactId", event.contactId())
                        .append("contactDate", Docs.date(event.contactDate()))
                        .append("method", Docs.name(event.method()))
                        .append("reached", event.reached())
                        .append("statusFound", Docs.name(event.statusFound())));
            }
        });
    }

    @EventHandler
    void on(Employed event, @SequenceNumber long sequence, @Timestamp Instant recordedAt) {
        update(event.caseId(), sequence, recordedAt, doc -> {
            end(doc, event.spell(), RegistrationStatus.EMPLOYED, event.employment().startDate(),
                Docs.name(event.employment().type()));
        });
    }

    @EventHandler
    void on(RegistrationCancelled event, @SequenceNumber long sequence, @Timestamp Instant recordedAt) {
        update(event.caseId(), sequence, recordedAt, doc -> {
            end(doc, event.spell(), RegistrationStatus.CANCELLED, event.effectiveDate(), Docs.name(event.ground()));
        });
    }

    private void update(String caseId, long sequence, Instant recordedAt, Consumer<Document> change) {
        writer.updateDocument(COLLECTION, caseId, sequence, doc -> {
            change.accept(doc);
            doc.put("updatedAt", Docs.instant(recordedAt));
        });
    }

    private static void end(Document doc, int spellNumber, RegistrationStatus endedBy, LocalDate endedOn, String note) {
        Document spell = spell(doc, spellNumber);
        spell.put("status", endedBy.name());
        spell.put("endedOn", Docs.date(endedOn));
        spell.put("endedBy", endedBy.name());
        spell.put("endNote", note);
        if (isLatest(doc, spellNumber)) {
            doc.put("status", endedBy.name());
        }
    }

    /** Only the latest spell decides the case's status and agency. */
    private static boolean isLatest(Document doc, int spellNumber) {
        return spells(doc).stream().allMatch(s -> Docs.intValue(s, "spell", 0) <= spellNumber);
    }

    private static Document spell(Document doc, int spellNumber) {
        List<Document> spells = spells(doc);
        int index = 0;
        for (Document spell : spells) {
            int number = Docs.intValue(spell, "spell", 0);
            if (number == spellNumber) {
                return spell;
            }
            if (number > spellNumber) {
                break;
            }
            index++;
        }
        Document spell = new Document("spell", spellNumber);
        spells.add(index, spell);
        return spell;
    }

    private static List<Document> spells(Document doc) {
        List<Document> spells = doc.getList("spells", Document.class);
        if (spells == null) {
            spells = new ArrayList<>();
            doc.put("spells", spells);
        }
        return spells;
    }
}
