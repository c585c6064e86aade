package cn.pes.casework.query.fairs;

import cn.pes.casework.query.projection.SharedDocuments;
import cn.pes.casework.events.fair.FairEmployerView;
import cn.pes.casework.events.fair.FairFormat;
import cn.pes.casework.events.fair.FairParticipant;
import cn.pes.casework.events.fair.FairVacancy;
import cn.pes.casework.events.fair.FindRecruitmentFairQuery;
import cn.pes.casework.events.fair.FindRecruitmentFairsQuery;
import cn.pes.casework.events.fair.RecruitmentFairLine;
import cn.pes.casework.events.fair.RecruitmentFairView;
import cn.pes.casework.events.fair.RecruitmentFairsView;
import cn.pes.casework.events.shared.PersonalData;
import cn.pes.casework.query.common.Docs;
import cn.pes.casework.query.common.PersonalDataDocs;
import cn.pes.casework.query.mongo.ReadModelStore;
import cn.pes.casework.query.projection.FieldKeys;
import cn.pes.casework.query.projection.GuardedUpsert;
import cn.pes.casework.security.agency.Agency;
import cn.pes.casework.security.agency.AgencyDirectory;
import com.mongodb.client.model.Filters;
import org.axonframework.queryhandling.QueryHandler;
import org.bson.Document;
import org.springframework.stereotype.Component;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The fair list of an agency and one fair in full; every read is by {@code _id}. */
@Component
public class RecruitmentFairsQueries {

    private static final Comparator<RecruitmentFairLine> LATEST_HELD_FIRST =
            Comparator.comparing(RecruitmentFairLine::heldOn, Comparator.nullsLast(Comparator.reverseOrder()))
                      .thenComparing(RecruitmentFairLine::fairId);

    private final ReadModelStore store;
    private final PersonalDataDocs personalData;
    private final AgencyDirectory agencies;

    public RecruitmentFairsQueries(ReadModelStore store, PersonalDataDocs personalData, AgencyDirectory agencies) {
        this.store = store;
        this.personalData = personalData;
        this.agencies = agencies;
    }

    /** Fairs organised by the agency and those it covers; an unknown agency has none. */
    @QueryHandler
    public RecruitmentFairsView handle(FindRecruitmentFairsQuery query) {
        List<String> indexIds = agencies.coveredBy(query.agencyId()).stream().map(Agency::id)
                                        .map(agencyId -> RecruitmentFairsProjection.indexId(agencyId, query.month()))
                                        .toList();
        Set<String> fairIds = new LinkedHashSet<>();
        if (!indexIds.isEmpty()) {
            SharedDocuments.find(store.collection(RecruitmentFairsProjection.INDEX), indexIds)
                 .forEach(doc -> {
                     Document parts = Docs.subDocument(doc, GuardedUpsert.CASES);
                     if (parts != null) {
                         parts.values().forEach(entry -> fairIds.add(((Document) entry).getString("fairId")));
                     }
                 });
        }
        List<RecruitmentFairLine> lines = new ArrayList<>();
        if (!fairIds.isEmpty()) {
            SharedDocuments.find(store.collection(RecruitmentFairsProjection.FAIRS), fairIds)
                 .forEach(doc -> {
                     RecruitmentFairLine line = line(doc);
                     if (line != null) {
                         lines.add(line);
                     }
                 });
        }
        lines.sort(LATEST_HELD_FIRST);
        return new RecruitmentFairsView(List.copyOf(lines));
    }

    /** The fair with its employers and people; null when no fair was planned under this ID. */
    @QueryHandler
    public RecruitmentFairView handle(FindRecruitmentFairQuery query) {
        if (query.fairId() == null) {
            return null;
        }
        Document doc = SharedDocuments.find(store.collection(RecruitmentFairsProjection.FAIRS), query.fairId());
        RecruitmentFairLine line = line(doc);
        if (line == null) {
            return null;
        }
        Document fair = fairPart(doc);
        List<FairEmployerView> employers = new ArrayList<>();
        for (Document employer : fair.getList(RecruitmentFairsProjection.EMPLOYERS, Document.class, List.of())) {
            List<FairVacancy> vacancies = new ArrayList<>();
            for (Document vacancy : employer.getList(RecruitmentFairsProjection.VACANCIES, Document.class, List.of())) {
                vacancies.add(new FairVacancy(vacancy.getString("vacancyId"), vacancy.getString("occupation"),
                                              Docs.intValue(vacancy, "headcount", 0)));
            }
            employers.add(new FairEmployerView(employer.getString("employerId"), employer.getString("employerName"),
                                               List.copyOf(vacancies)));
        }
        List<Document> participantDocs = fair.getList(RecruitmentFairsProjection.PARTICIPANTS, Document.class, List.of());
        Map<String, PersonalData> people = people(participantDocs.stream().map(p -> p.getString("caseId")).toList());
        List<FairParticipant> participants = new ArrayList<>();
        for (Document participant : participantDocs) {
            String caseId = participant.getString("caseId");
            participants.add(new FairParticipant(caseId, people.get(caseId), Docs.date(participant, "invitedOn"),
                                                 Docs.date(participant, "attendedOn")));
        }
        participants.sort(Comparator.comparing(RecruitmentFairsQueries::firstSeen, Comparator.nullsLast(Comparator.naturalOrder()))
                                    .thenComparing(FairParticipant::caseId));
        return new RecruitmentFairView(line, List.copyOf(employers), List.copyOf(participants));
    }

    private Map<String, PersonalData> people(List<String> caseIds) {
        Map<String, PersonalData> people = new HashMap<>();
        if (!caseIds.isEmpty()) {
            store.collection(RecruitmentFairsProjection.PEOPLE).find(Filters.in("_id", caseIds))
                 .forEach(doc -> people.put(doc.getString("_id"), personalData.read(doc, "person")));
        }
        return people;
    }

    private static LocalDate firstSeen(FairParticipant participant) {
        return participant.invitedOn() != null ? participant.invitedOn() : participant.attendedOn();
    }

    /**
     * The line of a fair document, or null when the fair itself is not (yet) known: referrals made at
     * a fair may reach this read model before the fair does.
     */
    private static RecruitmentFairLine line(Document doc) {
        Document fair = fairPart(doc);
        if (fair == null || fair.getString("heldOn") == null) {
            return null;
        }
        String fairId = doc.getString("_id");
        int referrals = 0;
        int hires = 0;
        Document parts = Docs.subDocument(doc, GuardedUpsert.CASES);
        for (Map.Entry<String, Object> entry : parts.entrySet()) {
            if (entry.getKey().equals(FieldKeys.encode(fairId))) {
                continue;
            }
            Document part = (Document) entry.getValue();
            referrals += part.getList(RecruitmentFairsProjection.REFERRALS, String.class, List.of()).size();
            hires += part.getList(RecruitmentFairsProjection.HIRES, String.class, List.of()).size();
        }
        boolean closed = Docs.bool(fair, "closed");
        List<Document> employers = fair.getList(RecruitmentFairsProjection.EMPLOYERS, Document.class, List.of());
        List<Document> participants = fair.getList(RecruitmentFairsProjection.PARTICIPANTS, Document.class, List.of());
        int employerCount = employers.size();
        // Positions offered (提供岗位数): headcounts added up, as the fair counts them when it closes.
        int vacancyCount = employers.stream()
                                    .flatMap(e -> e.getList(RecruitmentFairsProjection.VACANCIES, Document.class, List.of()).stream())
                                    .mapToInt(v -> Docs.intValue(v, "headcount", 1))
                                    .sum();
        int invited = (int) participants.stream().filter(p -> p.getString("invitedOn") != null).count();
        int attended = (int) participants.stream().filter(p -> p.getString("attendedOn") != null).count();
        Document counts = Docs.subDocument(fair, RecruitmentFairsProjection.CLOSED_COUNTS);
        if (closed && counts != null) {
            employerCount = Docs.intValue(counts, "employers", employerCount);
            vacancyCount = Docs.intValue(counts, "vacancies", vacancyCount);
            invited = Docs.intValue(counts, "invited", invited);
            attended = Docs.intValue(counts, "attended", attended);
        }
        return new RecruitmentFairLine(fairId, fair.getString("title"), Docs.enumValue(fair, "format", FairFormat.class),
                                       Docs.date(fair, "heldOn"), fair.getString("place"),
                                       fair.getString("organiserAgencyId"), closed, employerCount, vacancyCount, invited,
                                       attended, referrals, hires);
    }

    private static Document fairPart(Document doc) {
        Document parts = Docs.subDocument(doc, GuardedUpsert.CASES);
        return parts == null ? null : parts.get(FieldKeys.encode(doc.getString("_id")), Document.class);
    }
}
