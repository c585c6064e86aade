package cn.pes.casework.query.comparison;

import cn.pes.casework.events.cancellation.CancellationProposalConfirmed;
import cn.pes.casework.events.cancellation.CancellationProposalDismissed;
import cn.pes.casework.events.cancellation.CancellationProposed;
import cn.pes.casework.events.cancellation.Evidence;
import cn.pes.casework.events.cancellation.RegistrationCancelled;
import cn.pes.casework.events.comparison.ExternalRecord;
import cn.pes.casework.events.comparison.ProposalSource;
import cn.pes.casework.events.comparison.ProposalState;
import cn.pes.casework.events.comparison.StatusChangeProposalConfirmed;
import cn.pes.casework.events.comparison.StatusChangeProposalDismissed;
import cn.pes.casework.events.comparison.StatusChangeProposed;
import cn.pes.casework.events.employment.Employed;
import cn.pes.casework.events.employment.EmploymentDetails;
import cn.pes.casework.events.erasure.PersonalDataErased;
import cn.pes.casework.events.registration.CaseOpened;
import cn.pes.casework.events.registration.PersonalDetailsUpdated;
import cn.pes.casework.events.shared.PersonalData;
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

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The queue of status-change proposals (待核实变更): what information comparison, lost contact and job
 * seeking's refused referrals propose, waiting for an officer (CAN-3).
 * <ul>
 * <li>{@value #CASES}: {@code {_id: caseId, person, proposals: [proposal], lastSequence}} — the case's
 * proposals in the order raised, answering the case page by {@code _id}.</li>
 * <li>{@value #QUEUES}: {@code {_id: "agencyId|NN", agencyId, cases: {<caseKey>: part}, seq}}, part =
 * {@code {caseId, person, proposals: [proposal]}} — the case's proposals listed by that agency, copied
 * from the case document as it stands after each change, spread over {@value #BUCKETS} documents per
 * agency by case ID as the other per-agency lists are.</li>
 * </ul>
 * proposal = {@code {proposalId, spell, source, employment: {type, employer, startDate}, ground,
 * evidence: {source, reference, description}, record: {batchId, line, kind, source, referenceDate,
 * recordDate, organisation}, lastContactOn, proposedOn, agencyId, state, decidedOn, reason}}.
 * Kept by the agency named in the proposal, not by county: a county's queue reads its own and its
 * streets' documents. When the spell ends otherwise ({@code Employed}, {@code RegistrationCancelled})
 * the spell's proposals still open lapse with the end's date; a confirmed one is already CONFIRMED,
 * its confirmation coming before the end it leads to. Dates are the events' own.
 */
@Component
@ProcessingGroup(StatusChangeProposalsProjection.PROCESSING_GROUP)
public class StatusChangeProposalsProjection {

    public static final String PROCESSING_GROUP = "status-change-proposals";
    public static final String CASES = "status_change_proposal_cases";
    public static final String QUEUES = "status_change_proposal_queues";
    static final String PROPOSALS = "proposals";

    /** Fixed: changing it needs a rebuild of this read model (reset its token). */
    static final int BUCKETS = 16;

    private final ProjectionWriter writer;
    private final PersonalDataDocs personalData;

    public StatusChangeProposalsProjection(ProjectionWriter writer, PersonalDataDocs personalData) {
        this.writer = writer;
        this.personalData = personalData;
    }

    static List<String> queueIds(String agencyId) {
        return Buckets.all(agencyId, BUCKETS);
    }

    @ResetHandler
    void reset() {
        writer.drop(CASES, QUEUES);
    }

    @EventHandler
    void on(CaseOpened event, @SequenceNumber long sequence) {
        person(event.caseId(), event.person(), sequence);
    }

    @EventHandler
    void on(PersonalDetailsUpdated event, @SequenceNumber long sequence) {
        person(event.caseId(), event.person(), sequence);
    }

    /** The proposals keep their place in the queue; only the person reads as erased. */
    @EventHandler
    void on(PersonalDataErased event, @SequenceNumber long sequence) {
        person(event.caseId(), PersonalData.erased(event.caseId()), sequence);
    }

    private void person(String caseId, PersonalData person, long sequence) {
        Document stored = personalData.write(caseId, person);
        changeCase(caseId, sequence, doc -> doc.put("person", stored));
    }

    @EventHandler
    void on(StatusChangeProposed event, @SequenceNumber long sequence) {
        add(event.caseId(), sequence, proposal(event.proposalId(), event.spell(), event.source(), event.employment(),
                                               event.ground() == null ? null : event.ground().name(), event.evidence(),
                                               event.record(), event.lastContactOn(), event.proposedOn(), event.agencyId()));
    }

    /** Job seeking's proposal after refused referrals (CAN-1): the same queue, without a record. */
    @EventHandler
    void on(CancellationProposed event, @SequenceNumber long sequence) {
        add(event.caseId(), sequence, proposal(event.proposalId(), event.spell(), ProposalSource.REFERRAL_REFUSALS, null,
                                               event.ground() == null ? null : event.ground().name(), event.evidence(),
                                               null, null, event.proposedOn(), event.agencyId()));
    }

    @EventHandler
    void on(StatusChangeProposalConfirmed event, @SequenceNumber long sequence) {
        decide(event.caseId(), event.proposalId(), sequence, ProposalState.CONFIRMED, event.decidedOn(), null);
    }

    @EventHandler
    void on(StatusChangeProposalDismissed event, @SequenceNumber long sequence) {
        decide(event.caseId(), event.proposalId(), sequence, ProposalState.DISMISSED, event.decidedOn(), event.reason());
    }

    @EventHandler
    void on(CancellationProposalConfirmed event, @SequenceNumber long sequence) {
        decide(event.caseId(), event.proposalId(), sequence, ProposalState.CONFIRMED, event.decidedOn(), null);
    }

    @EventHandler
    void on(CancellationProposalDismissed event, @SequenceNumber long sequence) {
        decide(event.caseId(), event.proposalId(), sequence, ProposalState.DISMISSED, event.decidedOn(), event.reason());
    }

    @EventHandler
    void on(Employed event, @SequenceNumber long sequence) {
        lapse(event.caseId(), event.spell(), event.employment() == null ? null : event.employment().startDate(), sequence);
    }

    @EventHandler
    void on(RegistrationCancelled event, @SequenceNumber long sequence) {
        lapse(event.caseId(), event.spell(), event.effectiveDate(), sequence);
    }

    private void add(String caseId, long sequence, Document proposal) {
        changeCase(caseId, sequence, doc -> {
            List<Document> proposals = list(doc);
            if (find(proposals, proposal.getString("proposalId")) == null) {
                proposals.add(proposal);
            }
        });
    }

    /** A decision about a proposal never recorded (a broken stream) changes nothing. */
    private void decide(String caseId, String proposalId, long sequence, ProposalState state, LocalDate decidedOn,
                        String reason) {
        changeCase(caseId, sequence, doc -> {
            Document proposal = find(list(doc), proposalId);
            if (proposal != null) {
                proposal.put("state", state.name());
                proposal.put("decidedOn", Docs.date(decidedOn));
                proposal.put("reason", reason);
            }
        });
    }

    private void lapse(String caseId, int spell, LocalDate endedOn, long sequence) {
        changeCase(caseId, sequence, doc -> {
            for (Document proposal : list(doc)) {
                if (ProposalState.OPEN.name().equals(proposal.getString("state"))
                        && Docs.intValue(proposal, "spell", 0) <= spell) {
                    proposal.put("state", ProposalState.LAPSED.name());
                    proposal.put("decidedOn", Docs.date(endedOn));
                }
            }
        });
    }

    private static Document proposal(String proposalId, int spell, ProposalSource source, EmploymentDetails employment,
                                     String ground, Evidence evidence, ExternalRecord record, LocalDate lastContactOn,
                                     LocalDate proposedOn, String agencyId) {
        return new Document("proposalId", proposalId)
                .append("spell", spell)
                .append("source", Docs.name(source))
                .append("employment", employment == null ? null
                        : new Document("type", Docs.name(employment.type())).append("employer", employment.employer())
                                                                            .append("startDate", Docs.date(employment.startDate())))
                .append("ground", ground)
                .append("evidence", evidence == null ? null
                        : new Document("source", Docs.name(evidence.source())).append("reference", evidence.reference())
                                                                              .append("description", evidence.description()))
                .append("record", record == null ? null
                        : new Document("batchId", record.batchId()).append("line", record.line())
                                                                   .append("kind", Docs.name(record.kind()))
                                                                   .append("source", record.source())
                                                                   .append("referenceDate", Docs.date(record.referenceDate()))
                                                                   .append("recordDate", Docs.date(record.recordDate()))
                                                                   .append("organisation", record.organisation()))
                .append("lastContactOn", Docs.date(lastContactOn))
                .append("proposedOn", Docs.date(proposedOn))
                .append("agencyId", agencyId)
                .append("state", ProposalState.OPEN.name())
                .append("decidedOn", null)
                .append("reason", null);
    }

    // The case document and its parts of the agencies' queues

    /**
     * Changes the case document, then rewrites the case's part in the queue of every agency its
     * proposals name, so that a queue can never drift from the case.
     */
    private void changeCase(String caseId, long sequence, Consumer<Document> change) {
        if (!writer.updateDocument(CASES, caseId, sequence, change)) {
            return;
        }
        Document caseDoc = writer.findDocument(CASES, caseId);
        if (caseDoc == null) {
            return;
        }
        Set<String> agencies = new LinkedHashSet<>();
        caseDoc.getList(PROPOSALS, Document.class, List.of()).stream().map(p -> p.getString("agencyId"))
               .filter(Objects::nonNull).forEach(agencies::add);
        Document person = Docs.subDocument(caseDoc, "person");
        for (String agencyId : agencies) {
            List<Document> proposals = new ArrayList<>();
            for (Document proposal : caseDoc.getList(PROPOSALS, Document.class, List.of())) {
                if (agencyId.equals(proposal.getString("agencyId"))) {
                    proposals.add(copy(proposal));
                }
            }
            Document part = new Document("caseId", caseId).append("person", copy(person)).append(PROPOSALS, proposals);
            writer.updatePart(QUEUES, Buckets.of(agencyId, caseId, BUCKETS), new Document("agencyId", agencyId), caseId,
                              sequence, current -> part);
        }
    }

    private static List<Document> list(Document doc) {
        List<Document> list = doc.getList(PROPOSALS, Document.class);
        if (list == null) {
            list = new ArrayList<>();
            doc.put(PROPOSALS, list);
        }
        return list;
    }

    private static Document find(List<Document> proposals, String proposalId) {
        for (Document proposal : proposals) {
            if (Objects.equals(proposal.getString("proposalId"), proposalId)) {
                return proposal;
            }
        }
        return null;
    }

    /** Parts are kept in the batch beside the case document: they must not share its mutable state. */
    private static Document copy(Document document) {
        return document == null ? null : Document.parse(document.toJson());
    }
}
