package cn.pes.casework.query.vacancies;

import cn.pes.casework.query.projection.SharedDocuments;
import cn.pes.casework.events.employer.EmployerRegistered;
import cn.pes.casework.events.employer.EmployerView;
import cn.pes.casework.events.employer.EmploymentForm;
import cn.pes.casework.events.employer.FindEmployerQuery;
import cn.pes.casework.events.employer.FindOpenVacanciesQuery;
import cn.pes.casework.events.employer.OpenVacanciesView;
import cn.pes.casework.events.employer.VacancyCloseReason;
import cn.pes.casework.events.employer.VacancyClosed;
import cn.pes.casework.events.employer.VacancyLine;
import cn.pes.casework.events.employer.VacancyPosted;
import cn.pes.casework.events.employer.VacancyPublished;
import cn.pes.casework.events.employer.VacancyRejected;
import cn.pes.casework.events.employer.VacancyStatus;
import cn.pes.casework.events.employer.VacancyView;
import cn.pes.casework.events.employer.WageRange;
import cn.pes.casework.events.shared.PersonalData;
import cn.pes.casework.query.support.CaseEvents;
import cn.pes.casework.query.support.ProjectionTestBase;
import com.mongodb.client.model.Filters;
import org.axonframework.eventhandling.DomainEventMessage;
import org.bson.Document;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static cn.pes.casework.query.support.CaseEvents.OTHER_STREET_AGENCY;
import static cn.pes.casework.query.support.CaseEvents.STREET_AGENCY;
import static org.assertj.core.api.Assertions.assertThat;

/** JOB-3: employers with their vacancies, and the search over open ones. */
class VacanciesProjectionTest extends ProjectionTestBase {

    private static final String COUNTY = "990101";
    private static final String SECOND_STREET = "990101002";
    private static final String OTHER_COUNTY = "990102";
    private static final LocalDate DAY = LocalDate.of(2026, 11, 2);

    private final CaseEvents employer = CaseEvents.newCase();

    private DomainEventMessage<?> registered(CaseEvents events, String name) {
        return events.next(new EmployerRegistered(events.caseId(), "91350100M000100Y43", name, "解放路88号", STREET_AGENCY,
                new PersonalData(null, "李四", "13912345678", events.caseId()), DAY));
    }

    private static VacancyPosted posted(CaseEvents events, String vacancyId, String occupation, String area, int min,
                                        int max, EmploymentForm form) {
        return new VacancyPosted(events.caseId(), vacancyId, occupation, 2, new WageRange(min, max), area, form, "两年经验",
                DAY);
    }

    private OpenVacanciesView search(String occupation, String area, Integer minWage, EmploymentForm form, int limit) {
        return projections.vacancies.handle(new FindOpenVacanciesQuery(occupation, area, minWage, form, limit));
    }

    private List<String> found(String occupation, String area, Integer minWage, EmploymentForm form) {
        return search(occupation, area, minWage, form, 50).vacancies().stream().map(VacancyLine::vacancyId).toList();
    }

    private EmployerView employerView(CaseEvents events) {
        return projections.vacancies.handle(new FindEmployerQuery(events.caseId()));
    }

    /** Four vacancies: v-1 open in the street, v-2 open in the other county, v-3 pending, v-4 rejected. */
    private List<DomainEventMessage<?>> history(CaseEvents events) {
        List<DomainEventMessage<?>> stream = new ArrayList<>();
        stream.add(registered(events, "东湖机械有限公司"));
        stream.add(events.next(posted(events, "v-1", "数控车工", STREET_AGENCY, 5000, 7500, EmploymentForm.FULL_TIME)));
        stream.add(events.next(posted(events, "v-2", "仓库保管员", OTHER_STREET_AGENCY, 3000, 4000, EmploymentForm.PART_TIME)));
        stream.add(events.next(posted(events, "v-3", "车工学徒", STREET_AGENCY, 2500, 3000, EmploymentForm.FULL_TIME)));
        stream.add(events.next(posted(events, "v-4", "电焊工", SECOND_STREET, 6000, 8000, EmploymentForm.FULL_TIME)));
        stream.add(events.next(new VacancyPublished(events.caseId(), "v-1", DAY.plusDays(1))));
        stream.add(events.next(new VacancyPublished(events.caseId(), "v-2", DAY.plusDays(2))));
        stream.add(events.next(new VacancyRejected(events.caseId(), "v-4", "工资信息不实", DAY.plusDays(1))));
        return stream;
    }

    @Test
    void onlyPublishedVacanciesThatAreNotClosedAreFound() {
        projections.deliver(history(employer).toArray(DomainEventMessage[]::new));
        assertThat(found(null, null, null, null)).containsExactly("v-2", "v-1");

        projections.deliver(employer.next(new VacancyClosed(employer.caseId(), "v-1", VacancyCloseReason.FILLED,
                DAY.plusDays(20))));
        assertThat(found(null, null, null, null)).containsExactly("v-2");
        assertThat(SharedDocuments.find(fixture.database().getCollection(VacanciesProjection.AREAS), VacanciesProjection.areaDocumentId(STREET_AGENCY, employer.caseId())))
                .as("the employer's part in the street is gone with its last open vacancy").isNull();
    }

    @Test
    void aLineCarriesTheVacancyAndItsEmployer() {
        projections.deliver(history(employer).toArray(DomainEventMessage[]::new));
        VacancyLine line = search("数控", null, null, null, 50).vacancies().get(0);
        assertThat(line).isEqualTo(new VacancyLine(employer.caseId(), "东湖机械有限公司", "v-1", "数控车工", 2,
                new WageRange(5000, 7500), STREET_AGENCY, EmploymentForm.FULL_TIME, "两年经验", DAY.plusDays(1)));
    }

    @Test
    void filtersByOccupationTextAreaCoveredMinimumWageAndForm() {
        projections.deliver(history(employer).toArray(DomainEventMessage[]::new));
        assertThat(found("车工", null, null, null)).containsExactly("v-1");
        assertThat(found("保管", null, null, null)).containsExactly("v-2");
        assertThat(found("厨师", null, null, null)).isEmpty();
        assertThat(found(null, COUNTY, null, null)).as("the county covers its street").containsExactly("v-1");
        assertThat(found(null, STREET_AGENCY, null, null)).containsExactly("v-1");
        assertThat(found(null, SECOND_STREET, null, null)).isEmpty();
        assertThat(found(null, OTHER_COUNTY, null, null)).containsExactly("v-2");
        assertThat(found(null, "9901", null, null)).as("the city covers all").containsExactly("v-2", "v-1");
        assertThat(found(null, "no-such-agency", null, null)).isEmpty();
        assertThat(found(null, null, 7500, null)).as("the wage range reaches the minimum asked").containsExactly("v-1");
        assertThat(found(null, null, 7501, null)).isEmpty();
        assertThat(found(null, null, 4000, null)).containsExactly("v-2", "v-1");
        assertThat(found(null, null, null, EmploymentForm.PART_TIME)).containsExactly("v-2");
        assertThat(found(null, null, null, EmploymentForm.FULL_TIME)).containsExactly("v-1");
    }

    @Test
    void theLimitCutsTheListAndSaysThereIsMore() {
        projections.deliver(history(employer).toArray(DomainEventMessage[]::new));
        OpenVacanciesView one = search(null, null, null, null, 1);
        assertThat(one.vacancies()).extracting(VacancyLine::vacancyId).containsExactly("v-2");
        assertThat(one.more()).isTrue();
        assertThat(search(null, null, null, null, 2).more()).isFalse();
    }

    @Test
    void theEmployerPageShowsEveryVacancyWithItsStatusAndTheContactStoredSealed() {
        projections.deliver(history(employer).toArray(DomainEventMessage[]::new));
        projections.deliver(employer.next(new VacancyClosed(employer.caseId(), "v-3", VacancyCloseReason.WITHDRAWN, DAY)));

        EmployerView view = employerView(employer);
        assertThat(view.name()).isEqualTo("东湖机械有限公司");
        assertThat(view.creditCode()).isEqualTo("91350100M000100Y43");
        assertThat(view.areaAgencyId()).isEqualTo(STREET_AGENCY);
        assertThat(view.contact().name()).isEqualTo("李四");
        assertThat(view.contact().phone()).isEqualTo("13912345678");
        assertThat(view.vacancies()).extracting(VacancyView::vacancyId, VacancyView::status)
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple("v-1", VacancyStatus.PUBLISHED),
                        org.assertj.core.groups.Tuple.tuple("v-2", VacancyStatus.PUBLISHED),
                        org.assertj.core.groups.Tuple.tuple("v-3", VacancyStatus.CLOSED),
                        org.assertj.core.groups.Tuple.tuple("v-4", VacancyStatus.REJECTED));
        VacancyView rejected = view.vacancies().stream().filter(v -> v.vacancyId().equals("v-4")).findFirst().orElseThrow();
        assertThat(rejected.rejectionReason()).isEqualTo("工资信息不实");
        assertThat(rejected.reviewedOn()).isEqualTo(DAY.plusDays(1));
        VacancyView withdrawn = view.vacancies().stream().filter(v -> v.vacancyId().equals("v-3")).findFirst().orElseThrow();
        assertThat(withdrawn.closeReason()).isEqualTo(VacancyCloseReason.WITHDRAWN);

        assertThat(model().toString()).as("contact stored sealed").doesNotContain("李四", "13912345678")
                .contains("sealed");
        assertThat(projections.vacancies.handle(new FindEmployerQuery("unknown"))).isNull();
    }

    @Test
    void redeliveryAndReplayChangeNothing() {
        CaseEvents other = CaseEvents.newCase();
        List<DomainEventMessage<?>> stream = new ArrayList<>(history(employer));
        stream.addAll(history(other));
        stream.add(other.next(new VacancyClosed(other.caseId(), "v-2", VacancyCloseReason.WITHDRAWN, DAY.plusDays(5))));
        projections.deliverBatch(stream);
        Map<String, List<Document>> before = withoutSealedData(model());
        List<Object> views = List.of(found(null, null, null, null), employerView(employer), employerView(other));
        assertThat(found(null, null, null, null)).hasSize(3);

        // Redelivered as a batch, one by one, twice within one batch, and old events after newer ones.
        projections.deliverBatch(stream);
        projections.deliver(stream.toArray(DomainEventMessage[]::new));
        List<DomainEventMessage<?>> twice = new ArrayList<>(stream);
        twice.addAll(stream);
        projections.deliverBatch(twice);
        projections.deliver(employer.at(5, new VacancyPublished(employer.caseId(), "v-1", DAY.plusDays(1))),
                other.at(1, posted(other, "v-1", "数控车工", STREET_AGENCY, 5000, 7500, EmploymentForm.FULL_TIME)));

        assertThat(withoutSealedData(model())).isEqualTo(before);
        assertThat(List.of(found(null, null, null, null), employerView(employer), employerView(other))).isEqualTo(views);
    }

    @Test
    void aResetEmptiesTheReadModelForARebuild() {
        List<DomainEventMessage<?>> stream = history(employer);
        projections.deliverBatch(stream);
        Map<String, List<Document>> before = withoutSealedData(model());
        new VacanciesProjection(projections.writer(), null).reset();
        assertThat(model().values()).allMatch(List::isEmpty);

        projections.deliverBatch(stream);
        assertThat(withoutSealedData(model())).isEqualTo(before);
        assertThat(found(null, null, null, null)).containsExactly("v-2", "v-1");
    }

    private Map<String, List<Document>> model() {
        Map<String, List<Document>> model = new TreeMap<>();
        for (String collection : List.of(VacanciesProjection.EMPLOYERS, VacanciesProjection.AREAS)) {
            List<Document> docs = new ArrayList<>();
            fixture.database().getCollection(collection).find().sort(new Document("_id", 1)).into(docs);
            model.put(collection, docs);
        }
        return model;
    }

    /** Sealing uses a fresh nonce each time: compare documents without the ciphertext. */
    private static Map<String, List<Document>> withoutSealedData(Map<String, List<Document>> model) {
        Map<String, List<Document>> stripped = new TreeMap<>();
        model.forEach((collection, docs) -> stripped.put(collection, docs.stream().map(doc -> {
            Document copy = Document.parse(doc.toJson());
            if (copy.get("contact") instanceof Document contact && contact.get("sealed") instanceof Document sealed) {
                sealed.remove("data");
            }
            return copy;
        }).toList()));
        return stripped;
    }
}
