package cn.pes.casework.query.vacancies;

import cn.pes.casework.events.employer.EmployerRegistered;
import cn.pes.casework.events.employer.VacancyClosed;
import cn.pes.casework.events.employer.VacancyPosted;
import cn.pes.casework.events.employer.VacancyPublished;
import cn.pes.casework.events.employer.VacancyRejected;
import cn.pes.casework.events.employer.VacancyStatus;
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

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Employers and their vacancies (JOB-3) as caseworkers and job seekers look them up:
 * <ul>
 * <li>{@value #EMPLOYERS}: {@code {_id: employerId, creditCode, name, registeredAddress, areaAgencyId,
 * contact (sealed with the employer's key), registeredOn, vacancies: [vacancy], lastSequence}} — the
 * employer page, by {@code _id}.</li>
 * <li>{@value #AREAS}: {@code {_id: "areaAgencyId|NN", areaAgencyId, cases: {<employerKey>: part}, seq}},
 * part = {@code {employerId, employerName, vacancies: [vacancy]}} — only the employer's <em>open</em>
 * (published, not closed) vacancies located in that area; the part goes away when none is left. The
 * search reads the buckets of the areas asked for by {@code _id}, since the embedded store ignores
 * non-unique indexes.</li>
 * </ul>
 * vacancy = {@code {vacancyId, occupation, headcount, wageMin, wageMax, areaAgencyId, form, requirements,
 * status, postedOn, reviewedOn, rejectionReason, closeReason, closedOn}}. The employer's aggregate ID
 * plays the part a case ID plays elsewhere: sequences and parts are per employer.
 */
@Component
@ProcessingGroup(VacanciesProjection.PROCESSING_GROUP)
public class VacanciesProjection {

    public static final String PROCESSING_GROUP = "vacancies";
    public static final String EMPLOYERS = "vacancy_employers";
    public static final String AREAS = "vacancy_areas";
    /** Fixed: changing it needs a rebuild of the read model (reset the group's tokens). */
    public static final int BUCKETS = 16;

    static final String VACANCIES = "vacancies";

    private final ProjectionWriter writer;
    private final PersonalDataDocs personalData;

    public VacanciesProjection(ProjectionWriter writer, PersonalDataDocs personalData) {
        this.writer = writer;
        this.personalData = personalData;
    }

    static String areaDocumentId(String areaAgencyId, String employerId) {
        return Buckets.of(areaAgencyId, employerId, BUCKETS);
    }

    static List<String> areaDocumentIds(String areaAgencyId) {
        return Buckets.all(areaAgencyId, BUCKETS);
    }

    @ResetHandler
    void reset() {
        writer.drop(EMPLOYERS, AREAS);
    }

    @EventHandler
    void on(EmployerRegistered event, @SequenceNumber long sequence) {
        Document contact = personalData.write(event.employerId(), event.contact());
        writer.updateDocument(EMPLOYERS, event.employerId(), sequence, doc -> {
            doc.put("creditCode", event.creditCode());
            doc.put("name", event.name());
            doc.put("registeredAddress", event.registeredAddress());
            doc.put("areaAgencyId", event.areaAgencyId());
            doc.put("contact", contact);
            doc.put("registeredOn", Docs.date(event.registeredOn()));
        });
    }

    /** Pending review: on the employer page only, not in any search. */
    @EventHandler
    void on(VacancyPosted event, @SequenceNumber long sequence) {
        writer.updateDocument(EMPLOYERS, event.employerId(), sequence, doc -> {
            List<Document> vacancies = vacanciesForUpdate(doc);
            if (find(vacancies, event.vacancyId()) != null) {
                return;
            }
            vacancies.add(new Document("vacancyId", event.vacancyId())
                    .append("occupation", event.occupation())
                    .append("headcount", event.headcount())
                    .append("wageMin", event.wage() == null ? null : event.wage().minYuan())
                    .append("wageMax", event.wage() == null ? null : event.wage().maxYuan())
                    .append("areaAgencyId", event.areaAgencyId())
                    .append("form", Docs.name(event.form()))
                    .append("requirements", event.requirements())
                    .append("status", VacancyStatus.PENDING_REVIEW.name())
                    .append("postedOn", Docs.date(event.postedOn())));
        });
    }

    @EventHandler
    void on(VacancyPublished event, @SequenceNumber long sequence) {
        change(event.employerId(), event.vacancyId(), sequence, vacancy -> {
            vacancy.put("status", VacancyStatus.PUBLISHED.name());
            vacancy.put("reviewedOn", Docs.date(event.publishedOn()));
        });
    }

    @EventHandler
    void on(VacancyRejected event, @SequenceNumber long sequence) {
        change(event.employerId(), event.vacancyId(), sequence, vacancy -> {
            vacancy.put("status", VacancyStatus.REJECTED.name());
            vacancy.put("reviewedOn", Docs.date(event.rejectedOn()));
            vacancy.put("rejectionReason", event.reason());
        });
    }

    @EventHandler
    void on(VacancyClosed event, @SequenceNumber long sequence) {
        change(event.employerId(), event.vacancyId(), sequence, vacancy -> {
            vacancy.put("status", VacancyStatus.CLOSED.name());
            vacancy.put("closeReason", Docs.name(event.reason()));
            vacancy.put("closedOn", Docs.date(event.closedOn()));
        });
    }

    /**
     * Changes one vacancy of the employer and rewrites the employer's part in the vacancy's area. An
     * event about a vacancy never posted (a broken stream) changes nothing.
     */
    private void change(String employerId, String vacancyId, long sequence, Consumer<Document> change) {
        String[] areaAgencyId = new String[1];
        boolean applied = writer.updateDocument(EMPLOYERS, employerId, sequence, doc -> {
            Document vacancy = find(vacanciesForUpdate(doc), vacancyId);
            if (vacancy != null) {
                change.accept(vacancy);
                areaAgencyId[0] = vacancy.getString("areaAgencyId");
            }
        });
        if (applied && areaAgencyId[0] != null) {
            writePart(employerId, sequence, areaAgencyId[0]);
        }
    }

    /** The employer's open vacancies in the area, copied from the employer document as it now stands. */
    private void writePart(String employerId, long sequence, String areaAgencyId) {
        Document employer = writer.findDocument(EMPLOYERS, employerId);
        if (employer == null) {
            return;
        }
        List<Document> open = new ArrayList<>();
        for (Document vacancy : employer.getList(VACANCIES, Document.class, List.of())) {
            if (areaAgencyId.equals(vacancy.getString("areaAgencyId"))
                    && VacancyStatus.PUBLISHED.name().equals(vacancy.getString("status"))) {
                open.add(copy(vacancy));
            }
        }
        Document part = open.isEmpty() ? null : new Document("employerId", employerId)
                .append("employerName", employer.getString("name"))
                .append(VACANCIES, open);
        writer.updatePart(AREAS, areaDocumentId(areaAgencyId, employerId), new Document("areaAgencyId", areaAgencyId),
                employerId, sequence, current -> part);
    }

    private static List<Document> vacanciesForUpdate(Document doc) {
        List<Document> vacancies = doc.getList(VACANCIES, Document.class);
        if (vacancies == null) {
            vacancies = new ArrayList<>();
            doc.put(VACANCIES, vacancies);
        }
        return vacancies;
    }

    private static Document find(List<Document> vacancies, String vacancyId) {
        for (Document vacancy : vacancies) {
            if (vacancy.getString("vacancyId").equals(vacancyId)) {
                return vacancy;
            }
        }
        return null;
    }

    /** Parts are kept in the batch beside the employer document: they must not share its mutable state. */
    private static Document copy(Document document) {
        return Document.parse(document.toJson());
    }
}
