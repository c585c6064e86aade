package cn.pes.casework.query.asof;

import cn.pes.casework.events.asof.BasisDifference;
import cn.pes.casework.events.asof.CaseAsOfView;
import cn.pes.casework.events.asof.FindCaseAsOfQuery;
import cn.pes.casework.events.asof.TimeBasis;
import cn.pes.casework.events.casefile.CaseView;
import cn.pes.casework.events.casefile.FindCaseHistoryQuery;
import cn.pes.casework.events.casefile.FindCaseQuery;
import cn.pes.casework.events.casefile.HistoryEntry;
import cn.pes.casework.events.casefile.RegistrationStatus;
import cn.pes.casework.events.tracking.EmploymentStatus;
import cn.pes.casework.query.common.PersonalDataDocs;
import cn.pes.casework.query.support.CaseEvents;
import cn.pes.casework.query.support.ProjectionTestBase;
import cn.pes.casework.security.protection.PersonalDataProtector;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.axonframework.messaging.GenericMessage;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import static cn.pes.casework.query.support.CaseEvents.OTHER_STREET_AGENCY;
import static cn.pes.casework.query.support.CaseEvents.STREET_AGENCY;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A scripted history with explicit recording times (UTC; the agencies' day is UTC+8), asked at several
 * moments by both bases. Expected values are written out by hand from the script:
 *
 * <pre>
 * seq recorded (UTC)          effective   event
 *  0  2026-03-02 02:00:00     -           case opened
 *  1  2026-03-02 02:00:01     2026-03-02  registered, spell 1, street agency
 *  2  2026-04-10 03:00        2026-04-10  contact c-1 (unemployed)
 *  3  2026-04-28 03:00        2026-04-28  contact c-2 (unemployed)
 *  4  2026-05-18 06:00        2026-05-04  employed from 05-04: recorded two weeks late (back-dated)
 *  5  2026-08-03 01:30        2026-08-03  registered again, spell 2, the other county's street
 *  6  2026-09-07 02:00        2026-09-07  contact c-3
 *  7  2026-10-09 02:00        2026-09-28  contact c-4, recorded after the holiday
 * </pre>
 */
class CaseAsOfQueriesTest extends ProjectionTestBase {

    private final CaseEvents events = CaseEvents.newCase();
    private EmbeddedEventStore eventStore;
    private CaseAsOfQueries queries;
    private List<DomainEventMessage<?>> script;

    @BeforeEach
    void script() {
        eventStore = EmbeddedEventStore.builder().storageEngine(new InMemoryEventStorageEngine()).build();
        PersonalDataDocs personalData = new PersonalDataDocs(new PersonalDataProtector(keys));
        queries = new CaseAsOfQueries(eventStore, fixture.store(false).codecRegistry(), projections.caseSummary,
                                      personalData, ZONE);
        script = List.of(
                events.nextRecordedAt(utc("2026-03-02T02:00:00"), events.openedWithKey(CaseEvents.person("110105199001011234", "张三"))),
                events.nextRecordedAt(utc("2026-03-02T02:00:01"), events.registered(1, day("2026-03-02"), STREET_AGENCY)),
                events.nextRecordedAt(utc("2026-04-10T03:00:00"), events.phoneContact(1, "c-1", day("2026-04-10"), EmploymentStatus.UNEMPLOYED, STREET_AGENCY)),
                events.nextRecordedAt(utc("2026-04-28T03:00:00"), events.phoneContact(1, "c-2", day("2026-04-28"), EmploymentStatus.UNEMPLOYED, STREET_AGENCY)),
                events.nextRecordedAt(utc("2026-05-18T06:00:00"), events.employed(1, day("2026-05-04"), null, STREET_AGENCY)),
                events.nextRecordedAt(utc("2026-08-03T01:30:00"), events.registered(2, day("2026-08-03"), OTHER_STREET_AGENCY)),
                events.nextRecordedAt(utc("2026-09-07T02:00:00"), events.phoneContact(2, "c-3", day("2026-09-07"), EmploymentStatus.UNEMPLOYED, OTHER_STREET_AGENCY)),
                events.nextRecordedAt(utc("2026-10-09T02:00:00"), events.phoneContact(2, "c-4", day("2026-09-28"), EmploymentStatus.UNEMPLOYED, OTHER_STREET_AGENCY)));
        eventStore.publish(script);
    }

    @AfterEach
    void close() {
        eventStore.shutDown();
    }

    private static Instant utc(String localUtc) {
        return Instant.parse(localUtc + "Z");
    }

    private static LocalDate day(String date) {
        return LocalDate.parse(date);
    }

    private CaseAsOfView at(String utc, TimeBasis basis) {
        return queries.handle(new FindCaseAsOfQuery(events.caseId(), utc(utc), basis));
    }

    private static List<Long> sequences(List<HistoryEntry> entries) {
        return entries.stream().map(HistoryEntry::sequence).toList();
    }

    private static List<String> spells(CaseView view) {
        return view.spells().stream().map(spell -> spell.spell() + ":" + spell.status()).toList();
    }

    @Test
    void unknownCaseIsNull() {
        assertThat(queries.handle(new FindCaseAsOfQuery("no-such-case", utc("2026-06-01T00:00:00"), TimeBasis.RECORDED))).isNull();
    }

    @Test
    void beforeTheCaseExistedThereAreNoEventsYet() {
        for (TimeBasis basis : TimeBasis.values()) {
            CaseAsOfView view = at("2026-03-01T12:00:00", basis);
            assertThat(view.existedThen()).as(basis.name()).isFalse();
            assertThat(view.caseThen()).isNull();
            assertThat(view.history()).isEmpty();
            assertThat(view.learnedLater()).isEmpty();
            assertThat(view.openedAt()).isEqualTo(utc("2026-03-02T02:00:00"));
            assertThat(view.eventsRead()).isEqualTo(8);
            assertThat(view.currentAgencyId()).isEqualTo(OTHER_STREET_AGENCY);
        }
    }

    /** 09:00 in the agencies' zone on the day of registration, an hour before it was recorded. */
    @Test
    void onTheMorningOfRegistrationOnlyTheEffectiveBasisHasTheCase() {
        CaseAsOfView recorded = at("2026-03-02T01:00:00", TimeBasis.RECORDED);
        assertThat(recorded.existedThen()).isFalse();

        CaseAsOfView effective = at("2026-03-02T01:00:00", TimeBasis.EFFECTIVE);
        assertThat(effective.existedThen()).isTrue();
        assertThat(effective.day()).isEqualTo(day("2026-03-02"));
        assertThat(effective.caseThen().status()).isEqualTo(RegistrationStatus.ACTIVE);
        assertThat(sequences(effective.history())).containsExactly(0L, 1L);
        assertThat(sequences(effective.learnedLater())).containsExactly(0L, 1L);
        assertThat(effective.differences()).extracting(BasisDifference::field).containsExactly("status", "agencyId",
                "categories", "spells", "history");
        assertThat(effective.differences().get(0)).isEqualTo(new BasisDifference("status", null, "ACTIVE"));
    }

    /** 05-10 noon: the agency still counted the person unemployed; the employment from 05-04 came on 05-18. */
    @Test
    void theBackDatedEmploymentIsLearnedLater() {
        CaseAsOfView recorded = at("2026-05-10T04:00:00", TimeBasis.RECORDED);
        assertThat(recorded.existedThen()).isTrue();
        assertThat(recorded.caseThen().status()).isEqualTo(RegistrationStatus.ACTIVE);
        assertThat(spells(recorded.caseThen())).containsExactly("1:ACTIVE");
        assertThat(recorded.caseThen().agencyId()).isEqualTo(STREET_AGENCY);
        assertThat(recorded.caseThen().lastContact().contactId()).isEqualTo("c-2");
        assertThat(recorded.caseThen().person().name()).isEqualTo("张三");
        assertThat(sequences(recorded.history())).containsExactly(0L, 1L, 2L, 3L);

        CaseAsOfView effective = at("2026-05-10T04:00:00", TimeBasis.EFFECTIVE);
        assertThat(effective.caseThen().status()).isEqualTo(RegistrationStatus.EMPLOYED);
        assertThat(spells(effective.caseThen())).containsExactly("1:EMPLOYED");
        assertThat(effective.caseThen().spells().get(0).endedOn()).isEqualTo(day("2026-05-04"));
        assertThat(sequences(effective.history())).containsExactly(0L, 1L, 2L, 3L, 4L);

        for (CaseAsOfView view : List.of(recorded, effective)) {
            assertThat(view.learnedLater()).hasSize(1);
            HistoryEntry employment = view.learnedLater().get(0);
            assertThat(employment.eventType()).isEqualTo("Employed");
            assertThat(employment.effectiveDate()).isEqualTo(day("2026-05-04"));
            assertThat(employment.recordedAt()).isEqualTo(utc("2026-05-18T06:00:00"));
            assertThat(view.differences()).containsExactly(
                    new BasisDifference("status", "ACTIVE", "EMPLOYED"),
                    new BasisDifference("spells", "1:ACTIVE", "1:EMPLOYED"),
                    new BasisDifference("history", "4", "5"));
        }
    }

    /** The effective basis counts days in the agencies' zone: 07:00 on 05-04 there is still 05-03 in UTC. */
    @Test
    void theEffectiveDayIsTheAgenciesDay() {
        CaseAsOfView justBefore = at("2026-05-03T15:59:59", TimeBasis.EFFECTIVE);
        assertThat(justBefore.day()).isEqualTo(day("2026-05-03"));
        assertThat(justBefore.caseThen().status()).isEqualTo(RegistrationStatus.ACTIVE);
        assertThat(justBefore.learnedLater()).isEmpty();
        assertThat(justBefore.differences()).isEmpty();

        CaseAsOfView morning = at("2026-05-03T23:00:00", TimeBasis.EFFECTIVE);
        assertThat(morning.day()).isEqualTo(day("2026-05-04"));
        assertThat(morning.caseThen().status()).isEqualTo(RegistrationStatus.EMPLOYED);
        assertThat(sequences(morning.learnedLater())).containsExactly(4L);
    }

    /** Once the employment was recorded both bases agree. */
    @Test
    void afterTheRecordingBothBasesAgree() {
        CaseAsOfView recorded = at("2026-05-20T00:00:00", TimeBasis.RECORDED);
        CaseAsOfView effective = at("2026-05-20T00:00:00", TimeBasis.EFFECTIVE);
        assertThat(recorded.caseThen()).isEqualTo(effective.caseThen());
        assertThat(recorded.caseThen().status()).isEqualTo(RegistrationStatus.EMPLOYED);
        assertThat(recorded.history()).hasSize(5);
        assertThat(recorded.learnedLater()).isEmpty();
        assertThat(recorded.differences()).isEmpty();
    }

    /** The re-registration: a second spell at another agency; a late contact shows as learned later. */
    @Test
    void afterTheReRegistrationALateContactIsLearnedLater() {
        CaseAsOfView recorded = at("2026-09-30T04:00:00", TimeBasis.RECORDED);
        assertThat(recorded.caseThen().status()).isEqualTo(RegistrationStatus.ACTIVE);
        assertThat(recorded.caseThen().agencyId()).isEqualTo(OTHER_STREET_AGENCY);
        assertThat(spells(recorded.caseThen())).containsExactly("1:EMPLOYED", "2:ACTIVE");
        assertThat(recorded.caseThen().lastContact().contactDate()).isEqualTo(day("2026-09-07"));
        assertThat(recorded.history()).hasSize(7);

        CaseAsOfView effective = at("2026-09-30T04:00:00", TimeBasis.EFFECTIVE);
        assertThat(effective.caseThen().lastContact().contactDate()).isEqualTo(day("2026-09-28"));
        assertThat(effective.history()).hasSize(8);
        assertThat(sequences(effective.learnedLater())).containsExactly(7L);
        assertThat(effective.differences()).containsExactly(
                new BasisDifference("lastContact", "2026-09-07:UNEMPLOYED", "2026-09-28:UNEMPLOYED"),
                new BasisDifference("history", "7", "8"));
    }

    /** After the last event, the past state is today's, exactly as the live projections build it. */
    @Test
    void afterTheLastEventItIsTheLiveCase() {
        projections.deliver(script.toArray(DomainEventMessage[]::new));
        CaseView live = projections.caseSummary.handle(new FindCaseQuery(events.caseId()));
        List<HistoryEntry> liveHistory = projections.caseHistory.handle(new FindCaseHistoryQuery(events.caseId())).entries();

        for (TimeBasis basis : TimeBasis.values()) {
            CaseAsOfView view = at("2026-11-27T02:00:00", basis);
            assertThat(view.caseThen()).as(basis.name()).isEqualTo(live);
            assertThat(view.history()).isEqualTo(liveHistory);
            assertThat(view.learnedLater()).isEmpty();
            assertThat(view.differences()).isEmpty();
        }
    }

    /**
     * Between any two events the whole stream is folded on from the recorded selection's fold; what it
     * gives (today's agency, the entries learned later) must be what the live projections give.
     */
    @Test
    void atEveryMomentTheWholeStreamFoldsAsTheLiveProjectionsFoldIt() {
        projections.deliver(script.toArray(DomainEventMessage[]::new));
        CaseView live = projections.caseSummary.handle(new FindCaseQuery(events.caseId()));
        List<HistoryEntry> liveHistory = projections.caseHistory.handle(new FindCaseHistoryQuery(events.caseId())).entries();

        for (int i = 1; i < script.size(); i++) {
            Instant between = script.get(i).getTimestamp().minusMillis(1);
            for (TimeBasis basis : TimeBasis.values()) {
                CaseAsOfView view = queries.handle(new FindCaseAsOfQuery(events.caseId(), between, basis));
                assertThat(view.currentAgencyId()).as("before event %d, %s", i, basis).isEqualTo(live.agencyId());
                assertThat(view.eventsRead()).isEqualTo(script.size());
                view.learnedLater().forEach(entry -> assertThat(liveHistory).contains(entry));
                assertThat(liveHistory).containsAll(view.history());
            }
        }
    }

    /** The query bus calls handlers inside a unit of work; the rebuilds must not share its batch. */
    @Test
    void insideTheQueryBusesUnitOfWorkTheAnswerIsTheSame() {
        CaseAsOfView outside = at("2026-05-10T04:00:00", TimeBasis.EFFECTIVE);
        DefaultUnitOfWork<?> unitOfWork = DefaultUnitOfWork.startAndGet(new GenericMessage<>("query"));
        try {
            CaseAsOfView inside = at("2026-05-10T04:00:00", TimeBasis.EFFECTIVE);
            assertThat(inside).isEqualTo(outside);
            assertThat(inside.caseThen().status()).isEqualTo(RegistrationStatus.EMPLOYED);
            assertThat(CurrentUnitOfWork.get()).isSameAs(unitOfWork);
        } finally {
            unitOfWork.rollback();
        }
    }

    /** The answer runs outside the caller's units of work and leaves them as they were, nested ones too. */
    @Test
    void theCallersNestedUnitsOfWorkAreTheirsAgainAfterTheAnswer() {
        CaseAsOfView outside = at("2026-10-01T04:00:00", TimeBasis.RECORDED);
        DefaultUnitOfWork<?> outer = DefaultUnitOfWork.startAndGet(new GenericMessage<>("outer"));
        try {
            DefaultUnitOfWork<?> inner = DefaultUnitOfWork.startAndGet(new GenericMessage<>("inner"));
            try {
                assertThat(at("2026-10-01T04:00:00", TimeBasis.RECORDED)).isEqualTo(outside);
                assertThat(at("2026-05-10T04:00:00", TimeBasis.EFFECTIVE).caseThen().status())
                        .isEqualTo(RegistrationStatus.EMPLOYED);
                assertThat(CurrentUnitOfWork.get()).isSameAs(inner);
                assertThat(inner.parent()).containsSame(outer);
                assertThat(inner.resources()).isEmpty();
                assertThat(outer.resources()).isEmpty();
            } finally {
                inner.rollback();
            }
            assertThat(CurrentUnitOfWork.get()).isSameAs(outer);
        } finally {
            outer.rollback();
        }
        assertThat(CurrentUnitOfWork.isStarted()).isFalse();
    }

    /** The folds run in memory: the live read models do not get the past state's documents. */
    @Test
    void anAnswerWritesNothingToTheReadModels() {
        CaseAsOfView view = at("2026-05-10T04:00:00", TimeBasis.EFFECTIVE);
        at("2026-10-01T04:00:00", TimeBasis.RECORDED);

        assertThat(view.caseThen()).isNotNull();
        assertThat(fixture.writeCommands()).isZero();
        assertThat(fixture.database().listCollectionNames().into(new java.util.ArrayList<>())).isEmpty();
        assertThat(projections.caseSummary.handle(new FindCaseQuery(events.caseId()))).isNull();
    }
}
