package cn.pes.casework.query.subsidypipeline;

import cn.pes.casework.query.projection.SharedDocuments;
import cn.pes.casework.events.shared.PersonalData;
import cn.pes.casework.events.subsidy.CaseSubsidiesView;
import cn.pes.casework.events.subsidy.CertificateLevel;
import cn.pes.casework.events.subsidy.FindCaseSubsidiesQuery;
import cn.pes.casework.events.subsidy.FindMissedSubsidyDeadlinesQuery;
import cn.pes.casework.events.subsidy.FindSubsidyPipelineQuery;
import cn.pes.casework.events.subsidy.MissedSubsidyDeadline;
import cn.pes.casework.events.subsidy.MissedSubsidyDeadline.Kind;
import cn.pes.casework.events.subsidy.SubsidyApplicationLine;
import cn.pes.casework.events.subsidy.SubsidyPipelineView;
import cn.pes.casework.events.subsidy.SubsidyStage;
import cn.pes.casework.query.support.CaseEvents;
import cn.pes.casework.query.support.ProjectionTestBase;
import com.mongodb.client.model.Filters;
import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.DomainEventMessage;
import org.bson.Document;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static cn.pes.casework.query.support.CaseEvents.OTHER_STREET_AGENCY;
import static cn.pes.casework.query.support.CaseEvents.STREET_AGENCY;
import static org.assertj.core.api.Assertions.assertThat;

/** SUB-3..SUB-5 as the departments follow them. "Today" is 2026-11-27 (the base class's clock). */
class SubsidyPipelineProjectionTest extends ProjectionTestBase {

    private static final String ID_NUMBER = "110105199001011111";
    private static final String NAME = "甲乙";

    private final CaseEvents events = CaseEvents.newCase();

    private SubsidyPipelineView pipeline(String departmentId, SubsidyStage stage, LocalDate asOf) {
        return projections.subsidyPipeline.handle(new FindSubsidyPipelineQuery(departmentId, stage, asOf));
    }

    private SubsidyApplicationLine only(String departmentId) {
        List<SubsidyApplicationLine> lines = pipeline(departmentId, null, null).applications();
        assertThat(lines).hasSize(1);
        return lines.get(0);
    }

    private CaseSubsidiesView caseSubsidies(CaseEvents events) {
        return projections.subsidyPipeline.handle(new FindCaseSubsidiesQuery(events.caseId(), null));
    }

    private List<MissedSubsidyDeadline> missed(String... departmentIds) {
        return projections.subsidyPipeline.handle(new FindMissedSubsidyDeadlinesQuery(Arrays.asList(departmentIds))).deadlines();
    }

    private DomainEventMessage<?> opened(CaseEvents events) {
        return events.next(events.openedWithKey(CaseEvents.person(ID_NUMBER, NAME)));
    }

    @Test
    void eachEventMovesTheApplicationToItsStageWithTheDateItsClockRunsTo() {
        projections.deliver(opened(events),
                            events.next(events.certificateSubmitted("a-1", STREET_AGENCY, LocalDate.of(2026, 11, 2),
                                                                    LocalDate.of(2026, 11, 23))));
        SubsidyApplicationLine received = only(STREET_AGENCY);
        assertThat(received.stage()).isEqualTo(SubsidyStage.RECEIVED);
        assertThat(received.dueOn()).isEqualTo(LocalDate.of(2026, 11, 23));
        assertThat(received.daysLeft()).isEqualTo(-4);
        assertThat(received.caseId()).isEqualTo(events.caseId());
        assertThat(received.applicationId()).isEqualTo("a-1");
        assertThat(received.departmentId()).isEqualTo(STREET_AGENCY);
        assertThat(received.occupation()).isEqualTo("电工");
        assertThat(received.level()).isEqualTo(CertificateLevel.LEVEL_4);
        assertThat(received.receivedOn()).isEqualTo(LocalDate.of(2026, 11, 2));
        assertThat(received.person().name()).isEqualTo(NAME);
        assertThat(received.subsidyAmount()).isNull();
        assertThat(received.missedDeadline()).isFalse();

        projections.deliver(events.next(events.reviewStarted("a-1", LocalDate.of(2026, 11, 3))));
        assertThat(only(STREET_AGENCY).stage()).isEqualTo(SubsidyStage.IN_REVIEW);
        assertThat(only(STREET_AGENCY).dueOn()).isEqualTo(LocalDate.of(2026, 11, 23));

        projections.deliver(events.next(events.subsidyApproved("a-1", LocalDate.of(2026, 11, 20), "500", false,
                                                               LocalDate.of(2026, 11, 27))));
        SubsidyApplicationLine approved = only(STREET_AGENCY);
        assertThat(approved.stage()).isEqualTo(SubsidyStage.IN_PUBLICITY);
        assertThat(approved.dueOn()).isEqualTo(LocalDate.of(2026, 11, 27));
        assertThat(approved.daysLeft()).isZero();
        assertThat(approved.subsidyAmount()).isEqualTo(new BigDecimal("1500"));
        assertThat(approved.allowanceAmount()).isEqualTo(new BigDecimal("500"));

        projections.deliver(events.next(events.publicityEnded("a-1", LocalDate.of(2026, 11, 27), LocalDate.of(2027, 2, 26))));
        SubsidyApplicationLine awaiting = only(STREET_AGENCY);
        assertThat(awaiting.stage()).isEqualTo(SubsidyStage.AWAITING_PAYMENT);
        assertThat(awaiting.dueOn()).isEqualTo(LocalDate.of(2027, 2, 26));
        assertThat(awaiting.daysLeft()).isEqualTo(91);

        projections.deliver(events.next(events.subsidyPaid("a-1", STREET_AGENCY, "1500", "500", LocalDate.of(2026, 12, 10), false)));
        SubsidyApplicationLine paid = only(STREET_AGENCY);
        assertThat(paid.stage()).isEqualTo(SubsidyStage.PAID);
        assertThat(paid.dueOn()).isNull();
        assertThat(paid.daysLeft()).isNull();
        assertThat(paid.paidOn()).isEqualTo(LocalDate.of(2026, 12, 10));
        assertThat(paid.missedDeadline()).isFalse();
        assertThat(caseSubsidies(events).applications()).containsExactly(paid);
    }

    @Test
    void aRejectionInReviewEndsTheClock() {
        projections.deliver(opened(events),
                            events.next(events.certificateSubmitted("a-1", STREET_AGENCY, LocalDate.of(2026, 11, 2),
                                                                    LocalDate.of(2026, 11, 23))),
                            events.next(events.reviewStarted("a-1", LocalDate.of(2026, 11, 3))),
                            events.next(events.subsidyRejected("a-1", LocalDate.of(2026, 11, 10), false, null)));

        SubsidyApplicationLine rejected = only(STREET_AGENCY);
        assertThat(rejected.stage()).isEqualTo(SubsidyStage.REJECTED);
        assertThat(rejected.dueOn()).isNull();
        assertThat(rejected.daysLeft()).isNull();
        assertThat(rejected.subsidyAmount()).isNull();
    }

    @Test
    void daysLeftAreCalendarDaysFromTheDayAskedAbout() {
        projections.deliver(opened(events),
                            events.next(events.certificateSubmitted("a-1", STREET_AGENCY, LocalDate.of(2026, 11, 20),
                                                                    LocalDate.of(2026, 12, 11))));

        assertThat(pipeline(STREET_AGENCY, null, null).asOf()).isEqualTo(LocalDate.of(2026, 11, 27));
        assertThat(pipeline(STREET_AGENCY, null, null).applications().get(0).daysLeft()).isEqualTo(14);
        assertThat(pipeline(STREET_AGENCY, null, LocalDate.of(2026, 12, 10)).applications().get(0).daysLeft()).isEqualTo(1);
        assertThat(pipeline(STREET_AGENCY, null, LocalDate.of(2026, 12, 11)).applications().get(0).daysLeft()).isZero();
        assertThat(pipeline(STREET_AGENCY, null, LocalDate.of(2027, 1, 1)).applications().get(0).daysLeft()).isEqualTo(-21);
        assertThat(projections.subsidyPipeline.handle(new FindCaseSubsidiesQuery(events.caseId(), LocalDate.of(2026, 12, 1)))
                                              .applications().get(0).daysLeft()).isEqualTo(10);
    }

    @Test
    void anObjectionHoldsTheApplicationWithoutAClockUntilItIsDismissed() {
        projections.deliver(opened(events),
                            events.next(events.certificateSubmitted("a-1", STREET_AGENCY, LocalDate.of(2026, 10, 12),
                                                                    LocalDate.of(2026, 11, 2))),
                            events.next(events.subsidyApproved("a-1", LocalDate.of(2026, 10, 30), "0", false,
                                                               LocalDate.of(2026, 11, 6))),
                            events.next(events.objectionRaised("a-1", "o-1", LocalDate.of(2026, 11, 3))));
        SubsidyApplicationLine objected = only(STREET_AGENCY);
        assertThat(objected.stage()).isEqualTo(SubsidyStage.OBJECTED);
        assertThat(objected.dueOn()).isNull();
        assertThat(objected.daysLeft()).isNull();

        // Publicity ends while the objection is open: payment waits for its resolution.
        projections.deliver(events.next(events.publicityEnded("a-1", LocalDate.of(2026, 11, 6), null)));
        assertThat(only(STREET_AGENCY).stage()).isEqualTo(SubsidyStage.OBJECTED);
        assertThat(only(STREET_AGENCY).dueOn()).isNull();

        projections.deliver(events.next(events.objectionDismissed("a-1", "o-1", LocalDate.of(2026, 11, 20),
                                                                  LocalDate.of(2027, 2, 22))));
        assertThat(only(STREET_AGENCY).stage()).isEqualTo(SubsidyStage.AWAITING_PAYMENT);
        assertThat(only(STREET_AGENCY).dueOn()).isEqualTo(LocalDate.of(2027, 2, 22));
    }

    @Test
    void anObjectionDismissedDuringPublicityReturnsToPublicityAndAnotherOpenOneStillHolds() {
        projections.deliver(opened(events),
                            events.next(events.certificateSubmitted("a-1", STREET_AGENCY, LocalDate.of(2026, 11, 2),
                                                                    LocalDate.of(2026, 11, 23))),
                            events.next(events.subsidyApproved("a-1", LocalDate.of(2026, 11, 20), "0", false,
                                                               LocalDate.of(2026, 11, 27))),
                            events.next(events.objectionRaised("a-1", "o-1", LocalDate.of(2026, 11, 23))),
                            events.next(events.objectionRaised("a-1", "o-2", LocalDate.of(2026, 11, 24))),
                            events.next(events.objectionDismissed("a-1", "o-1", LocalDate.of(2026, 11, 25), null)));
        assertThat(only(STREET_AGENCY).stage()).isEqualTo(SubsidyStage.OBJECTED);

        projections.deliver(events.next(events.objectionDismissed("a-1", "o-2", LocalDate.of(2026, 11, 26), null)));
        SubsidyApplicationLine publicity = only(STREET_AGENCY);
        assertThat(publicity.stage()).isEqualTo(SubsidyStage.IN_PUBLICITY);
        assertThat(publicity.dueOn()).isEqualTo(LocalDate.of(2026, 11, 27));
        assertThat(publicity.daysLeft()).isZero();
    }

    @Test
    void anUpheldObjectionEndsInRejectionAndTheReviewStaysDecidedOnTime() {
        projections.deliver(opened(events),
                            events.next(events.certificateSubmitted("a-1", STREET_AGENCY, LocalDate.of(2026, 10, 12),
                                                                    LocalDate.of(2026, 11, 2))),
                            events.next(events.subsidyApproved("a-1", LocalDate.of(2026, 10, 30), "0", false,
                                                               LocalDate.of(2026, 11, 6))),
                            events.next(events.objectionRaised("a-1", "o-1", LocalDate.of(2026, 11, 3))),
                            events.next(events.objectionUpheld("a-1", "o-1", LocalDate.of(2026, 11, 10))));
        assertThat(only(STREET_AGENCY).stage()).isEqualTo(SubsidyStage.OBJECTED);

        // An upheld objection's rejection is "late" only if the review was; here it names the objection.
        projections.deliver(events.next(events.subsidyRejected("a-1", LocalDate.of(2026, 11, 10), true, "o-1")));
        assertThat(only(STREET_AGENCY).stage()).isEqualTo(SubsidyStage.REJECTED);
        assertThat(only(STREET_AGENCY).missedDeadline()).isFalse();
        assertThat(missed(STREET_AGENCY)).isEmpty();
    }

    @Test
    void aRefusedCertificateIsNoApplication() {
        projections.deliver(opened(events),
                            events.next(events.certificateRefused("a-1", STREET_AGENCY, LocalDate.of(2026, 11, 2))));

        assertThat(pipeline(STREET_AGENCY, null, null).applications()).isEmpty();
        assertThat(caseSubsidies(events)).isEqualTo(new CaseSubsidiesView(events.caseId(), List.of()));
    }

    @Test
    void theStageFilterAndTheOrderEarliestDueFirstThoseWithoutAClockLast() {
        CaseEvents second = CaseEvents.newCase();
        CaseEvents third = CaseEvents.newCase();
        projections.deliver(opened(events),
                            events.next(events.certificateSubmitted("a-1", STREET_AGENCY, LocalDate.of(2026, 11, 20),
                                                                    LocalDate.of(2026, 12, 11))),
                            events.next(events.certificateSubmitted("a-2", STREET_AGENCY, LocalDate.of(2026, 11, 2),
                                                                    LocalDate.of(2026, 11, 23))),
                            opened(second),
                            second.next(second.certificateSubmitted("b-1", STREET_AGENCY, LocalDate.of(2026, 10, 12),
                                                                    LocalDate.of(2026, 11, 2))),
                            second.next(second.subsidyRejected("b-1", LocalDate.of(2026, 10, 30), false, null)),
                            opened(third),
                            third.next(third.certificateSubmitted("c-1", STREET_AGENCY, LocalDate.of(2026, 11, 9),
                                                                  LocalDate.of(2026, 11, 30))),
                            third.next(third.reviewStarted("c-1", LocalDate.of(2026, 11, 10))),
                            third.next(third.certificateSubmitted("c-2", OTHER_STREET_AGENCY, LocalDate.of(2026, 11, 9),
                                                                  LocalDate.of(2026, 11, 30))));

        assertThat(pipeline(STREET_AGENCY, null, null).applications()).extracting(SubsidyApplicationLine::applicationId)
                                                                      .containsExactly("a-2", "c-1", "a-1", "b-1");
        assertThat(pipeline(STREET_AGENCY, SubsidyStage.RECEIVED, null).applications())
                .extracting(SubsidyApplicationLine::applicationId).containsExactly("a-2", "a-1");
        assertThat(pipeline(STREET_AGENCY, SubsidyStage.IN_REVIEW, null).applications())
                .extracting(SubsidyApplicationLine::applicationId).containsExactly("c-1");
        assertThat(pipeline(STREET_AGENCY, SubsidyStage.PAID, null).applications()).isEmpty();
        assertThat(pipeline(OTHER_STREET_AGENCY, null, null).applications())
                .extracting(SubsidyApplicationLine::applicationId).containsExactly("c-2");
        assertThat(pipeline("990199999", null, null).applications()).isEmpty();

        // The case page: every department, newest first.
        assertThat(caseSubsidies(third).applications()).extracting(SubsidyApplicationLine::applicationId)
                                                       .containsExactly("c-2", "c-1");
        assertThat(caseSubsidies(events).applications()).extracting(SubsidyApplicationLine::applicationId)
                                                        .containsExactly("a-1", "a-2");
        assertThat(projections.subsidyPipeline.handle(new FindCaseSubsidiesQuery("no-such-case", null))).isNull();
    }

    @Test
    void missedDeadlinesAreListedLatestDueFirstAndCompletedWhenTheWorkIsDone() {
        CaseEvents county = CaseEvents.newCase();
        projections.deliver(opened(events),
                            events.next(events.certificateSubmitted("a-1", STREET_AGENCY, LocalDate.of(2026, 10, 12),
                                                                    LocalDate.of(2026, 11, 2))),
                            events.next(events.reviewDeadlineMissed("a-1", STREET_AGENCY, LocalDate.of(2026, 11, 2))),
                            opened(county),
                            // Decided late without the deadline recorded as missed: the decision says so itself.
                            county.next(county.certificateSubmitted("b-1", OTHER_STREET_AGENCY, LocalDate.of(2026, 10, 9),
                                                                    LocalDate.of(2026, 10, 30))),
                            county.next(county.subsidyRejected("b-1", LocalDate.of(2026, 11, 4), true, null)));

        assertThat(missed(STREET_AGENCY)).containsExactly(
                new MissedSubsidyDeadline(events.caseId(), "a-1", STREET_AGENCY, Kind.REVIEW, LocalDate.of(2026, 11, 2), null));
        assertThat(only(STREET_AGENCY).missedDeadline()).isTrue();
        assertThat(missed(STREET_AGENCY, OTHER_STREET_AGENCY)).containsExactly(
                new MissedSubsidyDeadline(events.caseId(), "a-1", STREET_AGENCY, Kind.REVIEW, LocalDate.of(2026, 11, 2), null),
                new MissedSubsidyDeadline(county.caseId(), "b-1", OTHER_STREET_AGENCY, Kind.REVIEW,
                                          LocalDate.of(2026, 10, 30), LocalDate.of(2026, 11, 4)));

        projections.deliver(events.next(events.subsidyApproved("a-1", LocalDate.of(2026, 11, 5), "0", true,
                                                               LocalDate.of(2026, 11, 12))),
                            events.next(events.publicityEnded("a-1", LocalDate.of(2026, 11, 12), LocalDate.of(2027, 2, 10))),
                            events.next(events.paymentDeadlineMissed("a-1", STREET_AGENCY, LocalDate.of(2027, 2, 10))));
        assertThat(missed(STREET_AGENCY)).containsExactly(
                new MissedSubsidyDeadline(events.caseId(), "a-1", STREET_AGENCY, Kind.PAYMENT, LocalDate.of(2027, 2, 10), null),
                new MissedSubsidyDeadline(events.caseId(), "a-1", STREET_AGENCY, Kind.REVIEW, LocalDate.of(2026, 11, 2),
                                          LocalDate.of(2026, 11, 5)));

        projections.deliver(events.next(events.subsidyPaid("a-1", STREET_AGENCY, "1500", "0", LocalDate.of(2027, 2, 20), true)));
        assertThat(missed(STREET_AGENCY)).extracting(MissedSubsidyDeadline::completedOn)
                                         .containsExactly(LocalDate.of(2027, 2, 20), LocalDate.of(2026, 11, 5));
        assertThat(missed(STREET_AGENCY, STREET_AGENCY)).hasSize(2);
        assertThat(missed()).isEmpty();
        assertThat(only(STREET_AGENCY).missedDeadline()).isTrue();
    }

    @Test
    void newPersonalDetailsReachEveryDepartmentTheCaseAppliedTo() {
        projections.deliver(opened(events),
                            events.next(events.certificateSubmitted("a-1", STREET_AGENCY, LocalDate.of(2026, 11, 2),
                                                                    LocalDate.of(2026, 11, 23))),
                            events.next(events.certificateSubmitted("a-2", OTHER_STREET_AGENCY, LocalDate.of(2026, 11, 3),
                                                                    LocalDate.of(2026, 11, 24))),
                            events.next(events.detailsUpdated(CaseEvents.person(ID_NUMBER, "甲丙"))));

        assertThat(only(STREET_AGENCY).person().name()).isEqualTo("甲丙");
        assertThat(only(OTHER_STREET_AGENCY).person().name()).isEqualTo("甲丙");
        assertThat(caseSubsidies(events).applications()).extracting(line -> line.person().name())
                                                        .containsExactly("甲丙", "甲丙");
    }

    /** Two people, every stage between them, in two departments. */
    private List<DomainEventMessage<?>> everything(CaseEvents a, CaseEvents b, PersonalData personOfA) {
        List<DomainEventMessage<?>> stream = new ArrayList<>();
        stream.add(a.next(a.openedWithKey(personOfA)));
        stream.add(a.next(a.certificateSubmitted("a-1", STREET_AGENCY, LocalDate.of(2026, 10, 12), LocalDate.of(2026, 11, 2))));
        stream.add(a.next(a.reviewDeadlineMissed("a-1", STREET_AGENCY, LocalDate.of(2026, 11, 2))));
        stream.add(a.next(a.subsidyApproved("a-1", LocalDate.of(2026, 11, 5), "500", true, LocalDate.of(2026, 11, 12))));
        stream.add(a.next(a.objectionRaised("a-1", "o-1", LocalDate.of(2026, 11, 9))));
        stream.add(a.next(a.publicityEnded("a-1", LocalDate.of(2026, 11, 12), null)));
        stream.add(a.next(a.objectionDismissed("a-1", "o-1", LocalDate.of(2026, 11, 16), LocalDate.of(2027, 2, 10))));
        stream.add(a.next(a.certificateSubmitted("a-2", OTHER_STREET_AGENCY, LocalDate.of(2026, 11, 20), LocalDate.of(2026, 12, 11))));
        stream.add(a.next(a.detailsUpdated(CaseEvents.person(ID_NUMBER, "甲丙"))));
        stream.add(b.next(b.openedWithKey(CaseEvents.person("110105199001012222", "丙丁"))));
        stream.add(b.next(b.certificateSubmitted("b-1", STREET_AGENCY, LocalDate.of(2026, 9, 1), LocalDate.of(2026, 9, 22))));
        stream.add(b.next(b.reviewStarted("b-1", LocalDate.of(2026, 9, 2))));
        stream.add(b.next(b.subsidyApproved("b-1", LocalDate.of(2026, 9, 10), "0", false, LocalDate.of(2026, 9, 17))));
        stream.add(b.next(b.publicityEnded("b-1", LocalDate.of(2026, 9, 17), LocalDate.of(2026, 12, 15))));
        stream.add(b.next(b.subsidyPaid("b-1", STREET_AGENCY, "1500", "0", LocalDate.of(2026, 11, 3), false)));
        return stream;
    }

    private List<Object> views(CaseEvents a, CaseEvents b) {
        return List.of(pipeline(STREET_AGENCY, null, null), pipeline(OTHER_STREET_AGENCY, null, null),
                       caseSubsidies(a), caseSubsidies(b), missed(STREET_AGENCY, OTHER_STREET_AGENCY));
    }

    @Test
    void redeliveryAndReplayChangeNothing() {
        CaseEvents other = CaseEvents.newCase();
        List<DomainEventMessage<?>> stream = everything(events, other, CaseEvents.person(ID_NUMBER, NAME));
        projections.deliverBatch(stream);
        Map<String, List<Document>> before = pipelineModel();
        List<Object> views = views(events, other);
        assertThat(pipeline(STREET_AGENCY, null, null).applications())
                .extracting(SubsidyApplicationLine::applicationId, SubsidyApplicationLine::stage)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("a-1", SubsidyStage.AWAITING_PAYMENT),
                                 org.assertj.core.groups.Tuple.tuple("b-1", SubsidyStage.PAID));

        // Redelivered as a batch, one by one, twice within one batch, and old events after newer ones.
        projections.deliverBatch(stream);
        projections.deliver(stream.toArray(DomainEventMessage[]::new));
        List<DomainEventMessage<?>> twice = new ArrayList<>(stream);
        twice.addAll(stream);
        projections.deliverBatch(twice);
        projections.deliver(events.at(4, events.objectionRaised("a-1", "o-1", LocalDate.of(2026, 11, 9))),
                            other.at(1, other.certificateSubmitted("b-1", STREET_AGENCY, LocalDate.of(2026, 9, 1),
                                                                   LocalDate.of(2026, 9, 22))));

        assertThat(pipelineModel()).isEqualTo(before);
        assertThat(views(events, other)).isEqualTo(views);
    }

    @Test
    void theSameHistoryInOneBatchOrEventByEventGivesTheSameDocuments() {
        CaseEvents other = CaseEvents.newCase();
        List<DomainEventMessage<?>> stream = everything(events, other, CaseEvents.person(ID_NUMBER, NAME));
        projections.deliver(stream.toArray(DomainEventMessage[]::new));
        Map<String, List<Document>> eventByEvent = withoutSealedData(pipelineModel());
        List<Object> views = views(events, other);

        fixture.reset();
        projections.deliverBatch(stream);
        assertThat(withoutSealedData(pipelineModel())).isEqualTo(eventByEvent);
        assertThat(views(events, other)).isEqualTo(views);
    }

    @Test
    void erasureMakesThePersonUnreadableEverywhereWhileStagesAndDeadlinesStay() {
        CaseEvents other = CaseEvents.newCase();
        PersonalData person = CaseEvents.person(ID_NUMBER, NAME).withDataSubject(events.caseId());
        projections.deliver(everything(events, other, person).toArray(DomainEventMessage[]::new));
        assertThat(pipelineModel().toString()).as("stored sealed").doesNotContain(ID_NUMBER, NAME, "甲丙", "丙丁")
                                               .contains("sealed");
        List<MissedSubsidyDeadline> missedBefore = missed(STREET_AGENCY, OTHER_STREET_AGENCY);
        List<SubsidyStage> stagesBefore = caseSubsidies(events).applications().stream().map(SubsidyApplicationLine::stage).toList();

        keys.destroy(events.caseId(), "admin-1");
        projections.deliver(events.next(events.erased(LocalDate.of(2031, 11, 13))));

        assertThat(pipeline(STREET_AGENCY, null, null).applications())
                .filteredOn(line -> line.caseId().equals(events.caseId()))
                .singleElement().satisfies(line -> assertThat(line.person()).isEqualTo(PersonalData.erased(events.caseId())));
        assertThat(only(OTHER_STREET_AGENCY).person().erased()).isTrue();
        assertThat(caseSubsidies(events).applications()).allSatisfy(line -> assertThat(line.person().erased()).isTrue());
        assertThat(caseSubsidies(events).applications()).extracting(SubsidyApplicationLine::stage).isEqualTo(stagesBefore);
        assertThat(caseSubsidies(other).applications()).singleElement()
                                                       .satisfies(line -> assertThat(line.person().name()).isEqualTo("丙丁"));
        assertThat(missed(STREET_AGENCY, OTHER_STREET_AGENCY)).isEqualTo(missedBefore);

        // A rebuild from the events as the store now gives them stores the erased form.
        fixture.reset();
        projections.deliverBatch(everything(CaseEvents.forCase(events.caseId()), CaseEvents.forCase(other.caseId()),
                                            PersonalData.erased(events.caseId())));
        assertThat(pipelineModel().toString()).contains("erased").doesNotContain(ID_NUMBER, NAME);
        assertThat(only(OTHER_STREET_AGENCY).person().erased()).isTrue();
        assertThat(missed(STREET_AGENCY, OTHER_STREET_AGENCY)).isEqualTo(missedBefore);
    }

    @Test
    void documentsAreKeyedByDepartmentAndBucketAndByCase() {
        projections.deliver(opened(events),
                            events.next(events.certificateSubmitted("a-1", STREET_AGENCY, LocalDate.of(2026, 11, 2),
                                                                    LocalDate.of(2026, 11, 23))),
                            events.next(events.reviewStarted("a-1", LocalDate.of(2026, 11, 3))));

        Document pipeline = SharedDocuments.find(fixture.database().getCollection(SubsidyPipelineProjection.PIPELINES), SubsidyPipelineProjection.pipelineId(STREET_AGENCY, events.caseId()));
        assertThat(pipeline).isNotNull();
        assertThat(pipeline.getString("_id")).matches(STREET_AGENCY + "\\|\\d\\d");
        assertThat(pipeline.getString("departmentId")).isEqualTo(STREET_AGENCY);
        assertThat(pipeline.get("seq", Document.class).get(events.caseId())).isEqualTo(2L);
        Document part = pipeline.get("cases", Document.class).get(events.caseId(), Document.class);
        assertThat(part.getString("caseId")).isEqualTo(events.caseId());
        assertThat(part.get("person", Document.class).keySet()).containsExactly("sealed");
        Document application = part.getList("applications", Document.class).get(0);
        assertThat(application.getString("stage")).isEqualTo("IN_REVIEW");
        assertThat(application.getString("dueOn")).isEqualTo("2026-11-23");
        assertThat(application.getString("certificateNumber")).isEqualTo("S0000440100012630a-1");

        Document caseDoc = fixture.database().getCollection(SubsidyPipelineProjection.CASES)
                                  .find(Filters.eq("_id", events.caseId())).first();
        assertThat(caseDoc.getList("applications", Document.class)).containsExactly(application);
        assertThat(caseDoc.get("lastSequence")).isEqualTo(2L);
    }

    @Test
    void aResetEmptiesTheModelSoThatTheReplayIsNotSkipped() throws Exception {
        CaseEvents other = CaseEvents.newCase();
        List<DomainEventMessage<?>> stream = everything(events, other, CaseEvents.person(ID_NUMBER, NAME));
        projections.deliverBatch(stream);
        List<Object> views = views(events, other);

        new AnnotationEventHandlerAdapter(new SubsidyPipelineProjection(projections.writer(), null)).prepareReset();
        assertThat(pipelineModel()).isEmpty();
        assertThat(pipeline(STREET_AGENCY, null, null).applications()).isEmpty();

        projections.deliverBatch(stream);
        assertThat(views(events, other)).isEqualTo(views);
    }

    /** This read model's collections only. */
    private Map<String, List<Document>> pipelineModel() {
        Map<String, List<Document>> model = new TreeMap<>(fixture.dump());
        model.keySet().retainAll(List.of(SubsidyPipelineProjection.PIPELINES, SubsidyPipelineProjection.CASES));
        return model;
    }

    /** Sealing uses a fresh nonce each time: compare documents with the ciphertexts left out. */
    private static Map<String, List<Document>> withoutSealedData(Map<String, List<Document>> model) {
        return Document.parse(new Document("m", model).toJson()
                                                      .replaceAll("\"data\": \"[^\"]*\"", "\"data\": \"…\""))
                       .get("m", Document.class).entrySet().stream()
                       .collect(TreeMap::new, (map, e) -> map.put(e.getKey(), (List<Document>) e.getValue()), Map::putAll);
    }
}
