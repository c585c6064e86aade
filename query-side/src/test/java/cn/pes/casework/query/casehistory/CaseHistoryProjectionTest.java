package cn.pes.casework.query.casehistory;

import cn.pes.casework.events.cancellation.CancellationGround;
import cn.pes.casework.events.cancellation.Evidence;
import cn.pes.casework.events.casefile.CaseHistoryView;
import cn.pes.casework.events.casefile.FindCaseHistoryQuery;
import cn.pes.casework.events.casefile.HistoryEntry;
import cn.pes.casework.events.shared.Channel;
import cn.pes.casework.events.tracking.ContactMethod;
import cn.pes.casework.events.tracking.EmploymentStatus;
import cn.pes.casework.events.tracking.ServiceGiven;
import cn.pes.casework.events.tracking.TrackingContactRecorded;
import cn.pes.casework.query.support.CaseEvents;
import cn.pes.casework.query.support.ProjectionTestBase;
import org.axonframework.eventhandling.DomainEventMessage;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;

import static cn.pes.casework.query.support.CaseEvents.OFFICER;
import static cn.pes.casework.query.support.CaseEvents.STREET_AGENCY;
import static org.assertj.core.api.Assertions.assertThat;

class CaseHistoryProjectionTest extends ProjectionTestBase {

    private static final String ID_NUMBER = "11010519900101123X";
    private static final String NAME = "李四";
    private static final String PHONE = "13812345678";

    private final CaseEvents events = CaseEvents.newCase();

    private CaseHistoryView history() {
        return projections.caseHistory.handle(new FindCaseHistoryQuery(events.caseId()));
    }

    private List<DomainEventMessage<?>> aWholeCase() {
        return List.of(
                events.next(events.opened(CaseEvents.person(ID_NUMBER, NAME))),
                events.next(events.refused(LocalDate.of(2026, 2, 27))),
                events.next(events.registered(1, LocalDate.of(2026, 3, 2), STREET_AGENCY)),
                events.next(events.phoneContact(1, "c-1", LocalDate.of(2026, 4, 8), EmploymentStatus.UNEMPLOYED, STREET_AGENCY)),
                events.next(new TrackingContactRecorded(events.caseId(), 1, "c-2", LocalDate.of(2026, 5, 6),
                                                        ContactMethod.INFORMATION_COMPARISON, "社保缴费记录", false,
                                                        EmploymentStatus.EMPLOYED_BY_UNIT, EnumSet.noneOf(ServiceGiven.class),
                                                        null, CancellationGround.ENLISTED,
                                                        new Evidence(Evidence.EvidenceSource.DATA_MATCH, "比对批次 2026-05", null),
                                                        STREET_AGENCY)),
                events.next(events.employed(1, LocalDate.of(2026, 5, 1), "c-2", STREET_AGENCY)),
                events.next(events.applied(2, LocalDate.of(2026, 10, 12), LocalDate.of(2026, 10, 14), STREET_AGENCY)),
                events.next(events.approved(2, LocalDate.of(2026, 10, 13))),
                events.next(events.registeredOnline(2, LocalDate.of(2026, 10, 13), STREET_AGENCY)),
                events.next(events.cancelled(2, LocalDate.of(2026, 11, 20), STREET_AGENCY)));
    }

    @Test
    void unknownCaseIsNull() {
        assertThat(history()).isNull();
    }

    @Test
    void everyEventBecomesAnEntryInPlainWords() {
        projections.deliver(aWholeCase().toArray(DomainEventMessage[]::new));

        List<HistoryEntry> entries = history().entries();
        assertThat(entries).extracting(HistoryEntry::sequence).containsExactly(0L, 1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L);
        assertThat(entries).extracting(HistoryEntry::eventType).containsExactly(
                "CaseOpened", "RegistrationRefused", "UnemploymentRegistered", "TrackingContactRecorded",
                "TrackingContactRecorded", "Employed", "RegistrationApplied", "RegistrationApproved",
                "UnemploymentRegistered", "RegistrationCancelled");

        assertThat(entries.get(1).description()).isEqualTo("窗口申请失业登记，不符合登记条件：已就业（REG-1）");
        assertThat(entries.get(1).effectiveDate()).isEqualTo(LocalDate.of(2026, 2, 27));
        assertThat(entries.get(2).title()).isEqualTo("失业登记");
        assertThat(entries.get(2).description()).startsWith("窗口办理失业登记，原因：失去工作");
        assertThat(entries.get(2).description()).contains("出示居民身份证", "人员类别：就业困难人员");
        assertThat(entries.get(3).title()).isEqualTo("跟踪调查");
        assertThat(entries.get(3).description()).startsWith("电话调查：已联系上，未就业；提供服务：政策咨询、职业指导");
        assertThat(entries.get(3).effectiveDate()).isEqualTo(LocalDate.of(2026, 4, 8));
        assertThat(entries.get(4).description())
                .isEqualTo("信息比对（比对来源：社保缴费记录）：未联系上，单位就业；建议注销，原因：应征入伍；依据：信息比对（比对批次 2026-05）");
        assertThat(entries.get(5).description()).startsWith("实现单位就业，就业单位：某某机械有限公司，2026-05-01起就业；本次失业登记终止");
        assertThat(entries.get(6).description()).contains("通过市公共就业服务云平台申请失业登记（第2次登记）", "应于2026-10-14前作出决定");
        assertThat(entries.get(8).description()).startsWith("经市公共就业服务云平台申请，办理失业登记（第2次登记），原因：毕业未就业");
        assertThat(entries.get(9).description()).contains("注销失业登记，原因：应征入伍", "已电话告知本人（2026-11-20）");
    }

    @Test
    void entriesCarryTimesAndMetadata() {
        events.actedBy("officer-42", "990102", Channel.BACK_OFFICE);
        projections.deliver(events.next(events.opened(CaseEvents.person(ID_NUMBER, NAME))));

        HistoryEntry entry = history().entries().get(0);
        assertThat(entry.recordedAt()).isEqualTo(CaseEvents.T0);
        assertThat(entry.effectiveDate()).isNull();
        assertThat(entry.officerId()).isEqualTo("officer-42");
        assertThat(entry.agencyId()).isEqualTo("990102");
        assertThat(entry.channel()).isEqualTo("BACK_OFFICE");
        assertThat(entry.correlationId()).isEqualTo("corr-" + events.caseId() + "-0");
        assertThat(entry.title()).isEqualTo("建立档案");
    }

    @Test
    void noPersonalDataInTitlesOrDescriptions() {
        projections.deliver(aWholeCase().toArray(DomainEventMessage[]::new));

        assertThat(history().entries()).allSatisfy(entry -> {
            assertThat(entry.title() + entry.description()).doesNotContain(ID_NUMBER, ID_NUMBER.substring(6, 14), NAME, PHONE);
        });
    }

    @Test
    void redeliveryAndReplayInBatchesAddNoEntries() {
        List<DomainEventMessage<?>> stream = aWholeCase();
        projections.deliverBatch(stream);
        var before = fixture.dump();

        projections.deliverBatch(stream);
        projections.deliver(stream.get(3), stream.get(9));

        assertThat(fixture.dump()).isEqualTo(before);
        assertThat(history().entries()).hasSize(10);
        assertThat(OFFICER).isEqualTo(history().entries().get(0).officerId());
    }
}
