package cn.pes.casework.query.fairs;

import cn.pes.casework.events.fair.FairEmployerView;
import cn.pes.casework.events.fair.FairFormat;
import cn.pes.casework.events.fair.FairParticipant;
import cn.pes.casework.events.fair.FairVacancy;
import cn.pes.casework.events.fair.FindRecruitmentFairQuery;
import cn.pes.casework.events.fair.FindRecruitmentFairsQuery;
import cn.pes.casework.events.fair.RecruitmentFairLine;
import cn.pes.casework.events.fair.RecruitmentFairView;
import cn.pes.casework.events.jobseeking.JobReferred;
import cn.pes.casework.events.shared.PersonalData;
import cn.pes.casework.query.common.PersonalDataDocs;
import cn.pes.casework.query.support.JobIntroductionStory;
import cn.pes.casework.query.support.JobProjections;
import cn.pes.casework.query.support.ProjectionTestBase;
import cn.pes.casework.security.protection.PersonalDataProtector;
import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.DomainEventMessage;
import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static cn.pes.casework.query.support.JobIntroductionStory.A_ID_NUMBER;
import static cn.pes.casework.query.support.JobIntroductionStory.A_NAME;
import static cn.pes.casework.query.support.JobIntroductionStory.COUNTY;
import static cn.pes.casework.query.support.JobIntroductionStory.EMPLOYER;
import static cn.pes.casework.query.support.JobIntroductionStory.F1;
import static cn.pes.casework.query.support.JobIntroductionStory.F2;
import static cn.pes.casework.query.support.JobIntroductionStory.F3;
import static cn.pes.casework.query.support.JobIntroductionStory.F4;
import static cn.pes.casework.query.support.JobIntroductionStory.SECOND_STREET;
import static cn.pes.casework.query.support.JobIntroductionStory.STREET;
import static cn.pes.casework.query.support.JobIntroductionStory.day;
import static org.assertj.core.api.Assertions.assertThat;

class RecruitmentFairsProjectionTest extends ProjectionTestBase {

    private static final YearMonth NOVEMBER = YearMonth.of(2026, 11);

    private final JobIntroductionStory story = new JobIntroductionStory();
    private JobProjections jobs;

    @BeforeEach
    void jobProjections() {
        jobs = new JobProjections(fixture.store(serverSideGuards()), new PersonalDataDocs(new PersonalDataProtector(keys)));
    }

    private RecruitmentFairView fair(String fairId) {
        return jobs.fairs.handle(new FindRecruitmentFairQuery(fairId));
    }

    private List<String> fairs(String agencyId, YearMonth month) {
        return jobs.fairs.handle(new FindRecruitmentFairsQuery(agencyId, month)).fairs().stream()
                         .map(RecruitmentFairLine::fairId).toList();
    }

    private PersonalData personOfA() {
        return new PersonalData(A_ID_NUMBER, A_NAME, "13812345678", story.a.caseId());
    }

    @Test
    void aFairShowsItsEmployersItsPeopleAndTheReferralsMadeAndHiredAtIt() {
        jobs.deliver(story.history());

        RecruitmentFairView f1 = fair(F1);
        assertThat(f1.fair()).isEqualTo(new RecruitmentFairLine(F1, "东湖区秋季招聘会", FairFormat.OFFLINE, day(11, 20),
                "东湖区人才市场", COUNTY, true, 1, 4, 2, 2, 2, 1));
        assertThat(f1.employers()).containsExactly(new FairEmployerView(EMPLOYER, "东湖机械有限公司",
                List.of(new FairVacancy("v-1", "数控车工", 3), new FairVacancy("v-2", "钳工", 1))));
        assertThat(f1.participants()).containsExactly(
                new FairParticipant(story.a.caseId(), personOfA(), day(11, 13), day(11, 20)),
                new FairParticipant(story.c.caseId(), new PersonalData("110105199001013333", "王五", "13812345678",
                                                                        story.c.caseId()), day(11, 14), day(11, 20)));
    }

    @Test
    void anOpenFairCountsWhatItRecordedSoFarAClosedOneWhatItClosedWith() {
        jobs.deliver(story.history());

        assertThat(fair(F3).fair()).isEqualTo(new RecruitmentFairLine(F3, "南山网络招聘会", FairFormat.ONLINE, day(11, 15),
                "https://jobs.example/ns", JobIntroductionStory.OTHER_COUNTY_STREET, false, 1, 3, 1, 0, 0, 0));
        assertThat(fair(F3).participants()).singleElement()
                .satisfies(p -> assertThat(p.attendedOn()).isNull());
        RecruitmentFairView f2 = fair(F2);
        assertThat(f2.fair().closed()).isTrue();
        assertThat(f2.fair().attended()).isEqualTo(1);
        assertThat(f2.participants()).singleElement().satisfies(p -> {
            assertThat(p.invitedOn()).isNull();
            assertThat(p.attendedOn()).isEqualTo(day(11, 30));
            assertThat(p.person().name()).isEqualTo("李四");
        });
    }

    @Test
    void theListHoldsTheFairsOfTheAgencyAndThoseItCoversLatestHeldFirst() {
        jobs.deliver(story.history());

        assertThat(fairs(COUNTY, NOVEMBER)).containsExactly(F2, F1);
        assertThat(fairs(STREET, NOVEMBER)).containsExactly(F2);
        assertThat(fairs(STREET, null)).containsExactly(F2, F4);
        assertThat(fairs(SECOND_STREET, null)).isEmpty();
        assertThat(fairs("9901", null)).containsExactly(F2, F1, F3, F4);
        assertThat(fairs("9901", YearMonth.of(2026, 10))).containsExactly(F4);
        assertThat(fairs("990102", NOVEMBER)).containsExactly(F3);
        assertThat(fairs("no-such-agency", null)).isEmpty();
        assertThat(jobs.fairs.handle(new FindRecruitmentFairsQuery(COUNTY, NOVEMBER)).fairs().get(1))
                .isEqualTo(fair(F1).fair());
    }

    @Test
    void aFairNeverPlannedIsUnknownEvenWhenAReferralNamesIt() {
        jobs.deliver(story.a.next(new JobReferred(story.a.caseId(), 1, "a-1", "r-x", null, "fair-9", STREET, day(11, 3))));

        assertThat(fair("fair-9")).isNull();
        assertThat(fair(null)).isNull();
        assertThat(fairs("9901", null)).isEmpty();
    }

    @Test
    void redeliveryAndReplayChangeNothing() {
        List<DomainEventMessage<?>> stream = story.history();
        jobs.deliverBatch(stream);
        Map<String, List<Document>> before = fairsModel();
        RecruitmentFairView f1 = fair(F1);
        assertThat(f1.fair().referrals()).isEqualTo(2);

        jobs.deliverBatch(stream);
        jobs.deliver(stream);
        List<DomainEventMessage<?>> twice = new ArrayList<>(stream);
        twice.addAll(stream);
        jobs.deliverBatch(twice);
        // Old events after newer ones: an invitation, and the first enrolment with the older name.
        jobs.deliver(stream.stream().filter(m -> m.getAggregateIdentifier().equals(F1)).toList().subList(0, 3));

        assertThat(fairsModel()).isEqualTo(before);
        assertThat(fair(F1)).isEqualTo(f1);
    }

    @Test
    void participantsAreStoredSealedAndTheFairHoldsOnlyTheirCaseIds() {
        jobs.deliver(story.history());

        String stored = fairsModel().toString();
        assertThat(stored).doesNotContain(A_ID_NUMBER, A_NAME, "李四", "13812345678").contains("sealed");
        assertThat(fixture.database().getCollection(RecruitmentFairsProjection.FAIRS).find().into(new ArrayList<>()).toString())
                .doesNotContain("sealed", "person");
    }

    @Test
    void erasureMakesTheParticipantUnreadableWhileTheFairAndItsCountsStay() {
        jobs.deliver(story.history());
        RecruitmentFairView before = fair(F1);

        keys.destroy(story.a.caseId(), "admin-1");
        jobs.deliver(story.a.next(story.a.erased(day(11, 27))));

        RecruitmentFairView after = fair(F1);
        assertThat(after.fair()).isEqualTo(before.fair());
        assertThat(after.participants().get(0).person()).isEqualTo(PersonalData.erased(story.a.caseId()));
        assertThat(after.participants().get(0).attendedOn()).isEqualTo(day(11, 20));
        assertThat(after.participants().get(1)).isEqualTo(before.participants().get(1));
    }

    @Test
    void aRebuildAfterErasureStoresTheErasedForm() {
        jobs.deliver(story.history());
        keys.destroy(story.a.caseId(), "admin-1");
        RecruitmentFairLine line = fair(F1).fair();

        fixture.reset();
        JobIntroductionStory replay = new JobIntroductionStory();
        List<DomainEventMessage<?>> stream = new ArrayList<>(replay.history(PersonalData.erased(replay.a.caseId())));
        stream.add(replay.a.next(replay.a.erased(day(11, 27))));
        jobs.deliverBatch(stream);

        assertThat(fairsModel().toString()).contains("erased").doesNotContain(A_ID_NUMBER, A_NAME);
        assertThat(fair(F1).fair()).isEqualTo(line);
        assertThat(fair(F1).participants().get(0).person()).isEqualTo(PersonalData.erased(replay.a.caseId()));
    }

    @Test
    void aResetEmptiesTheModelSoThatTheReplayIsNotSkipped() throws Exception {
        List<DomainEventMessage<?>> stream = story.history();
        jobs.deliverBatch(stream);
        RecruitmentFairView f1 = fair(F1);

        new AnnotationEventHandlerAdapter(new RecruitmentFairsProjection(jobs.writer(), null)).prepareReset();
        assertThat(fairsModel()).isEmpty();
        assertThat(fair(F1)).isNull();

        jobs.deliverBatch(stream);
        assertThat(fair(F1)).isEqualTo(f1);
    }

    private Map<String, List<Document>> fairsModel() {
        Map<String, List<Document>> model = new TreeMap<>(fixture.dump());
        model.keySet().retainAll(List.of(RecruitmentFairsProjection.FAIRS, RecruitmentFairsProjection.INDEX,
                                         RecruitmentFairsProjection.PEOPLE));
        return model;
    }
}
