package cn.pes.casework.query.entrepreneurship;

import cn.pes.casework.query.projection.SharedDocuments;
import cn.pes.casework.events.entrepreneurship.FindTrainingRollQuery;
import cn.pes.casework.events.entrepreneurship.TrainingRollEntry;
import cn.pes.casework.events.entrepreneurship.TrainingRollView;
import cn.pes.casework.events.entrepreneurship.TrainingStatus;
import cn.pes.casework.events.entrepreneurship.TrainingView;
import cn.pes.casework.events.shared.PersonalData;
import cn.pes.casework.query.common.Docs;
import cn.pes.casework.query.common.PersonalDataDocs;
import cn.pes.casework.query.mongo.ReadModelStore;
import cn.pes.casework.query.projection.GuardedUpsert;
import cn.pes.casework.security.agency.AgencyDirectory;
import org.axonframework.queryhandling.QueryHandler;
import org.bson.Document;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import static cn.pes.casework.query.entrepreneurship.EntrepreneurshipDocs.TRAININGS;

/**
 * Lists only trainees enrolled by agencies the asking agency covers, and counts only those listed, so
 * the figures tell nothing about other agencies' people. {@code enrolled} counts every listed entry,
 * whatever happened after. Answers with personal data as stored; the web layer masks it.
 */
@Component
public class TrainingRollQueries {

    private static final Comparator<TrainingRollEntry> BY_START_THEN_TRAINEE =
            Comparator.comparing((TrainingRollEntry e) -> e.training().startsOn(), Comparator.nullsLast(Comparator.naturalOrder()))
                      .thenComparing(e -> e.training().caseId())
                      .thenComparing(e -> e.training().trainingId());

    private final ReadModelStore store;
    private final PersonalDataDocs personalData;
    private final AgencyDirectory agencies;

    public TrainingRollQueries(ReadModelStore store, PersonalDataDocs personalData, AgencyDirectory agencies) {
        this.store = store;
        this.personalData = personalData;
        this.agencies = agencies;
    }

    @QueryHandler
    public TrainingRollView handle(FindTrainingRollQuery query) {
        List<TrainingRollEntry> entries = new ArrayList<>();
        if (query.institutionId() != null && query.month() != null && query.agencyId() != null) {
            SharedDocuments.find(store.collection(TrainingRollsProjection.ROLLS),
                                 TrainingRollsProjection.rollIds(query.institutionId(), query.month()))
                 .forEach(doc -> {
                     Document cases = Docs.subDocument(doc, GuardedUpsert.CASES);
                     if (cases != null) {
                         cases.values().forEach(part -> addPart((Document) part, query.agencyId(), entries));
                     }
                 });
        }
        entries.sort(BY_START_THEN_TRAINEE);
        int completed = (int) entries.stream().filter(e -> e.training().status() == TrainingStatus.COMPLETED).count();
        int droppedOut = (int) entries.stream().filter(e -> e.training().status() == TrainingStatus.DROPPED_OUT).count();
        return new TrainingRollView(query.institutionId(), query.month(), entries.size(), completed, droppedOut, entries);
    }

    private void addPart(Document part, String askingAgencyId, List<TrainingRollEntry> entries) {
        String caseId = part.getString("caseId");
        PersonalData person = null;
        boolean opened = false;
        for (Document training : part.getList(TRAININGS, Document.class, List.of())) {
            if (!agencies.covers(askingAgencyId, training.getString("agencyId"))) {
                continue;
            }
            if (!opened) {
                // Opened only for parts that are listed: every opening is a decryption.
                person = personalData.read(part, "person");
                opened = true;
            }
            TrainingView view = EntrepreneurshipDocs.trainingView(caseId, training);
            entries.add(new TrainingRollEntry(person, view));
        }
    }
}
