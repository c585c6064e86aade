package cn.pes.casework.query.subsidytotals;

import cn.pes.casework.query.projection.SharedDocuments;
import cn.pes.casework.events.subsidy.FindSubsidyTotalsQuery;
import cn.pes.casework.events.subsidy.SubsidyTotals;
import cn.pes.casework.query.support.CaseEvents;
import cn.pes.casework.query.support.ProjectionTestBase;
import com.mongodb.client.model.Filters;
import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.DomainEventMessage;
import org.bson.Document;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static cn.pes.casework.query.support.CaseEvents.OTHER_STREET_AGENCY;
import static cn.pes.casework.query.support.CaseEvents.STREET_AGENCY;
import static org.assertj.core.api.Assertions.assertThat;

class SubsidyTotalsProjectionTest extends ProjectionTestBase {

    private static final YearMonth NOVEMBER = YearMonth.of(2026, 11);
    private static final YearMonth DECEMBER = YearMonth.of(2026, 12);
    private static final SubsidyTotals NONE = new SubsidyTotals(0, BigDecimal.ZERO, 0, BigDecimal.ZERO);

    private final CaseEvents withAllowance = CaseEvents.newCase();
    private final CaseEvents twoCertificates = CaseEvents.newCase();
    private final CaseEvents otherStreet = CaseEvents.newCase();

    private SubsidyTotals totals(YearMonth month, String... departmentIds) {
        return projections.subsidyTotals.handle(new FindSubsidyTotalsQuery(Arrays.asList(departmentIds), month));
    }

    private static SubsidyTotals totals(int subsidies, String subsidyAmount, int allowances, String allowanceAmount) {
        return new SubsidyTotals(subsidies, new BigDecimal(subsidyAmount), allowances, new BigDecimal(allowanceAmount));
    }

    /** Three people, four payments: one with an allowance, one recorded in December for November, one in December. */
    private List<DomainEventMessage<?>> payments() {
        List<DomainEventMessage<?>> stream = new ArrayList<>();
        CaseEvents a = withAllowance;
        stream.add(a.next(a.openedWithKey(CaseEvents.person("110105199001011111", "甲"))));
        stream.add(a.next(a.certificateSubmitted("a-1", STREET_AGENCY, LocalDate.of(2026, 7, 1), LocalDate.of(2026, 7, 22))));
        stream.add(a.next(a.subsidyApproved("a-1", LocalDate.of(2026, 7, 10), "500", false, LocalDate.of(2026, 7, 17))));
        stream.add(a.next(a.publicityEnded("a-1", LocalDate.of(2026, 7, 17), LocalDate.of(2026, 10, 16))));
        stream.add(a.next(a.subsidyPaid("a-1", STREET_AGENCY, "1500", "500", LocalDate.of(2026, 11, 10), true)));
        CaseEvents b = twoCertificates;
        stream.add(b.next(b.openedWithKey(CaseEvents.person("110105199001012222", "乙"))));
        stream.add(b.nextRecordedAt(Instant.parse("2026-12-02T02:00:00Z"),
                                    b.subsidyPaid("b-1", STREET_AGENCY, "1000", "0", LocalDate.of(2026, 11, 30), false)));
        stream.add(b.next(b.subsidyPaid("b-2", STREET_AGENCY, "2000", "0", LocalDate.of(2026, 12, 1), false)));
        CaseEvents c = otherStreet;
        stream.add(c.next(c.openedWithKey(CaseEvents.person("110105199001013333", "丙"))));
        stream.add(c.next(c.subsidyPaid("c-1", OTHER_STREET_AGENCY, "1500.00", "500.00", LocalDate.of(2026, 11, 15), false)));
        return stream;
    }

    @Test
    void paymentsCountInThePayingDepartmentAndTheMonthPaidWithAllowancesApart() {
        projections.deliver(payments().toArray(DomainEventMessage[]::new));

        assertThat(totals(NOVEMBER, STREET_AGENCY)).isEqualTo(totals(2, "2500", 1, "500"));
        assertThat(totals(DECEMBER, STREET_AGENCY)).isEqualTo(totals(1, "2000", 0, "0"));
        assertThat(totals(NOVEMBER, OTHER_STREET_AGENCY)).isEqualTo(totals(1, "1500.00", 1, "500.00"));
        assertThat(totals(YearMonth.of(2026, 10), STREET_AGENCY, OTHER_STREET_AGENCY)).isEqualTo(NONE);
    }

    @Test
    void severalDepartmentsAreSummedAndOneNamedTwiceCountsOnce() {
        projections.deliver(payments().toArray(DomainEventMessage[]::new));

        SubsidyTotals both = totals(NOVEMBER, STREET_AGENCY, OTHER_STREET_AGENCY);
        assertThat(both.subsidiesPaid()).isEqualTo(3);
        assertThat(both.subsidyAmount()).isEqualByComparingTo("4000");
        assertThat(both.allowancesPaid()).isEqualTo(2);
        assertThat(both.allowanceAmount()).isEqualByComparingTo("1000");
        assertThat(totals(NOVEMBER, STREET_AGENCY, OTHER_STREET_AGENCY, STREET_AGENCY)).isEqualTo(both);
        assertThat(totals(NOVEMBER, STREET_AGENCY, "990199999")).isEqualTo(totals(NOVEMBER, STREET_AGENCY));
        assertThat(totals(NOVEMBER)).isEqualTo(NONE);
        assertThat(totals(null, STREET_AGENCY)).isEqualTo(NONE);
    }

    @Test
    void redeliveryAndReplayChangeNoTotal() {
        List<DomainEventMessage<?>> stream = payments();
        projections.deliverBatch(stream);
        Map<String, List<Document>> before = totalsModel();
        SubsidyTotals november = totals(NOVEMBER, STREET_AGENCY, OTHER_STREET_AGENCY);

        projections.deliverBatch(stream);
        projections.deliver(stream.toArray(DomainEventMessage[]::new));
        List<DomainEventMessage<?>> twice = new ArrayList<>(stream);
        twice.addAll(stream);
        projections.deliverBatch(twice);
        projections.deliver(withAllowance.at(4, withAllowance.subsidyPaid("a-1", STREET_AGENCY, "1500", "500",
                                                                          LocalDate.of(2026, 11, 10), true)));

        assertThat(totalsModel()).isEqualTo(before);
        assertThat(totals(NOVEMBER, STREET_AGENCY, OTHER_STREET_AGENCY)).isEqualTo(november);
        assertThat(totals(DECEMBER, STREET_AGENCY)).isEqualTo(totals(1, "2000", 0, "0"));
    }

    @Test
    void documentsAreKeyedByDepartmentAndMonthAndHoldNoPersonalData() {
        projections.deliver(payments().toArray(DomainEventMessage[]::new));

        String caseKey = twoCertificates.caseId();
        Document november = SharedDocuments.find(fixture.database().getCollection(SubsidyTotalsProjection.PAYMENTS), SubsidyTotalsProjection.paymentsId(STREET_AGENCY, NOVEMBER, caseKey));
        assertThat(november.getString("_id")).matches(STREET_AGENCY + "\\|2026-11\\|\\d\\d");
        assertThat(november.getString("departmentId")).isEqualTo(STREET_AGENCY);
        assertThat(november.getString("month")).isEqualTo("2026-11");
        assertThat(november.get("cases", Document.class).get(caseKey, Document.class)).isEqualTo(
                new Document("payments", List.of(new Document("applicationId", "b-1").append("subsidyAmount", "1000")
                                                                                     .append("allowanceAmount", "0"))));
        assertThat(totalsModel().toString()).doesNotContain("110105199001011111", "甲", "乙", "丙", "13812345678",
                                                            "person", "sealed", "1234");
    }

    @Test
    void erasureChangesNoTotal() {
        projections.deliver(payments().toArray(DomainEventMessage[]::new));
        Map<String, List<Document>> stored = totalsModel();
        SubsidyTotals before = totals(NOVEMBER, STREET_AGENCY);

        keys.destroy(withAllowance.caseId(), "admin-1");
        projections.deliver(withAllowance.next(withAllowance.erased(LocalDate.of(2031, 11, 13))));

        assertThat(totals(NOVEMBER, STREET_AGENCY)).isEqualTo(before);
        assertThat(totalsModel()).isEqualTo(stored);
    }

    @Test
    void aResetEmptiesTheModelSoThatTheReplayIsNotSkipped() throws Exception {
        List<DomainEventMessage<?>> stream = payments();
        projections.deliverBatch(stream);
        SubsidyTotals november = totals(NOVEMBER, STREET_AGENCY, OTHER_STREET_AGENCY);

        new AnnotationEventHandlerAdapter(new SubsidyTotalsProjection(projections.writer())).prepareReset();
        assertThat(totalsModel()).isEmpty();
        assertThat(totals(NOVEMBER, STREET_AGENCY, OTHER_STREET_AGENCY)).isEqualTo(NONE);

        projections.deliverBatch(stream);
        assertThat(totals(NOVEMBER, STREET_AGENCY, OTHER_STREET_AGENCY)).isEqualTo(november);
    }

    private Map<String, List<Document>> totalsModel() {
        Map<String, List<Document>> model = new TreeMap<>(fixture.dump());
        model.keySet().retainAll(List.of(SubsidyTotalsProjection.PAYMENTS));
        return model;
    }
}
