package cn.pes.casework.query.comparison;

import cn.pes.casework.query.projection.SharedDocuments;
import cn.pes.casework.events.cancellation.CancellationGround;
import cn.pes.casework.events.cancellation.Evidence;
import cn.pes.casework.events.comparison.ExternalRecord;
import cn.pes.casework.events.comparison.ExternalRecordKind;
import cn.pes.casework.events.comparison.FindCaseStatusChangeProposalsQuery;
import cn.pes.casework.events.comparison.FindStatusChangeProposalsQuery;
import cn.pes.casework.events.comparison.ProposalSource;
import cn.pes.casework.events.comparison.ProposalState;
import cn.pes.casework.events.comparison.StatusChangeProposalLine;
import cn.pes.casework.events.comparison.StatusChangeProposalsView;
import cn.pes.casework.events.employment.EmploymentDetails;
import cn.pes.casework.events.employment.EmploymentType;
import cn.pes.casework.events.shared.PersonalData;
import cn.pes.casework.query.common.Docs;
import cn.pes.casework.query.common.PersonalDataDocs;
import cn.pes.casework.query.mongo.ReadModelStore;
import cn.pes.casework.query.projection.GuardedUpsert;
import cn.pes.casework.security.agency.Agency;
import cn.pes.casework.security.agency.AgencyDirectory;
import com.mongodb.client.model.Filters;
import org.axonframework.queryhandling.QueryHandler;
import org.bson.Document;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import static cn.pes.casework.query.comparison.StatusChangeProposalsProjection.PROPOSALS;

/**
 * An agency's queue of proposals and a case's proposals. A county's queue holds its own and its
 * streets', the city's every agency's ({@link AgencyDirectory#coveredBy}). Answers with personal data
 * as stored; the web layer masks it.
 */
@Component
public class StatusChangeProposalQueries {

    static final Comparator<StatusChangeProposalLine> OLDEST_FIRST =
            Comparator.comparing(StatusChangeProposalLine::proposedOn, Comparator.nullsLast(Comparator.naturalOrder()))
                      .thenComparing(StatusChangeProposalLine::proposalId, Comparator.nullsLast(Comparator.naturalOrder()));

    private final ReadModelStore store;
    private final PersonalDataDocs personalData;
    private final AgencyDirectory agencies;

    public StatusChangeProposalQueries(ReadModelStore store, PersonalDataDocs personalData, AgencyDirectory agencies) {
        this.store = store;
        this.personalData = personalData;
        this.agencies = agencies;
    }

    @QueryHandler
    public StatusChangeProposalsView handle(FindStatusChangeProposalsQuery query) {
        ProposalState state = query.state() == null ? ProposalState.OPEN : query.state();
        List<String> ids = new ArrayList<>();
        if (query.agencyId() != null) {
            agencies.coveredBy(query.agencyId()).stream().map(Agency::id)
                    .forEach(agencyId -> ids.addAll(StatusChangeProposalsProjection.queueIds(agencyId)));
        }
        List<StatusChangeProposalLine> lines = new ArrayList<>();
        if (!ids.isEmpty()) {
            SharedDocuments.find(store.collection(StatusChangeProposalsProjection.QUEUES), ids)
                 .forEach(doc -> {
                     Document cases = Docs.subDocument(doc, GuardedUpsert.CASES);
                     if (cases != null) {
                         cases.values().forEach(part -> addLines((Document) part, state, lines));
                     }
                 });
        }
        lines.sort(OLDEST_FIRST);
        return new StatusChangeProposalsView(query.agencyId(), state, lines);
    }

    /**
     * Every proposal of the case, whatever its state; the view's agency is the one responsible for
     * the latest proposal (null without any), for the web layer's scope check.
     */
    @QueryHandler
    public StatusChangeProposalsView handle(FindCaseStatusChangeProposalsQuery query) {
        List<StatusChangeProposalLine> lines = new ArrayList<>();
        if (query.caseId() != null) {
            Document doc = store.collection(StatusChangeProposalsProjection.CASES)
                                .find(Filters.eq("_id", query.caseId())).first();
            if (doc != null) {
                Document part = new Document("caseId", query.caseId()).append("person", doc.get("person"))
                                                                      .append(PROPOSALS, doc.get(PROPOSALS));
                addLines(part, null, lines);
            }
        }
        lines.sort(OLDEST_FIRST);
        String agencyId = lines.isEmpty() ? null : lines.get(lines.size() - 1).agencyId();
        return new StatusChangeProposalsView(agencyId, null, lines);
    }

    /** @param state only proposals in this state; null for all */
    private void addLines(Document part, ProposalState state, List<StatusChangeProposalLine> lines) {
        PersonalData person = null;
        boolean opened = false;
        for (Document proposal : part.getList(PROPOSALS, Document.class, List.of())) {
            if (state != null && !state.name().equals(proposal.getString("state"))) {
                continue;
            }
            if (!opened) {
                // Opened only for parts that are listed: every opening is a decryption.
                person = personalData.read(part, "person");
                opened = true;
            }
            lines.add(line(part.getString("caseId"), person, proposal));
        }
    }

    private static StatusChangeProposalLine line(String caseId, PersonalData person, Document proposal) {
        Document employment = Docs.subDocument(proposal, "employment");
        Document evidence = Docs.subDocument(proposal, "evidence");
        Document record = Docs.subDocument(proposal, "record");
        return new StatusChangeProposalLine(
                caseId, person, proposal.getString("proposalId"),
                Docs.enumValue(proposal, "source", ProposalSource.class),
                employment == null ? null : new EmploymentDetails(Docs.enumValue(employment, "type", EmploymentType.class),
                                                                  employment.getString("employer"),
                                                                  Docs.date(employment, "startDate")),
                Docs.enumValue(proposal, "ground", CancellationGround.class),
                evidence == null ? null : new Evidence(Docs.enumValue(evidence, "source", Evidence.EvidenceSource.class),
                                                       evidence.getString("reference"), evidence.getString("description")),
                record == null ? null : new ExternalRecord(record.getString("batchId"), Docs.intValue(record, "line", 0),
                                                           Docs.enumValue(record, "kind", ExternalRecordKind.class),
                                                           record.getString("source"), Docs.date(record, "referenceDate"),
                                                           Docs.date(record, "recordDate"), record.getString("organisation")),
                Docs.date(proposal, "lastContactOn"), Docs.date(proposal, "proposedOn"), proposal.getString("agencyId"),
                Docs.enumValue(proposal, "state", ProposalState.class), Docs.date(proposal, "decidedOn"),
                proposal.getString("reason"));
    }
}
