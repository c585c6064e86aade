package cn.pes.casework.query.jobseekers;

import cn.pes.casework.query.projection.SharedDocuments;
import cn.pes.casework.events.employment.Employed;
import cn.pes.casework.events.employment.EmploymentDetails;
import cn.pes.casework.events.employment.EmploymentType;
import cn.pes.casework.events.cancellation.CancellationProposalDismissed;
import cn.pes.casework.events.employer.EmploymentForm;
import cn.pes.casework.events.jobseeking.CareerGuidanceGiven;
import cn.pes.casework.events.jobseeking.FindJobSeekingProfileQuery;
import cn.pes.casework.events.jobseeking.FindPendingJobSeekingReviewsQuery;
import cn.pes.casework.events.jobseeking.GuidanceTopic;
import cn.pes.casework.events.jobseeking.JobIntentionsUpdated;
import cn.pes.casework.events.jobseeking.JobSeekingCloseReason;
import cn.pes.casework.events.jobseeking.JobSeekingClosed;
import cn.pes.casework.events.jobseeking.JobSeekingProfileView;
import cn.pes.casework.events.jobseeking.JobSeekingPublished;
import cn.pes.casework.events.jobseeking.JobSeekingRejected;
import cn.pes.casework.events.jobseeking.JobSeekingStatus;
import cn.pes.casework.events.jobseeking.PendingJobSeekingReview;
import cn.pes.casework.events.jobseeking.ReferralOutcome;
import cn.pes.casework.events.jobseeking.ReferralView;
import cn.pes.casework.events.shared.PersonalData;
import cn.pes.casework.query.common.PersonalDataDocs;
import cn.pes.casework.query.matching.MatchingWeights;
import cn.pes.casework.query.support.CaseEvents;
import cn.pes.casework.query.support.ProjectionTestBase;
import cn.pes.casework.security.protection.PersonalDataProtector;
import com.mongodb.client.model.Filters;
import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.DomainEventMessage;
import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static cn.pes.casework.query.jobseekers.JobSeekingEvents.outcome;
import static cn.pes.casework.query.jobseekers.JobSeekingEvents.proposed;
import static cn.pes.casework.query.jobseekers.JobSeekingEvents.referred;
import static cn.pes.casework.query.jobseekers.JobSeekingEvents.registered;
import static cn.pes.casework.query.jobseekers.JobSeekingEvents.wants;
import static cn.pes.casework.query.support.CaseEvents.OTHER_STREET_AGENCY;
import static cn.pes.casework.query.support.CaseEvents.STREET_AGENCY;
import static org.assertj.core.api.Assertions.assertThat;

/** JOB-2, JOB-4: the job-seeking profile, the review lists and the published job seekers by area. */
class JobSeekersProjectionTest extends ProjectionTestBase {

    private static final String COUNTY = "990101";
    private static final String SECOND_STREET = "990101002";
    private static final String ID_NUMBER = "110105199001011111";
    private static final String NAME = "张三";
    private static final LocalDate RECEIVED = LocalDate.of(2026, 11, 23);
    private static final LocalDate DUE = LocalDate.of(2026, 11, 24);

    private final CaseEvents events = CaseEvents.newCase();
    private JobSeekingHarness jobs;

    @BeforeEach
    void harness() {
        jobs = new JobSeekingHarness(fixture.store(serverSideGuards()), CLOCK,
                new PersonalDataDocs(new PersonalDataProtector(keys)), MatchingWeights.DEFAULTS);
    }

    private JobSeekingProfileView profile(CaseEvents c) {
        return jobs.jobSeekers.handle(new FindJobSeekingProfileQuery(c.caseId()));
    }

    private List<PendingJobSeekingReview> reviews(String agencyId, LocalDate asOf) {
        return jobs.jobSeekers.handle(new FindPendingJobSeekingReviewsQuery(agencyId, asOf)).reviews();
    }

    private List<String> published() {
        return jobs.jobSeekers.publishedCityWide().stream().map(JobSeekersQueries.PublishedJobSeeker::caseId).sorted().toList();
    }

    private DomainEventMessage<?> opened(CaseEvents c, String idNumber, String name) {
        return c.next(c.openedWithKey(CaseEvents.person(idNumber, name)));
    }

    /** Registered, published, three referrals of which two refused without good reason, guidance, a proposal. */
    private List<DomainEventMessage<?>> aJobSeeker(CaseEvents c, PersonalData person) {
        String id = c.caseId();
        List<DomainEventMessage<?>> stream = new ArrayList<>();
        stream.add(c.next(c.opened(person)));
        stream.add(c.next(c.registered(1, LocalDate.of(2026, 11, 2), STREET_AGENCY)));
        stream.add(c.next(registered(id, 1, "js-1", wants(6000, STREET_AGENCY, EmploymentForm.FULL_TIME, "数控车工", "车工"),
                STREET_AGENCY, RECEIVED, DUE)));
        stream.add(c.next(new JobSeekingPublished(id, "js-1", LocalDate.of(2026, 11, 24), false)));
        stream.add(c.next(referred(id, "js-1", "r-1", "v-1", STREET_AGENCY, LocalDate.of(2026, 11, 24))));
        stream.add(c.next(referred(id, "js-1", "r-2", "v-2", STREET_AGENCY, LocalDate.of(2026, 11, 25))));
        stream.add(c.next(outcome(id, "r-1", "v-1", ReferralOutcome.INTERVIEWED, 0, STREET_AGENCY, LocalDate.of(2026, 11, 25))));
        stream.add(c.next(outcome(id, "r-1", "v-1", ReferralOutcome.REFUSED_WITHOUT_GOOD_REASON, 1, STREET_AGENCY,
                LocalDate.of(2026, 11, 26))));
        stream.add(c.next(outcome(id, "r-2", "v-2", ReferralOutcome.REFUSED_WITHOUT_GOOD_REASON, 2, STREET_AGENCY,
                LocalDate.of(2026, 11, 26))));
        stream.add(c.next(new CareerGuidanceGiven(id, "g-1", GuidanceTopic.CAREER_DIRECTION, "建议考取高级车工证", "一个月后回访",
                LocalDate.of(2026, 11, 25), STREET_AGENCY)));
        stream.add(c.next(proposed(id, "p-1", List.of("r-1", "r-2"), STREET_AGENCY, LocalDate.of(2026, 11, 26))));
        return stream;
    }

    @Test
    void theProfileFollowsRegistrationReviewReferralsGuidanceAndAProposal() {
        jobs.deliver(aJobSeeker(events, CaseEvents.person(ID_NUMBER, NAME)).toArray(DomainEventMessage[]::new));

        JobSeekingProfileView view = profile(events);
        assertThat(view.jobSeekingId()).isEqualTo("js-1");
        assertThat(view.status()).isEqualTo(JobSeekingStatus.PUBLISHED);
        assertThat(view.agencyId()).isEqualTo(STREET_AGENCY);
        assertThat(view.receivedOn()).isEqualTo(RECEIVED);
        assertThat(view.reviewDueOn()).isEqualTo(DUE);
        assertThat(view.decidedOn()).isEqualTo(LocalDate.of(2026, 11, 24));
        assertThat(view.basics()).isEqualTo(JobSeekingEvents.basics());
        assertThat(view.intentions()).isEqualTo(wants(6000, STREET_AGENCY, EmploymentForm.FULL_TIME, "数控车工", "车工"));
        assertThat(view.referrals()).extracting(ReferralView::referralId, ReferralView::outcome, ReferralView::outcomeOn)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("r-2", ReferralOutcome.REFUSED_WITHOUT_GOOD_REASON,
                                LocalDate.of(2026, 11, 26)),
                        org.assertj.core.groups.Tuple.tuple("r-1", ReferralOutcome.REFUSED_WITHOUT_GOOD_REASON,
                                LocalDate.of(2026, 11, 26)));
        assertThat(view.referrals().get(0).vacancy().occupation()).isEqualTo("数控车工");
        assertThat(view.referrals().get(0).note()).isEqualTo("本人称路程太远");
        assertThat(view.guidance()).singleElement().satisfies(session -> {
            assertThat(session.topic()).isEqualTo(GuidanceTopic.CAREER_DIRECTION);
            assertThat(session.followUp()).isEqualTo("一个月后回访");
        });
        assertThat(view.refusalsWithoutGoodReason()).isEqualTo(2);
        assertThat(view.openProposalId()).isEqualTo("p-1");

        // CAN-1: a dismissed proposal lets the earlier refusals go.
        jobs.deliver(events.next(new CancellationProposalDismissed(events.caseId(), "p-1", "拒绝理由经核实属实",
                LocalDate.of(2026, 11, 27))));
        assertThat(profile(events).openProposalId()).isNull();
        assertThat(profile(events).refusalsWithoutGoodReason()).isZero();
    }

    @Test
    void theEndOfTheSpellSettlesAnOpenProposalAndItsRefusals() {
        jobs.deliver(aJobSeeker(events, CaseEvents.person(ID_NUMBER, NAME)).toArray(DomainEventMessage[]::new));
        assertThat(profile(events).openProposalId()).isEqualTo("p-1");

        jobs.deliver(events.next(new Employed(events.caseId(), 1, new EmploymentDetails(EmploymentType.EMPLOYED_BY_UNIT,
                "东湖机械有限公司", LocalDate.of(2026, 11, 27)), null, null, STREET_AGENCY)));

        assertThat(profile(events).openProposalId()).isNull();
        assertThat(profile(events).refusalsWithoutGoodReason()).isZero();
    }

    @Test
    void aCaseWithoutJobSeekingHasNoProfile() {
        jobs.deliver(opened(events, ID_NUMBER, NAME));
        assertThat(profile(events)).isNull();
        assertThat(profile(CaseEvents.newCase())).isNull();
    }

    @Test
    void pendingReviewsListTheAgencyAndThoseItCoversEarliestDueFirstOverdueOnTheDayAsked() {
        CaseEvents second = CaseEvents.newCase();
        CaseEvents elsewhere = CaseEvents.newCase();
        jobs.deliver(opened(events, ID_NUMBER, NAME),
                events.next(registered(events.caseId(), 1, "js-1", wants(6000, STREET_AGENCY, EmploymentForm.FULL_TIME, "数控车工"),
                        STREET_AGENCY, RECEIVED, DUE)),
                opened(second, "110105199001012222", "李四"),
                second.next(registered(second.caseId(), 1, "js-2", wants(4000, SECOND_STREET, EmploymentForm.PART_TIME, "保洁员"),
                        SECOND_STREET, LocalDate.of(2026, 11, 19), LocalDate.of(2026, 11, 20))),
                opened(elsewhere, "110105199001013333", "王五"),
                elsewhere.next(registered(elsewhere.caseId(), 1, "js-3", wants(5000, OTHER_STREET_AGENCY,
                        EmploymentForm.FULL_TIME, "电工"), OTHER_STREET_AGENCY, RECEIVED, DUE)));

        List<PendingJobSeekingReview> county = reviews(COUNTY, LocalDate.of(2026, 11, 24));
        assertThat(county).extracting(PendingJobSeekingReview::jobSeekingId).containsExactly("js-2", "js-1");
        assertThat(county).extracting(PendingJobSeekingReview::overdue).containsExactly(true, false);
        assertThat(county.get(1).person().name()).isEqualTo(NAME);
        assertThat(county.get(1).intentions().occupations()).containsExactly("数控车工");
        assertThat(county.get(1).receivedOn()).isEqualTo(RECEIVED);
        assertThat(reviews(STREET_AGENCY, LocalDate.of(2026, 11, 25))).singleElement()
                .satisfies(review -> assertThat(review.overdue()).isTrue());
        // Without a day, "today" from the clock: 2026-11-27.
        assertThat(reviews(STREET_AGENCY, null)).singleElement().satisfies(review -> assertThat(review.overdue()).isTrue());
        assertThat(reviews("9901", LocalDate.of(2026, 11, 24))).hasSize(3);
        assertThat(reviews("no-such-agency", null)).isEmpty();

        jobs.deliver(events.next(new JobSeekingPublished(events.caseId(), "js-1", LocalDate.of(2026, 11, 24), false)),
                second.next(new JobSeekingRejected(second.caseId(), "js-2", "求职意向不明确", LocalDate.of(2026, 11, 24), true)));
        assertThat(reviews(COUNTY, null)).isEmpty();
        assertThat(profile(second).status()).isEqualTo(JobSeekingStatus.REJECTED);
        assertThat(published()).containsExactly(events.caseId());
    }

    @Test
    void publishedJobSeekersAreKeptByWantedAreaMoveWithTheIntentionsAndLeaveWhenClosed() {
        jobs.deliver(opened(events, ID_NUMBER, NAME),
                events.next(registered(events.caseId(), 1, "js-1", wants(6000, SECOND_STREET, EmploymentForm.FULL_TIME, "数控车工"),
                        STREET_AGENCY, RECEIVED, DUE)));
        assertThat(published()).isEmpty();
        jobs.deliver(events.next(new JobSeekingPublished(events.caseId(), "js-1", DUE, false)));

        assertThat(part(JobSeekersProjection.AREAS, SECOND_STREET)).isNotNull();
        assertThat(part(JobSeekersProjection.AREAS, SECOND_STREET).get("person", Document.class).keySet())
                .containsExactly("sealed");
        assertThat(published()).containsExactly(events.caseId());

        jobs.deliver(events.next(new JobIntentionsUpdated(events.caseId(), "js-1",
                wants(6500, OTHER_STREET_AGENCY, EmploymentForm.FULL_TIME, "数控车工"), LocalDate.of(2026, 11, 26))));
        assertThat(part(JobSeekersProjection.AREAS, SECOND_STREET)).isNull();
        assertThat(part(JobSeekersProjection.AREAS, OTHER_STREET_AGENCY).get("intentions", Document.class)
                .getInteger("expectedMonthlyWageYuan")).isEqualTo(6500);
        assertThat(jobs.jobSeekers.publishedCityWide()).singleElement()
                .satisfies(seeker -> assertThat(jobs.jobSeekers.person(seeker).name()).isEqualTo(NAME));

        jobs.deliver(events.next(new JobSeekingClosed(events.caseId(), "js-1", JobSeekingCloseReason.PLACED,
                LocalDate.of(2026, 11, 27))));
        assertThat(published()).isEmpty();
        assertThat(profile(events).status()).isEqualTo(JobSeekingStatus.CLOSED);
    }

    @Test
    void anEventAboutAnEarlierRegistrationLeavesTheLatestAlone() {
        jobs.deliver(opened(events, ID_NUMBER, NAME),
                events.next(registered(events.caseId(), 1, "js-1", wants(6000, STREET_AGENCY, EmploymentForm.FULL_TIME, "车工"),
                        STREET_AGENCY, RECEIVED, DUE)),
                events.next(new JobSeekingRejected(events.caseId(), "js-1", "信息不全", DUE, false)),
                events.next(registered(events.caseId(), 1, "js-2", wants(6000, STREET_AGENCY, EmploymentForm.FULL_TIME, "车工"),
                        STREET_AGENCY, LocalDate.of(2026, 11, 25), LocalDate.of(2026, 11, 26))),
                events.next(new JobSeekingPublished(events.caseId(), "js-1", LocalDate.of(2026, 11, 26), false)));

        assertThat(profile(events).jobSeekingId()).isEqualTo("js-2");
        assertThat(profile(events).status()).isEqualTo(JobSeekingStatus.PENDING_REVIEW);
        assertThat(profile(events).decidedOn()).isNull();
        assertThat(reviews(STREET_AGENCY, null)).extracting(PendingJobSeekingReview::jobSeekingId).containsExactly("js-2");
    }

    @Test
    void redeliveryAndReplayChangeNothing() {
        CaseEvents other = CaseEvents.newCase();
        List<DomainEventMessage<?>> stream = new ArrayList<>(aJobSeeker(events, CaseEvents.person(ID_NUMBER, NAME)));
        stream.add(opened(other, "110105199001012222", "李四"));
        stream.add(other.next(registered(other.caseId(), 1, "js-9", wants(4000, SECOND_STREET, EmploymentForm.PART_TIME, "保洁员"),
                SECOND_STREET, RECEIVED, DUE)));
        jobs.deliverBatch(stream);
        Map<String, List<Document>> before = model();
        List<Object> views = List.of(profile(events), profile(other), reviews(COUNTY, DUE), published());

        jobs.deliverBatch(stream);
        jobs.deliver(stream.toArray(DomainEventMessage[]::new));
        List<DomainEventMessage<?>> twice = new ArrayList<>(stream);
        twice.addAll(stream);
        jobs.deliverBatch(twice);
        // An old event after newer ones: the registration would go back to pending review.
        jobs.deliver(events.at(2, registered(events.caseId(), 1, "js-1", wants(6000, STREET_AGENCY, EmploymentForm.FULL_TIME,
                "数控车工", "车工"), STREET_AGENCY, RECEIVED, DUE)));

        assertThat(model()).isEqualTo(before);
        assertThat(List.of(profile(events), profile(other), reviews(COUNTY, DUE), published())).isEqualTo(views);
    }

    @Test
    void theSameHistoryInOneBatchOrEventByEventGivesTheSameViews() {
        List<DomainEventMessage<?>> stream = aJobSeeker(events, CaseEvents.person(ID_NUMBER, NAME));
        jobs.deliver(stream.toArray(DomainEventMessage[]::new));
        List<Object> views = List.of(profile(events), published());

        fixture.reset();
        jobs.deliverBatch(stream);
        assertThat(List.of(profile(events), published())).isEqualTo(views);
    }

    @Test
    void erasureMakesThePersonUnreadableInTheListsWhileTheRegistrationStays() {
        CaseEvents pending = CaseEvents.newCase();
        PersonalData person = CaseEvents.person(ID_NUMBER, NAME).withDataSubject(events.caseId());
        jobs.deliver(aJobSeeker(events, person).toArray(DomainEventMessage[]::new));
        jobs.deliver(pending.next(pending.openedWithKey(CaseEvents.person("110105199001012222", "李四"))),
                pending.next(registered(pending.caseId(), 1, "js-9", wants(4000, STREET_AGENCY, EmploymentForm.PART_TIME, "保洁员"),
                        STREET_AGENCY, RECEIVED, DUE)));
        assertThat(model().toString()).as("stored sealed").doesNotContain(ID_NUMBER, NAME, "李四").contains("sealed");

        keys.destroy(pending.caseId(), "admin-1");
        jobs.deliver(pending.next(pending.erased(LocalDate.of(2031, 11, 13))));
        keys.destroy(events.caseId(), "admin-1");
        jobs.deliver(events.next(events.erased(LocalDate.of(2031, 11, 13))));

        assertThat(reviews(STREET_AGENCY, null)).singleElement()
                .satisfies(review -> assertThat(review.person()).isEqualTo(PersonalData.erased(pending.caseId())));
        assertThat(jobs.jobSeekers.publishedCityWide()).singleElement()
                .satisfies(seeker -> assertThat(jobs.jobSeekers.person(seeker)).isEqualTo(PersonalData.erased(events.caseId())));
        assertThat(profile(events).status()).isEqualTo(JobSeekingStatus.PUBLISHED);
        assertThat(profile(events).referrals()).hasSize(2);

        // A rebuild from the events as the store now gives them stores the erased form.
        fixture.reset();
        jobs.deliverBatch(aJobSeeker(CaseEvents.forCase(events.caseId()), PersonalData.erased(events.caseId())));
        assertThat(model().toString()).contains("erased").doesNotContain(ID_NUMBER, NAME);
    }

    @Test
    void documentsAreKeyedByCaseAndByAgencyBucket() {
        jobs.deliver(opened(events, ID_NUMBER, NAME),
                events.next(registered(events.caseId(), 1, "js-1", wants(6000, STREET_AGENCY, EmploymentForm.FULL_TIME, "数控车工"),
                        STREET_AGENCY, RECEIVED, DUE)));
        Document reviews = SharedDocuments.find(fixture.database().getCollection(JobSeekersProjection.REVIEWS), JobSeekersProjection.bucketOf(STREET_AGENCY, events.caseId()));
        assertThat(reviews.getString("_id")).matches(STREET_AGENCY + "\\|\\d\\d");
        assertThat(reviews.getString("agencyId")).isEqualTo(STREET_AGENCY);
        assertThat(reviews.get("seq", Document.class).get(events.caseId())).isEqualTo(1L);
        Document caseDoc = fixture.database().getCollection(JobSeekersProjection.CASES)
                .find(Filters.eq("_id", events.caseId())).first();
        assertThat(caseDoc.get("lastSequence")).isEqualTo(1L);
        assertThat(caseDoc.getString(JobSeekersProjection.LISTED_FOR_REVIEW)).isEqualTo(STREET_AGENCY);
    }

    @Test
    void aResetEmptiesTheModelSoThatTheReplayIsNotSkipped() throws Exception {
        jobs.deliverBatch(aJobSeeker(events, CaseEvents.person(ID_NUMBER, NAME)));
        new AnnotationEventHandlerAdapter(new JobSeekersProjection(jobs.writer(), null)).prepareReset();
        assertThat(model()).isEmpty();
        assertThat(profile(events)).isNull();
    }

    private Document part(String collection, String agencyId) {
        Document doc = SharedDocuments.find(fixture.database().getCollection(collection), JobSeekersProjection.bucketOf(agencyId, events.caseId()));
        Document parts = doc == null ? null : doc.get("cases", Document.class);
        return parts == null ? null : parts.get(events.caseId(), Document.class);
    }

    private Map<String, List<Document>> model() {
        Map<String, List<Document>> model = new TreeMap<>();
        fixture.dump().forEach((collection, documents) -> {
            if (collection.startsWith("job_see")) {
                model.put(collection, documents);
            }
        });
        return model;
    }
}
