package cn.pes.casework.query.entrepreneurship;

import cn.pes.casework.events.entrepreneurship.EntrepreneurshipTrainingCompleted;
import cn.pes.casework.events.entrepreneurship.EntrepreneurshipTrainingDroppedOut;
import cn.pes.casework.events.entrepreneurship.EntrepreneurshipTrainingEnrolled;
import cn.pes.casework.events.erasure.PersonalDataErased;
import cn.pes.casework.events.registration.CaseOpened;
import cn.pes.casework.events.registration.PersonalDetailsUpdated;
import cn.pes.casework.events.shared.PersonalData;
import cn.pes.casework.query.common.Docs;
import cn.pes.casework.query.common.PersonalDataDocs;
import cn.pes.casework.query.projection.ProjectionWriter;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.bson.Document;
import org.springframework.stereotype.Component;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;

import static cn.pes.casework.query.entrepreneurship.EntrepreneurshipDocs.TRAININGS;

/**
 * Training rolls (创业培训花名册, ENT-1) by institution and the month the course starts:
 * <ul>
 * <li>{@value #CASES}: {@code {_id: caseId, person, trainings: [training], lastSequence}} — the person
 * (sealed with the case's key) and the case's trainings in the form of {@link EntrepreneurshipDocs}.</li>
 * <li>{@value #ROLLS}: {@code {_id: "institutionId|yyyy-MM|NN", rollKey: "institutionId|yyyy-MM", cases:
 * {<caseKey>: part}, seq}}, part = {@code {caseId, person, trainings: [training]}} — the case's trainings
 * with that institution starting in that month, with the enrolling agency in each, so that a roll lists
 * only the trainees of the agencies the reader covers.</li>
 * </ul>
 */
@Component
@ProcessingGroup(TrainingRollsProjection.PROCESSING_GROUP)
public class TrainingRollsProjection {

    public static final String PROCESSING_GROUP = "training-rolls";
    public static final String CASES = "training_roll_cases";
    public static final String ROLLS = "training_rolls";

    private final ProjectionWriter writer;
    private final PersonalDataDocs personalData;
    private final CaseParts parts;

    public TrainingRollsProjection(ProjectionWriter writer, PersonalDataDocs personalData) {
        this.writer = writer;
        this.personalData = personalData;
        this.parts = new CaseParts(writer, CASES, ROLLS, TRAININGS,
                                   training -> rollKey(training.getString("institutionId"), Docs.date(training, "startsOn")),
                                   key -> new Document("rollKey", key));
    }

    /** institutionId|yyyy-MM, or null without an institution or a start (a broken stream). */
    static String rollKey(String institutionId, LocalDate startsOn) {
        return institutionId == null || startsOn == null ? null : institutionId + "|" + YearMonth.from(startsOn);
    }

    static List<String> rollIds(String institutionId, YearMonth month) {
        return CaseParts.ids(institutionId + "|" + month);
    }

    @ResetHandler
    void reset() {
        writer.drop(CASES, ROLLS);
    }

    @EventHandler
    void on(CaseOpened event, @SequenceNumber long sequence) {
        person(event.caseId(), event.person(), sequence);
    }

    @EventHandler
    void on(PersonalDetailsUpdated event, @SequenceNumber long sequence) {
        person(event.caseId(), event.person(), sequence);
    }

    /** The entries keep their place; only the person reads as erased. */
    @EventHandler
    void on(PersonalDataErased event, @SequenceNumber long sequence) {
        person(event.caseId(), PersonalData.erased(event.caseId()), sequence);
    }

    private void person(String caseId, PersonalData person, long sequence) {
        Document stored = personalData.write(caseId, person);
        parts.changeCase(caseId, sequence, doc -> doc.put("person", stored));
    }

    @EventHandler
    void on(EntrepreneurshipTrainingEnrolled event, @SequenceNumber long sequence) {
        parts.changeCase(event.caseId(), sequence, doc -> EntrepreneurshipDocs.addTraining(doc, event));
    }

    @EventHandler
    void on(EntrepreneurshipTrainingCompleted event, @SequenceNumber long sequence) {
        parts.changeItem(event.caseId(), event.trainingId(), "trainingId", sequence,
                         t -> EntrepreneurshipDocs.completed(t, event));
    }

    @EventHandler
    void on(EntrepreneurshipTrainingDroppedOut event, @SequenceNumber long sequence) {
        parts.changeItem(event.caseId(), event.trainingId(), "trainingId", sequence,
                         t -> EntrepreneurshipDocs.droppedOut(t, event));
    }
}
