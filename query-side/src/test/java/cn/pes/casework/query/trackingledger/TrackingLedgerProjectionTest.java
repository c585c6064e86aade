package cn.pes.casework.query.trackingledger;

import cn.pes.casework.events.cancellation.CancellationGround;
import cn.pes.casework.events.cancellation.Evidence;
import cn.pes.casework.events.shared.Channel;
import cn.pes.casework.events.tracking.ContactMethod;
import cn.pes.casework.events.tracking.EmploymentStatus;
import cn.pes.casework.events.tracking.FindTrackingLedgerPageQuery;
import cn.pes.casework.events.tracking.FindTrackingLedgerQuery;
import cn.pes.casework.events.tracking.LedgerRow;
import cn.pes.casework.events.tracking.ServiceGiven;
import cn.pes.casework.events.tracking.TrackingContactRecorded;
import cn.pes.casework.events.tracking.TrackingLedgerPage;
import cn.pes.casework.events.tracking.TrackingLedgerView;
import cn.pes.casework.query.support.CaseEvents;
import cn.pes.casework.query.support.ProjectionTestBase;
import org.axonframework.eventhandling.DomainEventMessage;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

import static cn.pes.casework.query.support.CaseEvents.OTHER_STREET_AGENCY;
import static cn.pes.casework.query.support.CaseEvents.STREET_AGENCY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TrackingLedgerProjectionTest extends ProjectionTestBase {

    private static final YearMonth NOVEMBER = YearMonth.of(2026, 11);

    private final CaseEvents events = CaseEvents.newCase();

    private TrackingLedgerView ledger(String agencyId, YearMonth month) {
        return projections.trackingLedger.handle(new FindTrackingLedgerQuery(agencyId, month));
    }

    @Test
    void aRowHasTheTrk3ColumnsAndGoesToTheResponsibleAgencysLedgerOfTheContactMonth() {
        TrackingContactRecorded visit = new TrackingContactRecorded(
                events.caseId(), 1, "c-9", LocalDate.of(2026, 11, 5), ContactMethod.ON_SITE_VISIT, null, true,
                EmploymentStatus.UNEMPLOYED, EnumSet.of(ServiceGiven.JOB_INTRODUCTION, ServiceGiven.TRAINING),
                "推荐参加12月招聘会", CancellationGround.DROPPED_JOB_SEEKING,
                new Evidence(Evidence.EvidenceSource.VISIT, "走访记录 118", "本人表示暂不求职"), STREET_AGENCY);
        projections.deliver(events.next(events.opened(CaseEvents.person("11010519900101123X", "张三"))),
                            events.next(events.registered(1, LocalDate.of(2026, 10, 8), STREET_AGENCY)));
        events.actedBy("officer-9", OTHER_STREET_AGENCY, Channel.BACK_OFFICE);
        projections.deliver(events.next(visit));

        TrackingLedgerView view = ledger(STREET_AGENCY, NOVEMBER);
        assertThat(view.agencyId()).isEqualTo(STREET_AGENCY);
        assertThat(view.month()).isEqualTo(NOVEMBER);
        assertThat(view.rows()).singleElement().satisfies(row -> {
            assertThat(row.contactId()).isEqualTo("c-9");
            assertThat(row.caseId()).isEqualTo(events.caseId());
            assertThat(row.person().name()).isEqualTo("张三");
            assertThat(row.person().idNumber()).isEqualTo("11010519900101123X");
            assertThat(row.contactDate()).isEqualTo(LocalDate.of(2026, 11, 5));
            assertThat(row.method()).isEqualTo(ContactMethod.ON_SITE_VISIT);
            assertThat(row.dataMatchSource()).isNull();
            assertThat(row.reached()).isTrue();
            assertThat(row.statusFound()).isEqualTo(EmploymentStatus.UNEMPLOYED);
            assertThat(row.servicesGiven()).containsExactly(ServiceGiven.JOB_INTRODUCTION, ServiceGiven.TRAINING);
            assertThat(row.nextStep()).isEqualTo("推荐参加12月招聘会");
            assertThat(row.proposedGround()).isEqualTo(CancellationGround.DROPPED_JOB_SEEKING);
            assertThat(row.proposalEvidence()).isEqualTo(
                    new Evidence(Evidence.EvidenceSource.VISIT, "走访记录 118", "本人表示暂不求职"));
            assertThat(row.officerId()).isEqualTo("officer-9");
            assertThat(row.contactingAgencyId()).isEqualTo(OTHER_STREET_AGENCY);
        });
        assertThat(ledger(OTHER_STREET_AGENCY, NOVEMBER).rows()).isEmpty();
        assertThat(ledger(STREET_AGENCY, YearMonth.of(2026, 10)).rows()).isEmpty();
    }

    @Test
    void rowsOfSeveralCasesAreOrderedByContactDate() {
        contactsOfTwoCasesOutOfOrder();

        List<LedgerRow> rows = ledger(STREET_AGENCY, NOVEMBER).rows();
        assertThat(rows).extracting(LedgerRow::contactId).containsExactly("c-1", "c-2", "c-3");
        // The person of the row came from the CaseOpened of the same batch, before anything was written.
        assertThat(rows).extracting(row -> row.person().name()).containsExactly("王五", "张三", "张三");
    }

    @Test
    void aPageHoldsItsSliceOfTheLedgerInLedgerOrderWithTheTotal() {
        contactsOfTwoCasesOutOfOrder();

        TrackingLedgerPage first = page(1, 2);
        TrackingLedgerPage second = page(2, 2);
        TrackingLedgerPage beyond = page(3, 2);

        assertThat(first.totalRows()).isEqualTo(3);
        assertThat(first.rows()).extracting(LedgerRow::contactId).containsExactly("c-1", "c-2");
        assertThat(first.rows()).extracting(row -> row.person().name()).containsExactly("王五", "张三");
        assertThat(second.rows()).extracting(LedgerRow::contactId).containsExactly("c-3");
        assertThat(second).extracting(TrackingLedgerPage::page, TrackingLedgerPage::size, TrackingLedgerPage::totalRows)
                          .containsExactly(2, 2, 3);
        assertThat(beyond.rows()).isEmpty();
        assertThat(beyond.totalRows()).isEqualTo(3);
        // The pages together are the whole ledger, row for row.
        assertThat(Stream.concat(first.rows().stream(), second.rows().stream()).toList())
                .isEqualTo(ledger(STREET_AGENCY, NOVEMBER).rows());
    }

    /**
     * A page is a range of row keys, so key order must be the ledger's order: contact date, when recorded
     * (instants with and without fractions of a second, a second apart and a nanosecond apart), contact ID
     * (one the prefix of another), case.
     */
    @Test
    void rowKeysSortInLedgerOrder() {
        Random random = new Random(11);
        Instant base = Instant.parse("2026-11-03T08:00:00Z");
        List<String> contactIds = List.of("c", "c-1", "c-10", "c-2", "C", "0", "contact-0001");
        record Row(LocalDate date, Instant recordedAt, String contactId, String caseId, String key) {
        }
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < 5_000; i++) {
            LocalDate date = LocalDate.of(2026, 11, 1 + random.nextInt(3));
            Instant recordedAt = base.plusSeconds(random.nextInt(3)).plusNanos(
                    switch (random.nextInt(4)) {
                        case 0 -> 0;
                        case 1 -> random.nextInt(3);
                        case 2 -> 1_000_000L * random.nextInt(1000);
                        default -> random.nextInt(1_000_000_000);
                    });
            String contactId = contactIds.get(random.nextInt(contactIds.size()));
            String caseId = "case-" + random.nextInt(3);
            rows.add(new Row(date, recordedAt, contactId, caseId,
                             TrackingLedgerProjection.rowKey(date, recordedAt, contactId, caseId, i)));
        }
        List<Row> byKey = rows.stream().sorted(Comparator.comparing(Row::key)).toList();
        List<Row> byLedger = rows.stream().sorted(Comparator.comparing(Row::date).thenComparing(Row::recordedAt)
                                                          .thenComparing(Row::contactId).thenComparing(Row::caseId))
                                 .toList();
        assertThat(byKey.stream().map(row -> List.of(row.date(), row.recordedAt(), row.contactId(), row.caseId())))
                .containsExactlyElementsOf(byLedger.stream().map(row -> List.of(row.date(), row.recordedAt(),
                                                                                 row.contactId(), row.caseId())).toList());
    }

    @Test
    void aPageStartsAtOne() {
        assertThatThrownBy(() -> page(0, 50)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> page(1, 0)).isInstanceOf(IllegalArgumentException.class);
    }

    /** Two cases registered at the street, three November contacts (c-1 to c-3 by date) in one batch. */
    private void contactsOfTwoCasesOutOfOrder() {
        CaseEvents other = CaseEvents.newCase();
        projections.deliverBatch(
                events.next(events.opened(CaseEvents.person("11010519900101123X", "张三"))),
                events.next(events.registered(1, LocalDate.of(2026, 10, 8), STREET_AGENCY)),
                other.next(other.opened(CaseEvents.person("110105198502021234", "王五"))),
                other.next(other.registered(1, LocalDate.of(2026, 10, 9), STREET_AGENCY)),
                events.next(events.phoneContact(1, "c-2", LocalDate.of(2026, 11, 20), EmploymentStatus.UNEMPLOYED, STREET_AGENCY)),
                other.next(other.phoneContact(1, "c-1", LocalDate.of(2026, 11, 3), EmploymentStatus.FLEXIBLE, STREET_AGENCY)),
                events.next(events.phoneContact(1, "c-3", LocalDate.of(2026, 11, 26), EmploymentStatus.UNEMPLOYED, STREET_AGENCY)));
    }

    private TrackingLedgerPage page(int page, int size) {
        return projections.trackingLedger.handle(new FindTrackingLedgerPageQuery(STREET_AGENCY, NOVEMBER, page, size));
    }

    @Test
    void redeliveryAddsNoRow() {
        List<DomainEventMessage<?>> stream = List.of(
                events.next(events.opened(CaseEvents.person("11010519900101123X", "张三"))),
                events.next(events.registered(1, LocalDate.of(2026, 10, 8), STREET_AGENCY)),
                events.next(events.phoneContact(1, "c-1", LocalDate.of(2026, 11, 3), EmploymentStatus.UNEMPLOYED, STREET_AGENCY)));
        projections.deliverBatch(stream);
        var before = fixture.dump();

        projections.deliver(stream.get(2));
        projections.deliverBatch(stream);

        assertThat(fixture.dump()).isEqualTo(before);
        assertThat(ledger(STREET_AGENCY, NOVEMBER).rows()).hasSize(1);
    }
}
