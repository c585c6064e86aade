package cn.pes.casework.query.jobfigures;

import cn.pes.casework.query.projection.SharedDocuments;
import cn.pes.casework.events.statistics.FindJobFiguresQuery;
import cn.pes.casework.events.statistics.JobFigures;
import cn.pes.casework.query.common.PersonalDataDocs;
import cn.pes.casework.query.support.JobIntroductionStory;
import cn.pes.casework.query.support.JobProjections;
import cn.pes.casework.query.support.ProjectionTestBase;
import cn.pes.casework.security.protection.PersonalDataProtector;
import com.mongodb.client.model.Filters;
import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.DomainEventMessage;
import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static cn.pes.casework.query.support.JobIntroductionStory.A_ID_NUMBER;
import static cn.pes.casework.query.support.JobIntroductionStory.A_NAME;
import static cn.pes.casework.query.support.JobIntroductionStory.COUNTY;
import static cn.pes.casework.query.support.JobIntroductionStory.F1;
import static cn.pes.casework.query.support.JobIntroductionStory.OTHER_COUNTY_STREET;
import static cn.pes.casework.query.support.JobIntroductionStory.SECOND_STREET;
import static cn.pes.casework.query.support.JobIntroductionStory.STREET;
import static cn.pes.casework.query.support.JobIntroductionStory.day;
import static org.assertj.core.api.Assertions.assertThat;

/** The story's figures, counted by hand from its Javadoc (see {@link JobIntroductionStory}). */
class JobFiguresProjectionTest extends ProjectionTestBase {

    private static final YearMonth OCTOBER = YearMonth.of(2026, 10);
    private static final YearMonth NOVEMBER = YearMonth.of(2026, 11);
    private static final YearMonth DECEMBER = YearMonth.of(2026, 12);
    private static final JobFigures NONE = new JobFigures(0, 0, 0, 0, 0, 0, 0, 0);

    /**
     * Street 990101001 in November: reviewed a-1 (on time) and b-1 (late); referred r-a1 and r-a2 (at
     * F1); hired r-b1 (referred in October); held F2 (1 came); guidance g-a1.
     */
    private static final JobFigures STREET_NOVEMBER = new JobFigures(2, 1, 2, 1, 1, 1, 1, 1);
    /** Street 990101002: reviewed c-1 on time; referred and hired r-c1 at F1; the employer's guidance eg-2. */
    private static final JobFigures SECOND_STREET_NOVEMBER = new JobFigures(1, 1, 1, 1, 0, 0, 1, 1);
    /** County 990101 itself: held F1 (2 came); the employer's guidance eg-1. */
    private static final JobFigures COUNTY_NOVEMBER = new JobFigures(0, 0, 0, 0, 1, 2, 0, 1);

    private final JobIntroductionStory story = new JobIntroductionStory();
    private JobProjections jobs;

    @BeforeEach
    void jobProjections() {
        jobs = new JobProjections(fixture.store(serverSideGuards()), new PersonalDataDocs(new PersonalDataProtector(keys)));
    }

    private JobFigures figures(YearMonth month, String... agencyIds) {
        return jobs.jobFigures.handle(new FindJobFiguresQuery(Arrays.asList(agencyIds), month));
    }

    @Test
    void eachAgencysMonthCountsWhatHappenedThereByTheDayItHappened() {
        jobs.deliver(story.history());

        assertThat(figures(NOVEMBER, STREET)).isEqualTo(STREET_NOVEMBER);
        assertThat(figures(NOVEMBER, SECOND_STREET)).isEqualTo(SECOND_STREET_NOVEMBER);
        assertThat(figures(NOVEMBER, COUNTY)).isEqualTo(COUNTY_NOVEMBER);
        // F3 was planned and had people invited, but never closed: not held.
        assertThat(figures(NOVEMBER, OTHER_COUNTY_STREET)).isEqualTo(NONE);
        // r-b1 referred and F4 held (5 came) in October, though F4 closed in November.
        assertThat(figures(OCTOBER, STREET)).isEqualTo(new JobFigures(0, 0, 1, 0, 1, 5, 0, 0));
        // b-2 published on time, r-a1 hired, guidance g-a2; F2 held in November though closed in December.
        assertThat(figures(DECEMBER, STREET)).isEqualTo(new JobFigures(1, 1, 0, 1, 0, 0, 0, 1));
    }

    @Test
    void agenciesAreSummedAndAnAgencyNamedTwiceCountsOnce() {
        jobs.deliver(story.history());

        JobFigures county = new JobFigures(3, 2, 3, 2, 2, 3, 2, 3);
        assertThat(figures(NOVEMBER, COUNTY, STREET, SECOND_STREET)).isEqualTo(county);
        assertThat(figures(NOVEMBER, COUNTY, STREET, SECOND_STREET, STREET, COUNTY)).isEqualTo(county);
        assertThat(figures(NOVEMBER, STREET, "990199999")).isEqualTo(STREET_NOVEMBER);
        assertThat(figures(NOVEMBER)).isEqualTo(NONE);
        assertThat(figures(null, STREET)).isEqualTo(NONE);
        assertThat(figures(YearMonth.of(2026, 9), COUNTY, STREET, SECOND_STREET)).isEqualTo(NONE);
    }

    @Test
    void redeliveryAndReplayChangeNoCount() {
        List<DomainEventMessage<?>> stream = story.history();
        jobs.deliverBatch(stream);
        Map<String, List<Document>> before = figuresModel();
        assertThat(figures(NOVEMBER, STREET)).isEqualTo(STREET_NOVEMBER);

        jobs.deliverBatch(stream);
        jobs.deliver(stream);
        List<DomainEventMessage<?>> twice = new ArrayList<>(stream);
        twice.addAll(stream);
        jobs.deliverBatch(twice);
        // Older events of the fair and of a case after newer ones.
        jobs.deliver(stream.stream().filter(m -> m.getAggregateIdentifier().equals(F1)).toList());
        jobs.deliver(stream.stream().filter(m -> m.getAggregateIdentifier().equals(story.a.caseId())).toList().subList(1, 4));

        assertThat(figuresModel()).isEqualTo(before);
        assertThat(figures(NOVEMBER, STREET)).isEqualTo(STREET_NOVEMBER);
        assertThat(figures(NOVEMBER, SECOND_STREET)).isEqualTo(SECOND_STREET_NOVEMBER);
        assertThat(figures(NOVEMBER, COUNTY)).isEqualTo(COUNTY_NOVEMBER);
    }

    @Test
    void documentsAreKeyedByAgencyAndMonthAndHoldNoPersonalData() {
        jobs.deliver(story.history());

        Document street = SharedDocuments.find(fixture.database().getCollection(JobFiguresProjection.FIGURES), JobFiguresProjection.figuresId(STREET, NOVEMBER, story.a.caseId()));
        assertThat(street.getString("_id")).matches(STREET + "\\|2026-11\\|\\d\\d");
        assertThat(street.getString("agencyId")).isEqualTo(STREET);
        assertThat(street.getString("month")).isEqualTo("2026-11");
        assertThat(street.get("cases", Document.class).get(story.a.caseId(), Document.class)).isEqualTo(
                new Document("reviewed", List.of("a-1")).append("onTime", List.of("a-1"))
                        .append("guidance", List.of("g-a1")).append("referrals", List.of("r-a1", "r-a2"))
                        .append("fairReferrals", List.of("r-a2")));
        assertThat(figuresModel().toString()).doesNotContain(A_ID_NUMBER, A_NAME, "sealed", "person");
    }

    @Test
    void erasureChangesNoFigure() {
        jobs.deliver(story.history());
        Map<String, List<Document>> stored = figuresModel();

        keys.destroy(story.a.caseId(), "admin-1");
        jobs.deliver(story.a.next(story.a.erased(day(11, 27))));

        assertThat(figuresModel()).isEqualTo(stored);
        assertThat(figures(NOVEMBER, STREET)).isEqualTo(STREET_NOVEMBER);
    }

    @Test
    void aResetEmptiesTheModelSoThatTheReplayIsNotSkipped() throws Exception {
        List<DomainEventMessage<?>> stream = story.history();
        jobs.deliverBatch(stream);

        new AnnotationEventHandlerAdapter(new JobFiguresProjection(jobs.writer())).prepareReset();
        assertThat(figuresModel()).isEmpty();
        assertThat(figures(NOVEMBER, STREET)).isEqualTo(NONE);

        jobs.deliverBatch(stream);
        assertThat(figures(NOVEMBER, STREET)).isEqualTo(STREET_NOVEMBER);
    }

    private Map<String, List<Document>> figuresModel() {
        Map<String, List<Document>> model = new TreeMap<>(fixture.dump());
        model.keySet().retainAll(List.of(JobFiguresProjection.FIGURES, JobFiguresProjection.CASES,
                                         JobFiguresProjection.FAIRS));
        return model;
    }
}
