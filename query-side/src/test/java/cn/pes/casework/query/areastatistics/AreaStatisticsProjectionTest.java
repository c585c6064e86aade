package cn.pes.casework.query.areastatistics;

import cn.pes.casework.query.projection.SharedDocuments;
import cn.pes.casework.events.entrepreneurship.GuaranteeLoanApproved;
import cn.pes.casework.events.cancellation.CancellationGround;
import cn.pes.casework.events.employment.EmploymentDetails;
import cn.pes.casework.events.employment.EmploymentType;
import cn.pes.casework.events.employment.Employed;
import cn.pes.casework.events.jobseeking.ReferralOutcome;
import cn.pes.casework.events.jobseeking.ReferralOutcomeRecorded;
import cn.pes.casework.events.statistics.AreaStatistics;
import cn.pes.casework.events.statistics.FindAreaStatisticsQuery;
import cn.pes.casework.events.statistics.MonthlyFigures;
import cn.pes.casework.events.tracking.ContactMethod;
import cn.pes.casework.events.tracking.EmploymentStatus;
import cn.pes.casework.events.tracking.ServiceGiven;
import cn.pes.casework.events.tracking.TrackingContactRecorded;
import cn.pes.casework.query.support.CaseEvents;
import cn.pes.casework.query.support.ProjectionGroups;
import cn.pes.casework.query.support.ProjectionTestBase;
import cn.pes.casework.query.web.InvalidQueryInputException;
import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.DomainEventMessage;
import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static cn.pes.casework.query.support.CaseEvents.OTHER_STREET_AGENCY;
import static cn.pes.casework.query.support.CaseEvents.STREET_AGENCY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A fixed small dataset, its figures counted by hand below. Unless said otherwise events are recorded
 * on 2026-11-02 (the harness's T0), whatever their effective date.
 * <pre>
 * street 990101001:
 *   A  registered 05-29 (six months and a day on 11-30), phone 10-10, phone 11-05, on-site visit 11-20
 *   B  registered 05-30 (exactly six months on 11-30, more on 12-31), phone 11-28 RECORDED 12-03
 *   C  registered 09-15, information comparison 11-10, work started 11-10 RECORDED 12-03
 *   D  spell 1 registered 08-01, cancelled 10-01 (full-time school); spell 2 registered 11-16
 *   E  registered 10-20, hired through a referral, work started 11-25
 * street 990102001:
 *   F  registered 10-05
 * county 990101 (the paying department):
 *   F  subsidy 1500 paid 11-12; subsidy 1000 with allowance 500 paid 12-02, RECORDED 12-05
 * </pre>
 */
class AreaStatisticsProjectionTest extends ProjectionTestBase {

    static final String COUNTY = "990101";
    static final YearMonth MAY = YearMonth.of(2026, 5);
    static final YearMonth OCTOBER = YearMonth.of(2026, 10);
    static final YearMonth NOVEMBER = YearMonth.of(2026, 11);
    static final YearMonth DECEMBER = YearMonth.of(2026, 12);
    /** When the late facts were recorded. */
    static final Instant DECEMBER_3 = Instant.parse("2026-12-03T02:00:00Z");
    static final Instant DECEMBER_5 = Instant.parse("2026-12-05T02:00:00Z");
    /** Before both late records, after everything else. */
    static final Instant DECEMBER_1 = Instant.parse("2026-12-01T00:00:00Z");

    final CaseEvents a = CaseEvents.newCase();
    final CaseEvents b = CaseEvents.newCase();
    final CaseEvents c = CaseEvents.newCase();
    final CaseEvents d = CaseEvents.newCase();
    final CaseEvents e = CaseEvents.newCase();
    final CaseEvents f = CaseEvents.newCase();

    AreaStatisticsQueries queries;
    ProjectionGroups groups;

    @BeforeEach
    void areaStatistics() {
        queries = new AreaStatisticsQueries(fixture.store(serverSideGuards()), CLOCK);
        groups = new ProjectionGroups(projections.writer(),
                                      List.of(new AnnotationEventHandlerAdapter(new AreaStatisticsProjection(projections.writer()))));
    }

    List<DomainEventMessage<?>> dataset() {
        List<DomainEventMessage<?>> stream = new ArrayList<>();
        stream.add(a.next(a.registered(1, LocalDate.of(2026, 5, 29), STREET_AGENCY)));
        stream.add(a.next(contact(a, 1, "a-1", LocalDate.of(2026, 10, 10), ContactMethod.PHONE)));
        stream.add(a.next(contact(a, 1, "a-2", LocalDate.of(2026, 11, 5), ContactMethod.PHONE)));
        stream.add(a.next(contact(a, 1, "a-3", LocalDate.of(2026, 11, 20), ContactMethod.ON_SITE_VISIT)));

        stream.add(b.next(b.registered(1, LocalDate.of(2026, 5, 30), STREET_AGENCY)));
        stream.add(b.nextRecordedAt(DECEMBER_3, contact(b, 1, "b-1", LocalDate.of(2026, 11, 28), ContactMethod.PHONE)));

        stream.add(c.next(c.registered(1, LocalDate.of(2026, 9, 15), STREET_AGENCY)));
        stream.add(c.next(contact(c, 1, "c-1", LocalDate.of(2026, 11, 10), ContactMethod.INFORMATION_COMPARISON)));
        stream.add(c.nextRecordedAt(DECEMBER_3, c.employed(1, LocalDate.of(2026, 11, 10), "c-1", STREET_AGENCY)));

        stream.add(d.next(d.registered(1, LocalDate.of(2026, 8, 1), STREET_AGENCY)));
        stream.add(d.next(d.cancelled(1, CancellationGround.FULL_TIME_SCHOOL, LocalDate.of(2026, 10, 1), STREET_AGENCY)));
        stream.add(d.next(d.registered(2, LocalDate.of(2026, 11, 16), STREET_AGENCY)));

        stream.add(e.next(e.registered(1, LocalDate.of(2026, 10, 20), STREET_AGENCY)));
        stream.add(e.next(new ReferralOutcomeRecorded(e.caseId(), 1, "r-e1", "emp-1", "vac-1", null, ReferralOutcome.HIRED,
                                                      null, LocalDate.of(2026, 11, 20), LocalDate.of(2026, 11, 25), 0,
                                                      STREET_AGENCY)));
        stream.add(e.next(new Employed(e.caseId(), 1, new EmploymentDetails(EmploymentType.EMPLOYED_BY_UNIT, "某某机械有限公司",
                                                                              LocalDate.of(2026, 11, 25)),
                                       null, null, STREET_AGENCY)));

        stream.add(f.next(f.registered(1, LocalDate.of(2026, 10, 5), OTHER_STREET_AGENCY)));
        stream.add(f.next(f.subsidyPaid("s-f1", COUNTY, "1500", "0", LocalDate.of(2026, 11, 12), false)));
        stream.add(f.nextRecordedAt(DECEMBER_5, f.subsidyPaid("s-f2", COUNTY, "1000", "500", LocalDate.of(2026, 12, 2), false)));
        return stream;
    }

    static TrackingContactRecorded contact(CaseEvents events, int spell, String contactId, LocalDate on, ContactMethod method) {
        return new TrackingContactRecorded(events.caseId(), spell, contactId, on, method, null, true,
                                           EmploymentStatus.UNEMPLOYED, EnumSet.of(ServiceGiven.POLICY_INFORMATION),
                                           "下月再次联系", null, null, STREET_AGENCY);
    }

    AreaStatistics statistics(YearMonth from, YearMonth to, Instant knownAt, String... agencyIds) {
        return queries.handle(new FindAreaStatisticsQuery(List.of(agencyIds), from, to, knownAt));
    }

    /** Figures without money. */
    static MonthlyFigures month(YearMonth month, int registered, int started, int reEmployed, int viaReferral,
                                Map<CancellationGround, Integer> cancelled, int longTerm, int active, int contacted,
                                Map<ContactMethod, Integer> byMethod) {
        return new MonthlyFigures(month, registered, started, reEmployed, viaReferral, cancelled, longTerm, active,
                                  contacted, byMethod, 0, BigDecimal.ZERO, 0, BigDecimal.ZERO, 0, BigDecimal.ZERO);
    }

    /** The street's months from May to December with everything known, counted by hand from the dataset. */
    static List<MonthlyFigures> streetMayToDecember() {
        return List.of(
                // A and B started; both in force on 05-31.
                month(MAY, 2, 2, 0, 0, Map.of(), 0, 2, 0, Map.of()),
                month(MAY.plusMonths(1), 2, 0, 0, 0, Map.of(), 0, 2, 0, Map.of()),
                month(MAY.plusMonths(2), 2, 0, 0, 0, Map.of(), 0, 2, 0, Map.of()),
                // D1 started 08-01.
                month(MAY.plusMonths(3), 3, 1, 0, 0, Map.of(), 0, 3, 0, Map.of()),
                // C started 09-15.
                month(MAY.plusMonths(4), 4, 1, 0, 0, Map.of(), 0, 4, 0, Map.of()),
                // D1 ended 10-01: not in force on any day of October. E started. A phoned. A's six months end 11-29.
                month(OCTOBER, 4, 1, 0, 0, Map.of(CancellationGround.FULL_TIME_SCHOOL, 1), 0, 4, 1,
                      Map.of(ContactMethod.PHONE, 1)),
                // In force on 11-30: A, B, D2. C (11-10) and E (11-25, referral) found work. A long-term, B exactly 6
                // months is not. Active: A, B, C, D2, E. Contacted: A (phone, visit), B (phone), C (comparison, the
                // day it ended).
                month(NOVEMBER, 3, 1, 2, 1, Map.of(), 1, 5, 3,
                      Map.of(ContactMethod.PHONE, 2, ContactMethod.ON_SITE_VISIT, 1, ContactMethod.INFORMATION_COMPARISON, 1)),
                // A, B, D2; A and B long-term now.
                month(DECEMBER, 3, 0, 0, 0, Map.of(), 2, 3, 0, Map.of()));
    }

    @Test
    void everyMonthOfTheStreetAsCountedByHand() {
        groups.deliver(dataset());

        AreaStatistics statistics = statistics(MAY, DECEMBER, null, STREET_AGENCY);

        assertThat(statistics.agencyIds()).containsExactly(STREET_AGENCY);
        assertThat(statistics.knownAt()).isEqualTo(CLOCK.instant());
        assertThat(statistics.months()).containsExactlyElementsOf(streetMayToDecember());
        MonthlyFigures november = statistics.months().get(6);
        assertThat(november.longTermPerMille()).isEqualTo(333);
        assertThat(november.coveragePerMille()).isEqualTo(600);
        assertThat(november.cancelled()).isZero();
    }

    @Test
    void anyRangeGivesTheSameMonthsAsTheWholeOne() {
        groups.deliver(dataset());

        assertThat(statistics(NOVEMBER, NOVEMBER, null, STREET_AGENCY).months())
                .containsExactly(streetMayToDecember().get(6));
        assertThat(statistics(OCTOBER, DECEMBER, null, STREET_AGENCY).months())
                .containsExactlyElementsOf(streetMayToDecember().subList(5, 8));
        // Before anything took effect, and after: the stock stays, flows are gone.
        assertThat(statistics(YearMonth.of(2026, 4), YearMonth.of(2026, 4), null, STREET_AGENCY).months())
                .containsExactly(month(YearMonth.of(2026, 4), 0, 0, 0, 0, Map.of(), 0, 0, 0, Map.of()));
        assertThat(statistics(YearMonth.of(2027, 6), YearMonth.of(2027, 6), null, STREET_AGENCY).months())
                .containsExactly(month(YearMonth.of(2027, 6), 3, 0, 0, 0, Map.of(), 3, 3, 0, Map.of()));
    }

    @Test
    void knownAtLeavesOutWhatWasRecordedLater() {
        groups.deliver(dataset());

        // Before 12-03 C had not been recorded as employed: still registered in November and December; B's
        // contact was not recorded either.
        assertThat(statistics(NOVEMBER, DECEMBER, DECEMBER_1, STREET_AGENCY).months()).containsExactly(
                month(NOVEMBER, 4, 1, 1, 1, Map.of(), 1, 5, 2,
                      Map.of(ContactMethod.PHONE, 1, ContactMethod.ON_SITE_VISIT, 1, ContactMethod.INFORMATION_COMPARISON, 1)),
                month(DECEMBER, 4, 0, 0, 0, Map.of(), 2, 4, 0, Map.of()));
        assertThat(statistics(NOVEMBER, DECEMBER, DECEMBER_1, STREET_AGENCY).knownAt()).isEqualTo(DECEMBER_1);
        // Exactly at the recording instant it is known.
        assertThat(statistics(MAY, DECEMBER, DECEMBER_3, STREET_AGENCY).months())
                .containsExactlyElementsOf(streetMayToDecember());
        // Before anything was recorded (11-02) nothing is known, whatever the effective dates.
        assertThat(statistics(NOVEMBER, NOVEMBER, Instant.parse("2026-11-01T00:00:00Z"), STREET_AGENCY).months())
                .containsExactly(month(NOVEMBER, 0, 0, 0, 0, Map.of(), 0, 0, 0, Map.of()));
    }

    @Test
    void paymentsCountAtThePayingDepartmentInTheMonthPaid() {
        groups.deliver(dataset());

        List<MonthlyFigures> county = statistics(NOVEMBER, DECEMBER, null, COUNTY).months();
        assertThat(county.get(0)).isEqualTo(new MonthlyFigures(NOVEMBER, 0, 0, 0, 0, Map.of(), 0, 0, 0, Map.of(),
                                                               1, new BigDecimal("1500"), 0, BigDecimal.ZERO, 0, BigDecimal.ZERO));
        assertThat(county.get(1)).isEqualTo(new MonthlyFigures(DECEMBER, 0, 0, 0, 0, Map.of(), 0, 0, 0, Map.of(),
                                                               1, new BigDecimal("1000"), 1, new BigDecimal("500"), 0,
                                                               BigDecimal.ZERO));
        // Recorded 12-05: not known on 12-01.
        assertThat(statistics(DECEMBER, DECEMBER, DECEMBER_1, COUNTY).months().get(0).subsidiesPaid()).isZero();
    }

    @Test
    void severalAgenciesAreSummedEachOnce() {
        groups.deliver(dataset());

        MonthlyFigures street = streetMayToDecember().get(6);
        MonthlyFigures novemberAll = statistics(NOVEMBER, NOVEMBER, null, COUNTY, STREET_AGENCY, OTHER_STREET_AGENCY,
                                                STREET_AGENCY, "990101002").months().get(0);
        // F in force in the other street; the county's subsidy.
        assertThat(novemberAll).isEqualTo(new MonthlyFigures(NOVEMBER, street.registeredAtMonthEnd() + 1, 1, 2, 1, Map.of(),
                                                             1, street.activeInMonth() + 1, street.contactedInMonth(),
                                                             street.contactedByMethod(),
                                                             1, new BigDecimal("1500"), 0, BigDecimal.ZERO, 0,
                                                             BigDecimal.ZERO));
        assertThat(statistics(NOVEMBER, NOVEMBER, null, COUNTY, STREET_AGENCY, STREET_AGENCY).agencyIds())
                .containsExactly(COUNTY, STREET_AGENCY);
        assertThat(statistics(NOVEMBER, NOVEMBER, null).months())
                .containsExactly(month(NOVEMBER, 0, 0, 0, 0, Map.of(), 0, 0, 0, Map.of()));
    }

    /**
     * Guarantee loans count at the loan's agency in the month approved, with the amount approved: G's
     * 150,000 approved 11-05 (recorded 11-06) at the street; H's 100,000.50 approved 11-28 at the street and
     * 50,000 approved 12-01 at the other street, both recorded 12-03.
     */
    @Test
    void loansApprovedCountAtTheLoansAgencyInTheMonthApprovedAsKnownAt() {
        CaseEvents g = CaseEvents.newCase();
        CaseEvents h = CaseEvents.newCase();
        DomainEventMessage<?> late = h.nextRecordedAt(DECEMBER_3, approved(h, "loan-h1", "100000.50", LocalDate.of(2026, 11, 28),
                                                                          STREET_AGENCY));
        List<DomainEventMessage<?>> stream = List.of(
                g.nextRecordedAt(Instant.parse("2026-11-06T02:00:00Z"),
                                 approved(g, "loan-g1", "150000", LocalDate.of(2026, 11, 5), STREET_AGENCY)),
                late,
                h.nextRecordedAt(DECEMBER_3, approved(h, "loan-h2", "50000", LocalDate.of(2026, 12, 1), OTHER_STREET_AGENCY)));
        groups.deliver(stream);
        groups.deliver(List.of(late));

        List<MonthlyFigures> street = statistics(NOVEMBER, DECEMBER, null, STREET_AGENCY).months();
        assertThat(street.get(0).loansApproved()).isEqualTo(2);
        assertThat(street.get(0).loanAmountApproved()).isEqualByComparingTo("250000.50");
        assertThat(street.get(1).loansApproved()).isZero();
        MonthlyFigures knownEarlier = statistics(NOVEMBER, NOVEMBER, DECEMBER_1, STREET_AGENCY).months().get(0);
        assertThat(knownEarlier.loansApproved()).isEqualTo(1);
        assertThat(knownEarlier.loanAmountApproved()).isEqualByComparingTo("150000");
        List<MonthlyFigures> both = statistics(NOVEMBER, DECEMBER, null, STREET_AGENCY, OTHER_STREET_AGENCY, STREET_AGENCY).months();
        assertThat(both).extracting(MonthlyFigures::loansApproved).containsExactly(2, 1);
        assertThat(both.get(1).loanAmountApproved()).isEqualByComparingTo("50000");
        assertThat(statistics(NOVEMBER, DECEMBER, null, COUNTY).months()).extracting(MonthlyFigures::loansApproved)
                                                                         .containsExactly(0, 0);
    }

    static GuaranteeLoanApproved approved(CaseEvents events, String loanId, String amount, LocalDate on, String agencyId) {
        return new GuaranteeLoanApproved(events.caseId(), loanId, new BigDecimal(amount), 24, "工商银行", "DB-1", on, agencyId);
    }

    /** A spell's endings and contacts count where it was registered, even when they name no agency or another. */
    @Test
    void factsOfASpellStayWithTheAgencyItWasRegisteredAt() {
        CaseEvents g = CaseEvents.newCase();
        groups.deliver(List.of(
                g.next(g.registered(1, LocalDate.of(2026, 10, 2), STREET_AGENCY)),
                g.next(g.cancelled(1, CancellationGround.MOVED_ABROAD, LocalDate.of(2026, 11, 3), null)),
                g.next(g.registered(2, LocalDate.of(2026, 11, 10), OTHER_STREET_AGENCY)),
                g.next(new TrackingContactRecorded(g.caseId(), 2, "g-1", LocalDate.of(2026, 11, 12), ContactMethod.PHONE,
                                                   null, true, EmploymentStatus.UNEMPLOYED, EnumSet.noneOf(ServiceGiven.class),
                                                   null, null, null, null)),
                g.next(g.employed(2, LocalDate.of(2026, 11, 20), null, STREET_AGENCY))));

        assertThat(statistics(NOVEMBER, NOVEMBER, null, STREET_AGENCY).months()).containsExactly(
                month(NOVEMBER, 0, 0, 0, 0, Map.of(CancellationGround.MOVED_ABROAD, 1), 0, 1, 0, Map.of()));
        assertThat(statistics(NOVEMBER, NOVEMBER, null, OTHER_STREET_AGENCY).months()).containsExactly(
                month(NOVEMBER, 0, 1, 1, 0, Map.of(), 0, 1, 1, Map.of(ContactMethod.PHONE, 1)));
    }

    @Test
    void absurdRangesAreRefused() {
        assertThatThrownBy(() -> statistics(NOVEMBER, OCTOBER, null, STREET_AGENCY))
                .isInstanceOf(InvalidQueryInputException.class).extracting("field").isEqualTo("to");
        assertThatThrownBy(() -> statistics(null, OCTOBER, null, STREET_AGENCY))
                .isInstanceOf(InvalidQueryInputException.class).extracting("field").isEqualTo("from");
        assertThatThrownBy(() -> statistics(YearMonth.of(2016, 10), OCTOBER, null, STREET_AGENCY))
                .isInstanceOf(InvalidQueryInputException.class).extracting("field").isEqualTo("to");
        // 120 months exactly is answered.
        assertThat(statistics(YearMonth.of(2016, 11), OCTOBER, null, STREET_AGENCY).months()).hasSize(120);
    }

    @Test
    void redeliveryAndReplayChangeNothing() throws Exception {
        List<DomainEventMessage<?>> stream = dataset();
        groups.deliverBatch(stream);
        Map<String, List<Document>> before = model();
        assertThat(statistics(MAY, DECEMBER, null, STREET_AGENCY).months()).containsExactlyElementsOf(streetMayToDecember());

        groups.deliverBatch(stream);
        groups.deliver(stream);
        List<DomainEventMessage<?>> twice = new ArrayList<>(stream);
        twice.addAll(stream);
        groups.deliverBatch(twice);
        // An old event after newer ones: C's registration again, E's hire again.
        groups.deliver(List.of(c.at(0, c.registered(1, LocalDate.of(2026, 9, 15), STREET_AGENCY)),
                               d.at(0, d.registered(1, LocalDate.of(2026, 8, 1), STREET_AGENCY))));

        assertThat(model()).isEqualTo(before);
        assertThat(statistics(MAY, DECEMBER, null, STREET_AGENCY).months()).containsExactlyElementsOf(streetMayToDecember());

        new AnnotationEventHandlerAdapter(new AreaStatisticsProjection(projections.writer())).prepareReset();
        assertThat(model()).isEmpty();
        groups.deliverBatch(stream);
        assertThat(model()).isEqualTo(before);
    }

    @Test
    void documentsAreKeyedByAgencyAndHoldNoPersonalData() {
        groups.deliver(dataset());

        Map<String, List<Document>> model = model();
        assertThat(model.get(AreaStatisticsProjection.FACTS))
                .allSatisfy(doc -> assertThat(doc.getString("_id")).matches("\\d+\\|\\d\\d#.+"));
        assertThat(model.toString()).doesNotContain("某某机械有限公司", "下月再次联系", "person");
        Document dPart = SharedDocuments.find(fixture.database().getCollection(AreaStatisticsProjection.FACTS),
                                              AreaStatisticsProjection.factsId(STREET_AGENCY, d.caseId()))
                                        .get("cases", Document.class).get(d.caseId(), Document.class);
        Document spells = dPart.get("spells", Document.class);
        assertThat(spells.keySet()).containsExactly("1", "2");
        assertThat(spells.get("1", Document.class).getString("ground")).isEqualTo("FULL_TIME_SCHOOL");
        assertThat(spells.get("1", Document.class).getString("end")).isEqualTo("2026-10-01");
        assertThat(spells.get("2", Document.class).getString("start")).isEqualTo("2026-11-16");

        // A's November: the earliest recording of each method used, nothing more.
        assertThat(model.get(AreaStatisticsProjection.MONTHS))
                .allSatisfy(doc -> assertThat(doc.getString("_id")).matches("\\d+\\|2026-1[012]\\|\\d\\d#.+"));
        Document aNovember = SharedDocuments.find(fixture.database().getCollection(AreaStatisticsProjection.MONTHS),
                                                  AreaStatisticsProjection.monthId(STREET_AGENCY, NOVEMBER, a.caseId()))
                                            .get("cases", Document.class).get(a.caseId(), Document.class);
        assertThat(aNovember.get("contacts", Document.class).get("1", Document.class).keySet())
                .containsExactly("PHONE", "ON_SITE_VISIT");
    }

    Map<String, List<Document>> model() {
        Map<String, List<Document>> model = new TreeMap<>(fixture.dump());
        model.keySet().retainAll(List.of(AreaStatisticsProjection.FACTS, AreaStatisticsProjection.MONTHS,
                                         AreaStatisticsProjection.SPELL_AGENCIES));
        return model;
    }
}
