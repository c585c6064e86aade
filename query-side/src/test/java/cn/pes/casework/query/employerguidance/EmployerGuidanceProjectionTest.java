package cn.pes.casework.query.employerguidance;

import cn.pes.casework.events.employer.EmployerGuidanceSession;
import cn.pes.casework.events.employer.EmployerGuidanceView;
import cn.pes.casework.events.employer.FindEmployerGuidanceQuery;
import cn.pes.casework.events.employer.RecruitmentGuidanceGiven;
import cn.pes.casework.events.employer.RecruitmentGuidanceTopic;
import cn.pes.casework.query.common.PersonalDataDocs;
import cn.pes.casework.query.support.JobIntroductionStory;
import cn.pes.casework.query.support.JobProjections;
import cn.pes.casework.query.support.ProjectionTestBase;
import cn.pes.casework.security.protection.PersonalDataProtector;
import org.axonframework.eventhandling.DomainEventMessage;
import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static cn.pes.casework.query.support.JobIntroductionStory.COUNTY;
import static cn.pes.casework.query.support.JobIntroductionStory.EMPLOYER;
import static cn.pes.casework.query.support.JobIntroductionStory.SECOND_STREET;
import static cn.pes.casework.query.support.JobIntroductionStory.day;
import static org.assertj.core.api.Assertions.assertThat;

class EmployerGuidanceProjectionTest extends ProjectionTestBase {

    private final JobIntroductionStory story = new JobIntroductionStory();
    private JobProjections jobs;

    @BeforeEach
    void jobProjections() {
        jobs = new JobProjections(fixture.store(serverSideGuards()), new PersonalDataDocs(new PersonalDataProtector(keys)));
    }

    private EmployerGuidanceView guidance(String employerId) {
        return jobs.employerGuidance.handle(new FindEmployerGuidanceQuery(employerId));
    }

    @Test
    void theEmployersSessionsAreListedLatestHeldFirst() {
        jobs.deliver(story.history());

        assertThat(guidance(EMPLOYER)).isEqualTo(new EmployerGuidanceView(EMPLOYER, List.of(
                new EmployerGuidanceSession("eg-2", RecruitmentGuidanceTopic.RECRUITMENT_METHOD, "招聘渠道", null,
                                            day(11, 18), SECOND_STREET),
                new EmployerGuidanceSession("eg-1", RecruitmentGuidanceTopic.HIRING_CRITERIA, "用人标准", "下月回访",
                                            day(11, 12), COUNTY))));
    }

    @Test
    void anEmployerWithoutSessionsHasAnEmptyListAnUnknownOneNone() {
        jobs.deliver(story.history().get(3));

        assertThat(guidance(EMPLOYER)).isEqualTo(new EmployerGuidanceView(EMPLOYER, List.of()));
        assertThat(guidance("employer-9")).isNull();
        assertThat(guidance(null)).isNull();
    }

    @Test
    void redeliveryRecordsEachSessionOnce() {
        List<DomainEventMessage<?>> stream = story.history();
        jobs.deliverBatch(stream);
        List<Document> before = fixture.database().getCollection(EmployerGuidanceProjection.EMPLOYERS).find()
                                       .into(new ArrayList<>());

        jobs.deliver(stream);
        List<DomainEventMessage<?>> twice = new ArrayList<>(stream);
        twice.addAll(stream);
        jobs.deliverBatch(twice);
        // The same session under a newer sequence (a command retried) still shows once.
        jobs.deliver(story.employer.at(9, new RecruitmentGuidanceGiven(EMPLOYER, "eg-1",
                RecruitmentGuidanceTopic.HIRING_CRITERIA, "用人标准", "下月回访", day(11, 12), COUNTY)));

        assertThat(guidance(EMPLOYER).sessions()).extracting(EmployerGuidanceSession::sessionId)
                                                  .containsExactly("eg-2", "eg-1");
        assertThat(fixture.database().getCollection(EmployerGuidanceProjection.EMPLOYERS).find().into(new ArrayList<>())
                          .get(0).get("sessions")).isEqualTo(before.get(0).get("sessions"));
    }

    @Test
    void theContactPersonIsNotCopiedHere() {
        jobs.deliver(story.history());

        assertThat(fixture.database().getCollection(EmployerGuidanceProjection.EMPLOYERS).find().into(new ArrayList<>())
                          .toString()).doesNotContain("赵六", "13900000000", "contact");
    }
}
