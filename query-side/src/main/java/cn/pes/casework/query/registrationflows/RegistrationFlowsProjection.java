package cn.pes.casework.query.registrationflows;

import cn.pes.casework.events.cancellation.RegistrationCancelled;
import cn.pes.casework.events.employment.Employed;
import cn.pes.casework.events.registration.UnemploymentRegistered;
import cn.pes.casework.query.common.Docs;
import cn.pes.casework.query.projection.Buckets;
import cn.pes.casework.query.projection.ProjectionWriter;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.bson.Document;
import org.springframework.stereotype.Component;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * What came in and went out of an agency's caseload in a month (月度流入流出), by effective date:
 * <ul>
 * <li>{@value #FLOWS}: {@code {_id: "agencyId|yyyy-MM|NN", agencyId, month, cases: {<caseKey>: part},
 * seq: {<caseKey>: n}}}, part = {@code {registered: [spell..], employed: [spell..],
 * cancelled: {"<spell>": ground}}} — the case's spells that took effect, ended by employment, or were
 * cancelled (by CAN-1 ground) in that agency's month. Spells, not cases: a person who finds work and
 * registers again in the same month is two registrations.</li>
 * <li>{@value #SPELL_AGENCIES}: {@code {_id: caseId, agencies: {"<spell>": agencyId}, lastSequence}} —
 * the agency of each spell, for endings recorded without one.</li>
 * </ul>
 * Months are those of the dates in the payloads: {@code registeredOn}, the employment's
 * {@code startDate} (the spell ends the day work starts) and the cancellation's
 * {@code effectiveDate}. A movement recorded in December that took effect in November is November's.
 * <p>
 * No personal data, not even sealed: only case IDs (generated, never the ID number), spells, agencies,
 * months and grounds. So erasure ({@code PersonalDataErased}) has nothing to remove here and every
 * figure stays as it was.
 * <p>
 * An agency's month is spread over {@value #BUCKETS} documents by case ID, as the tracking ledger is:
 * a large county's month holds thousands of cases, and a single document would be rewritten whole on
 * every movement.
 */
@Component
@ProcessingGroup(RegistrationFlowsProjection.PROCESSING_GROUP)
public class RegistrationFlowsProjection {

    public static final String PROCESSING_GROUP = "registration-flows";
    public static final String FLOWS = "registration_flows";
    public static final String SPELL_AGENCIES = "registration_flow_spells";
    /** Fixed: changing it needs a rebuild of the read model (reset the group's tokens). */
    public static final int BUCKETS = 16;

    static final String REGISTERED = "registered";
    static final String EMPLOYED = "employed";
    static final String CANCELLED = "cancelled";

    private final ProjectionWriter writer;

    public RegistrationFlowsProjection(ProjectionWriter writer) {
        this.writer = writer;
    }

    static String flowsId(String agencyId, YearMonth month, String caseId) {
        return Buckets.of(agencyId + "|" + month, caseId, BUCKETS);
    }

    /** Every document of an agency's month, for reading it by {@code _id}. */
    static List<String> flowsIds(String agencyId, YearMonth month) {
        return Buckets.all(agencyId + "|" + month, BUCKETS);
    }

    @ResetHandler
    void reset() {
        writer.drop(FLOWS, SPELL_AGENCIES);
    }

    /** Window registrations and approved online applications alike: both start a spell. */
    @EventHandler
    void on(UnemploymentRegistered event, @SequenceNumber long sequence) {
        String caseId = event.caseId();
        int spell = event.spell();
        changePart(event.agencyId(), event.registeredOn(), caseId, sequence, part -> withSpell(part, REGISTERED, spell));
        if (event.agencyId() != null) {
            writer.updateDocument(SPELL_AGENCIES, caseId, sequence,
                                  doc -> Docs.subDocumentForUpdate(doc, "agencies").put(String.valueOf(spell), event.agencyId()));
        }
    }

    @EventHandler
    void on(Employed event, @SequenceNumber long sequence) {
        LocalDate startDate = event.employment() == null ? null : event.employment().startDate();
        int spell = event.spell();
        changePart(agencyOf(event.caseId(), spell, event.responsibleAgencyId()), startDate, event.caseId(), sequence,
                   part -> withSpell(part, EMPLOYED, spell));
    }

    @EventHandler
    void on(RegistrationCancelled event, @SequenceNumber long sequence) {
        int spell = event.spell();
        String ground = Docs.name(event.ground());
        changePart(agencyOf(event.caseId(), spell, event.responsibleAgencyId()), event.effectiveDate(), event.caseId(),
                   sequence, part -> {
                       Document changed = part == null ? new Document() : part;
                       Docs.subDocumentForUpdate(changed, CANCELLED).put(String.valueOf(spell), ground);
                       return changed;
                   });
    }

    /** The agency the spell belonged to: as the ending names it, else where the spell was registered. */
    private String agencyOf(String caseId, int spell, String responsibleAgencyId) {
        if (responsibleAgencyId != null) {
            return responsibleAgencyId;
        }
        Document agencies = Docs.subDocument(writer.findDocument(SPELL_AGENCIES, caseId), "agencies");
        return agencies == null ? null : agencies.getString(String.valueOf(spell));
    }

    /**
     * Without an agency or a date there is no document to count the movement in. The command side
     * refuses registrations and endings without them, so this only guards against a broken stream;
     * taking the recording date instead would count the movement in a month it did not happen in.
     */
    private void changePart(String agencyId, LocalDate effectiveDate, String caseId, long sequence,
                            UnaryOperator<Document> change) {
        if (agencyId == null || effectiveDate == null) {
            return;
        }
        YearMonth month = YearMonth.from(effectiveDate);
        Document onInsert = new Document("agencyId", agencyId).append("month", month.toString());
        writer.updatePart(FLOWS, flowsId(agencyId, month, caseId), onInsert, caseId, sequence, change);
    }

    /** A set of spells kept sorted, so that the same history always gives the same document. */
    private static Document withSpell(Document part, String key, int spell) {
        Document changed = part == null ? new Document() : part;
        List<Integer> spells = new ArrayList<>(changed.getList(key, Integer.class, List.of()));
        if (!spells.contains(spell)) {
            spells.add(spell);
            spells.sort(null);
        }
        changed.put(key, spells);
        return changed;
    }
}
