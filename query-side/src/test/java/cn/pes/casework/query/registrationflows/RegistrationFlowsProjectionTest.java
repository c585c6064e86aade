package cn.pes.casework.query.registrationflows;

import cn.pes.casework.query.projection.SharedDocuments;
import cn.pes.casework.events.cancellation.CancellationGround;
import cn.pes.casework.events.shared.PersonalData;
import cn.pes.casework.events.statistics.FindFlowFiguresQuery;
import cn.pes.casework.events.statistics.FlowFigures;
import cn.pes.casework.events.tracking.EmploymentStatus;
import cn.pes.casework.query.support.CaseEvents;
import cn.pes.casework.query.support.ProjectionTestBase;
import com.mongodb.client.model.Filters;
import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.DomainEventMessage;
import org.bson.Document;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static cn.pes.casework.query.support.CaseEvents.OTHER_STREET_AGENCY;
import static cn.pes.casework.query.support.CaseEvents.STREET_AGENCY;
import static org.assertj.core.api.Assertions.assertThat;

class RegistrationFlowsProjectionTest extends ProjectionTestBase {

    private static final YearMonth OCTOBER = YearMonth.of(2026, 10);
    private static final YearMonth NOVEMBER = YearMonth.of(2026, 11);
    private static final YearMonth DECEMBER = YearMonth.of(2026, 12);
    /** When the late movements were recorded: in December, for November. */
    private static final Instant DECEMBER_3 = Instant.parse("2026-12-03T02:00:00Z");

    private final CaseEvents employedInNovember = CaseEvents.newCase();
    private final CaseEvents registeredInOctober = CaseEvents.newCase();
    private final CaseEvents otherStreet = CaseEvents.newCase();
    private final CaseEvents recordedLate = CaseEvents.newCase();
    private final CaseEvents cancelledInDecember = CaseEvents.newCase();
    private final CaseEvents threeSpells = CaseEvents.newCase();

    private FlowFigures flows(YearMonth month, String... agencyIds) {
        return projections.registrationFlows.handle(new FindFlowFiguresQuery(Arrays.asList(agencyIds), month));
    }

    /** Five cases, each with a registration and (all but one) an ending, in two streets and three months. */
    private List<DomainEventMessage<?>> fiveCases() {
        List<DomainEventMessage<?>> stream = new ArrayList<>();
        CaseEvents a = employedInNovember;
        stream.add(a.next(a.opened(CaseEvents.person("110105199001011111", "甲"))));
        stream.add(a.next(a.registered(1, LocalDate.of(2026, 11, 3), STREET_AGENCY)));
        stream.add(a.next(a.employed(1, LocalDate.of(2026, 11, 20), null, STREET_AGENCY)));
        // Registered with effect from October, recorded in November (the fixture's events are recorded on 11-02).
        CaseEvents b = registeredInOctober;
        stream.add(b.next(b.opened(CaseEvents.person("110105199001012222", "乙"))));
        stream.add(b.next(b.registered(1, LocalDate.of(2026, 10, 15), STREET_AGENCY)));
        stream.add(b.next(b.cancelled(1, CancellationGround.ENLISTED, LocalDate.of(2026, 11, 10), STREET_AGENCY)));
        CaseEvents c = otherStreet;
        stream.add(c.next(c.opened(CaseEvents.person("110105199001013333", "丙"))));
        stream.add(c.next(c.registered(1, LocalDate.of(2026, 11, 5), OTHER_STREET_AGENCY)));
        stream.add(c.next(c.cancelled(1, CancellationGround.DIED, LocalDate.of(2026, 11, 25), OTHER_STREET_AGENCY)));
        // Work started on 11-28, recorded on 12-03: November's.
        CaseEvents d = recordedLate;
        stream.add(d.next(d.opened(CaseEvents.person("110105199001014444", "丁"))));
        stream.add(d.next(d.registered(1, LocalDate.of(2026, 11, 24), STREET_AGENCY)));
        stream.add(d.nextRecordedAt(DECEMBER_3, d.employed(1, LocalDate.of(2026, 11, 28), null, STREET_AGENCY)));
        CaseEvents e = cancelledInDecember;
        stream.add(e.next(e.opened(CaseEvents.person("110105199001015555", "戊"))));
        stream.add(e.next(e.registered(1, LocalDate.of(2026, 11, 26), STREET_AGENCY)));
        stream.add(e.nextRecordedAt(DECEMBER_3, e.cancelled(1, CancellationGround.DROPPED_JOB_SEEKING,
                                                             LocalDate.of(2026, 12, 1), STREET_AGENCY)));
        return stream;
    }

    /**
     * One person, three spells in November: found work, registered again and went to school (the
     * cancellation names no agency), registered a third time in another street and found work there
     * (again without an agency).
     */
    private List<DomainEventMessage<?>> threeSpells() {
        CaseEvents f = threeSpells;
        return List.of(
                f.next(f.opened(CaseEvents.person("110105199001016666", "己"))),
                f.next(f.registered(1, LocalDate.of(2026, 11, 2), STREET_AGENCY)),
                f.next(f.phoneContact(1, "f-1", LocalDate.of(2026, 11, 9), EmploymentStatus.EMPLOYED_BY_UNIT, STREET_AGENCY)),
                f.next(f.employed(1, LocalDate.of(2026, 11, 9), "f-1", STREET_AGENCY)),
                f.next(f.registered(2, LocalDate.of(2026, 11, 16), STREET_AGENCY)),
                f.next(f.cancelled(2, CancellationGround.FULL_TIME_SCHOOL, LocalDate.of(2026, 11, 20), null)),
                f.next(f.registered(3, LocalDate.of(2026, 11, 23), OTHER_STREET_AGENCY)),
                f.next(f.employed(3, LocalDate.of(2026, 11, 27), null, null)));
    }

    private List<DomainEventMessage<?>> everything() {
        List<DomainEventMessage<?>> stream = new ArrayList<>(fiveCases());
        stream.addAll(threeSpells());
        return stream;
    }

    @Test
    void movementsCountInTheAgencyAndMonthTheyTookEffectNotWhenRecorded() {
        projections.deliver(fiveCases().toArray(DomainEventMessage[]::new));

        FlowFigures november = flows(NOVEMBER, STREET_AGENCY);
        assertThat(november.newRegistrations()).isEqualTo(3);
        assertThat(november.employed()).isEqualTo(2);
        assertThat(november.cancelledByGround()).isEqualTo(Map.of(CancellationGround.ENLISTED, 1));
        assertThat(november.cancelled()).isEqualTo(1);

        assertThat(flows(OCTOBER, STREET_AGENCY)).isEqualTo(new FlowFigures(1, 0, Map.of()));
        assertThat(flows(DECEMBER, STREET_AGENCY))
                .isEqualTo(new FlowFigures(0, 0, Map.of(CancellationGround.DROPPED_JOB_SEEKING, 1)));
        assertThat(flows(NOVEMBER, OTHER_STREET_AGENCY))
                .isEqualTo(new FlowFigures(1, 0, Map.of(CancellationGround.DIED, 1)));
        assertThat(flows(YearMonth.of(2026, 9), STREET_AGENCY, OTHER_STREET_AGENCY)).isEqualTo(new FlowFigures(0, 0, Map.of()));
    }

    @Test
    void eachSpellCountsAndAnEndingWithoutAgencyCountsWhereItsSpellWasRegistered() {
        projections.deliver(threeSpells().toArray(DomainEventMessage[]::new));

        assertThat(flows(NOVEMBER, STREET_AGENCY))
                .isEqualTo(new FlowFigures(2, 1, Map.of(CancellationGround.FULL_TIME_SCHOOL, 1)));
        assertThat(flows(NOVEMBER, OTHER_STREET_AGENCY)).isEqualTo(new FlowFigures(1, 1, Map.of()));
    }

    @Test
    void severalAgenciesAreSummedAndAnAgencyNamedTwiceCountsOnce() {
        projections.deliver(everything().toArray(DomainEventMessage[]::new));

        FlowFigures expected = new FlowFigures(7, 4, Map.of(CancellationGround.ENLISTED, 1, CancellationGround.DIED, 1,
                                                             CancellationGround.FULL_TIME_SCHOOL, 1));
        assertThat(flows(NOVEMBER, STREET_AGENCY, OTHER_STREET_AGENCY)).isEqualTo(expected);
        assertThat(flows(NOVEMBER, STREET_AGENCY, OTHER_STREET_AGENCY, STREET_AGENCY, OTHER_STREET_AGENCY))
                .isEqualTo(expected);
        assertThat(flows(NOVEMBER, STREET_AGENCY, "990199999")).isEqualTo(flows(NOVEMBER, STREET_AGENCY));

        assertThat(flows(NOVEMBER)).isEqualTo(new FlowFigures(0, 0, Map.of()));
        assertThat(flows(NOVEMBER, "990199999")).isEqualTo(new FlowFigures(0, 0, Map.of()));
        assertThat(flows(null, STREET_AGENCY)).isEqualTo(new FlowFigures(0, 0, Map.of()));
    }

    @Test
    void redeliveryAndReplayChangeNoCount() {
        List<DomainEventMessage<?>> stream = everything();
        projections.deliverBatch(stream);
        var before = fixture.dump();
        FlowFigures november = flows(NOVEMBER, STREET_AGENCY, OTHER_STREET_AGENCY);
        assertThat(november).isEqualTo(new FlowFigures(7, 4, Map.of(CancellationGround.ENLISTED, 1,
                CancellationGround.DIED, 1, CancellationGround.FULL_TIME_SCHOOL, 1)));

        // Redelivered as a batch, one by one, twice within one batch, and an old event after newer ones.
        projections.deliverBatch(stream);
        projections.deliver(stream.toArray(DomainEventMessage[]::new));
        List<DomainEventMessage<?>> twice = new ArrayList<>(stream);
        twice.addAll(stream);
        projections.deliverBatch(twice);
        projections.deliver(threeSpells.at(1, threeSpells.registered(1, LocalDate.of(2026, 11, 2), STREET_AGENCY)),
                            employedInNovember.at(2, employedInNovember.employed(1, LocalDate.of(2026, 11, 20), null,
                                                                                 STREET_AGENCY)));

        assertThat(fixture.dump()).isEqualTo(before);
        assertThat(flows(NOVEMBER, STREET_AGENCY, OTHER_STREET_AGENCY)).isEqualTo(november);
        assertThat(flows(OCTOBER, STREET_AGENCY)).isEqualTo(new FlowFigures(1, 0, Map.of()));
    }

    @Test
    void documentsAreKeyedByAgencyAndMonthAndHoldSpellsOnly() {
        projections.deliver(threeSpells().toArray(DomainEventMessage[]::new));

        String caseKey = threeSpells.caseId();
        Document street = SharedDocuments.find(fixture.database().getCollection(RegistrationFlowsProjection.FLOWS), RegistrationFlowsProjection.flowsId(STREET_AGENCY, NOVEMBER, caseKey));
        assertThat(street).isNotNull();
        assertThat(street.getString("_id")).matches(STREET_AGENCY + "\\|2026-11\\|\\d\\d");
        assertThat(street.getString("agencyId")).isEqualTo(STREET_AGENCY);
        assertThat(street.getString("month")).isEqualTo("2026-11");
        assertThat(street.get("cases", Document.class).get(caseKey, Document.class)).isEqualTo(
                new Document("registered", List.of(1, 2)).append("employed", List.of(1))
                        .append("cancelled", new Document("2", "FULL_TIME_SCHOOL")));
        assertThat(street.get("seq", Document.class).get(caseKey)).isEqualTo(5L);

        Document spells = fixture.database().getCollection(RegistrationFlowsProjection.SPELL_AGENCIES)
                                 .find(Filters.eq("_id", caseKey)).first();
        assertThat(spells.get("agencies", Document.class)).isEqualTo(
                new Document("1", STREET_AGENCY).append("2", STREET_AGENCY).append("3", OTHER_STREET_AGENCY));
    }

    @Test
    void erasureChangesNoFigureAndThereIsNoPersonalDataToErase() {
        CaseEvents erased = CaseEvents.newCase();
        PersonalData person = CaseEvents.person("110105199001017777", "庚辛");
        projections.deliver(
                erased.next(erased.openedWithKey(person)),
                erased.next(erased.registered(1, LocalDate.of(2026, 11, 4), STREET_AGENCY)),
                erased.next(erased.detailsUpdated(CaseEvents.person("110105199001017777", "庚壬"))),
                erased.next(erased.employed(1, LocalDate.of(2026, 11, 12), null, STREET_AGENCY)));
        Map<String, List<Document>> stored = flowsModel();
        assertThat(stored.toString()).doesNotContain("110105199001017777", "庚", "13812345678", "某某机械有限公司",
                                                     "person", "sealed");
        FlowFigures before = flows(NOVEMBER, STREET_AGENCY);
        assertThat(before).isEqualTo(new FlowFigures(1, 1, Map.of()));

        keys.destroy(erased.caseId(), "admin-1");
        projections.deliver(erased.next(erased.erased(LocalDate.of(2031, 11, 13))));

        assertThat(flows(NOVEMBER, STREET_AGENCY)).isEqualTo(before);
        assertThat(flowsModel()).isEqualTo(stored);
    }

    @Test
    void aResetEmptiesTheModelSoThatTheReplayIsNotSkipped() throws Exception {
        List<DomainEventMessage<?>> stream = everything();
        projections.deliverBatch(stream);
        FlowFigures november = flows(NOVEMBER, STREET_AGENCY, OTHER_STREET_AGENCY);

        new AnnotationEventHandlerAdapter(new RegistrationFlowsProjection(projections.writer())).prepareReset();
        assertThat(flowsModel()).isEmpty();
        assertThat(flows(NOVEMBER, STREET_AGENCY, OTHER_STREET_AGENCY)).isEqualTo(new FlowFigures(0, 0, Map.of()));

        projections.deliverBatch(stream);
        assertThat(flows(NOVEMBER, STREET_AGENCY, OTHER_STREET_AGENCY)).isEqualTo(november);
    }

    /** This read model's collections only: the other projections of the harness do hold (sealed) personal data. */
    private Map<String, List<Document>> flowsModel() {
        Map<String, List<Document>> model = new java.util.TreeMap<>(fixture.dump());
        model.keySet().retainAll(List.of(RegistrationFlowsProjection.FLOWS, RegistrationFlowsProjection.SPELL_AGENCIES));
        return model;
    }
}
