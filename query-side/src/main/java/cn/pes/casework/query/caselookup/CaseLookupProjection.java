package cn.pes.casework.query.caselookup;

import cn.pes.casework.events.cancellation.RegistrationCancelled;
import cn.pes.casework.events.casefile.RegistrationStatus;
import cn.pes.casework.events.employment.Employed;
import cn.pes.casework.events.erasure.PersonalDataErased;
import cn.pes.casework.events.registration.CaseOpened;
import cn.pes.casework.events.registration.PersonalDetailsUpdated;
import cn.pes.casework.events.registration.RegistrationApplied;
import cn.pes.casework.events.registration.RegistrationRejected;
import cn.pes.casework.events.registration.UnemploymentRegistered;
import cn.pes.casework.events.shared.PersonalData;
import cn.pes.casework.query.common.Docs;
import cn.pes.casework.query.common.PersonalDataDocs;
import cn.pes.casework.query.projection.ProjectionWriter;
import cn.pes.casework.security.protection.BlindIndex;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.bson.Document;
import org.springframework.stereotype.Component;

/**
 * Lookup of cases by ID number and by name, in collections this group alone writes:
 * <ul>
 * <li>{@value #ID_NUMBER_INDEX}: {@code {_id: blind index of the ID number, cases: {<caseKey>: {caseId}}, seq: {<caseKey>: n}}}</li>
 * <li>{@value #NAME_INDEX}: {@code {_id: blind index of the normalised name, cases: {<caseKey>: {caseId}}, seq: {<caseKey>: n}}}</li>
 * <li>{@value #CASES}: {@code {_id: caseId, person (sealed), idNumberKey, nameKey, status, agencyId, spell,
 * lastSequence}} — what a search result line shows, kept once per case so that status changes touch
 * one document and not every index entry of the person. The two keys are the case's index entries:
 * after an erasure the person's data can no longer be read, and the entries must still be found
 * to be removed.</li>
 * </ul>
 * A search is two key lookups: the index document, then the case documents by {@code _id}. The
 * index keys are keyed hashes ({@link BlindIndex}), never the plain ID number or name; an erased
 * case leaves both indexes, so neither its ID number nor its name finds it any more.
 */
@Component
@ProcessingGroup(CaseLookupProjection.PROCESSING_GROUP)
public class CaseLookupProjection {

    public static final String PROCESSING_GROUP = "case-lookup";
    public static final String ID_NUMBER_INDEX = "id_number_index";
    public static final String NAME_INDEX = "name_index";
    public static final String CASES = "lookup_cases";

    private final ProjectionWriter writer;
    private final PersonalDataDocs personalData;
    private final BlindIndex blindIndex;

    public CaseLookupProjection(ProjectionWriter writer, BlindIndex blindIndex, PersonalDataDocs personalData) {
        this.writer = writer;
        this.blindIndex = blindIndex;
        this.personalData = personalData;
    }

    @ResetHandler
    void reset() {
        writer.drop(ID_NUMBER_INDEX, NAME_INDEX, CASES);
    }

    @EventHandler
    void on(CaseOpened event, @SequenceNumber long sequence) {
        String caseId = event.caseId();
        String idNumber = event.person() == null ? null : SearchKeys.idNumberKey(blindIndex, event.person().idNumber());
        String name = event.person() == null ? null : SearchKeys.nameKey(blindIndex, event.person().name());
        if (idNumber != null) {
            writer.updatePart(ID_NUMBER_INDEX, idNumber, null, caseId, sequence, part -> new Document("caseId", caseId));
        }
        if (name != null) {
            writer.updatePart(NAME_INDEX, name, null, caseId, sequence, part -> new Document("caseId", caseId));
        }
        writer.updateDocument(CASES, caseId, sequence, doc -> {
            doc.put("person", personalData.write(event.caseId(), event.person()));
            putOrRemove(doc, "idNumberKey", idNumber);
            putOrRemove(doc, "nameKey", name);
            doc.put("agencyId", event.agencyId());
            doc.putIfAbsent("status", RegistrationStatus.NOT_REGISTERED.name());
            doc.putIfAbsent("spell", 0);
        });
    }

    /** A new name moves the case from the old name's index entry to the new one's; the ID number never changes. */
    @EventHandler
    void on(PersonalDetailsUpdated event, @SequenceNumber long sequence) {
        String caseId = event.caseId();
        Document current = writer.findDocument(CASES, caseId);
        String oldName = current == null ? null : current.getString("nameKey");
        String newName = event.person() == null ? null : SearchKeys.nameKey(blindIndex, event.person().name());
        if (oldName != null && !oldName.equals(newName)) {
            writer.updatePart(NAME_INDEX, oldName, null, caseId, sequence, part -> null);
        }
        if (newName != null) {
            writer.updatePart(NAME_INDEX, newName, null, caseId, sequence, part -> new Document("caseId", caseId));
        }
        writer.updateDocument(CASES, caseId, sequence, doc -> {
            doc.put("person", personalData.write(event.caseId(), event.person()));
            putOrRemove(doc, "nameKey", newName);
        });
    }

    /** The case leaves both indexes; its line keeps status and agency, its person reads as erased. */
    @EventHandler
    void on(PersonalDataErased event, @SequenceNumber long sequence) {
        String caseId = event.caseId();
        Document current = writer.findDocument(CASES, caseId);
        String idNumber = current == null ? null : current.getString("idNumberKey");
        String name = current == null ? null : current.getString("nameKey");
        if (idNumber != null) {
            writer.updatePart(ID_NUMBER_INDEX, idNumber, null, caseId, sequence, part -> null);
        }
        if (name != null) {
            writer.updatePart(NAME_INDEX, name, null, caseId, sequence, part -> null);
        }
        writer.updateDocument(CASES, caseId, sequence, doc -> {
            doc.put("person", personalData.write(caseId, PersonalData.erased(caseId)));
            doc.remove("idNumberKey");
            doc.remove("nameKey");
        });
    }

    private static void putOrRemove(Document doc, String key, String value) {
        if (value == null) {
            doc.remove(key);
        } else {
            doc.put(key, value);
        }
    }

    @EventHandler
    void on(RegistrationApplied event, @SequenceNumber long sequence) {
        status(event.caseId(), sequence, event.spell(), RegistrationStatus.PENDING, event.agencyId());
    }

    @EventHandler
    void on(RegistrationRejected event, @SequenceNumber long sequence) {
        status(event.caseId(), sequence, event.spell(), RegistrationStatus.REJECTED, null);
    }

    @EventHandler
    void on(UnemploymentRegistered event, @SequenceNumber long sequence) {
        status(event.caseId(), sequence, event.spell(), RegistrationStatus.ACTIVE, event.agencyId());
    }

    @EventHandler
    void on(Employed event, @SequenceNumber long sequence) {
        status(event.caseId(), sequence, event.spell(), RegistrationStatus.EMPLOYED, null);
    }

    @EventHandler
    void on(RegistrationCancelled event, @SequenceNumber long sequence) {
        status(event.caseId(), sequence, event.spell(), RegistrationStatus.CANCELLED, null);
    }

    /** Only the latest spell decides; the agency is that of the current or last spell. */
    private void status(String caseId, long sequence, int spell, RegistrationStatus status, String agencyId) {
        writer.updateDocument(CASES, caseId, sequence, doc -> {
            if (spell >= Docs.intValue(doc, "spell", 0)) {
                doc.put("spell", spell);
                doc.put("status", status.name());
                if (agencyId != null) {
                    doc.put("agencyId", agencyId);
                }
            }
        });
    }
}
