package cn.pes.casework.query.casehistory;

import cn.pes.casework.events.cancellation.CancellationGround;
import cn.pes.casework.events.cancellation.Evidence;
import cn.pes.casework.events.casefile.CaseHistoryView;
import cn.pes.casework.events.casefile.FindCaseHistoryQuery;
import cn.pes.casework.events.casefile.HistoryEntry;
import cn.pes.casework.events.shared.Channel;
import cn.pes.casework.events.shared.PersonCategory;
import cn.pes.casework.events.subsidy.ApplicationPlace;
import cn.pes.casework.events.subsidy.CertificateSubmitted;
import cn.pes.casework.events.subsidy.LivingAllowanceClaim;
import cn.pes.casework.events.subsidy.SubsidyApproved;
import cn.pes.casework.events.tracking.ContactMethod;
import cn.pes.casework.events.tracking.EmploymentStatus;
import cn.pes.casework.events.tracking.ServiceGiven;
import cn.pes.casework.events.tracking.TrackingContactRecorded;
import cn.pes.casework.query.support.CaseEvents;
import cn.pes.casework.query.support.ProjectionTestBase;
import org.axonframework.eventhandling.DomainEventMessage;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
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
    /** A person's skills subsidy applications (SUB-1..SUB-7): one refused, one through every step to payment. */
    private List<DomainEventMessage<?>> subsidies() {
        CertificateSubmitted submitted = new CertificateSubmitted(events.caseId(), "a-1",
                CaseEvents.certificate("S000044010001263001234"), ApplicationPlace.INSURED, STREET_AGENCY,
                new LivingAllowanceClaim(EnumSet.of(PersonCategory.TWO_AFTER_STUDENT), LocalDate.of(2025, 7, 1), true),
                LocalDate.of(2026, 9, 28), LocalDate.of(2026, 10, 20), false, "SUB-2026-01");
        return List.of(
                events.next(events.opened(CaseEvents.person(ID_NUMBER, NAME))),
                events.next(events.certificateRefused("a-0", STREET_AGENCY, LocalDate.of(2026, 9, 21))),
                events.next(submitted),
                events.next(events.reviewStarted("a-1", LocalDate.of(2026, 9, 29))),
                events.next(events.reviewDeadlineMissed("a-1", STREET_AGENCY, LocalDate.of(2026, 10, 20))),
                events.next(new SubsidyApproved(events.caseId(), "a-1", new BigDecimal("1500.00"), new BigDecimal("500"),
                                                LocalDate.of(2026, 10, 22), true, LocalDate.of(2026, 10, 29), true,
                                                "SUB-2026-01")),
                events.next(events.objectionRaised("a-1", "o-1", LocalDate.of(2026, 10, 26))),
                events.next(events.publicityEnded("a-1", LocalDate.of(2026, 10, 29), null)),
                events.next(events.objectionDismissed("a-1", "o-1", LocalDate.of(2026, 11, 3), LocalDate.of(2027, 1, 29))),
                events.next(events.paymentDeadlineMissed("a-1", STREET_AGENCY, LocalDate.of(2027, 1, 29))),
                events.next(events.subsidyPaid("a-1", STREET_AGENCY, "1500", "500", LocalDate.of(2027, 2, 3), true)),
                events.next(events.certificateSubmitted("a-2", STREET_AGENCY, LocalDate.of(2027, 3, 1), LocalDate.of(2027, 3, 22))),
                events.next(events.subsidyApproved("a-2", LocalDate.of(2027, 3, 10), "0", false, LocalDate.of(2027, 3, 17))),
                events.next(events.objectionRaised("a-2", "o-2", LocalDate.of(2027, 3, 12))),
                events.next(events.objectionUpheld("a-2", "o-2", LocalDate.of(2027, 3, 19))),
                events.next(events.subsidyRejected("a-2", LocalDate.of(2027, 3, 19), false, "o-2")),
                events.next(events.certificateSubmitted("a-3", STREET_AGENCY, LocalDate.of(2027, 4, 1), LocalDate.of(2027, 4, 22))),
                events.next(events.subsidyRejected("a-3", LocalDate.of(2027, 4, 23), true, null)),
                events.next(events.certificateSubmitted("a-4", STREET_AGENCY, LocalDate.of(2027, 5, 6), LocalDate.of(2027, 5, 27))),
                events.next(events.subsidyApproved("a-4", LocalDate.of(2027, 5, 10), "0", false, LocalDate.of(2027, 5, 17))),
                events.next(events.publicityEnded("a-4", LocalDate.of(2027, 5, 17), LocalDate.of(2027, 8, 13))));
    }

    @Test
    void everySubsidyEventBecomesAnEntryInPlainWords() {
        projections.deliver(subsidies().toArray(DomainEventMessage[]::new));

        List<HistoryEntry> entries = history().entries();
        assertThat(entries).extracting(HistoryEntry::eventType).containsExactly(
                "CaseOpened", "CertificateRefused", "CertificateSubmitted", "SubsidyReviewStarted",
                "SubsidyReviewDeadlineMissed", "SubsidyApproved", "SubsidyObjectionRaised", "SubsidyPublicityEnded",
                "SubsidyObjectionDismissed", "SubsidyPaymentDeadlineMissed", "SubsidyPaid", "CertificateSubmitted",
                "SubsidyApproved", "SubsidyObjectionRaised", "SubsidyObjectionUpheld", "SubsidyRejected",
                "CertificateSubmitted", "SubsidyRejected", "CertificateSubmitted", "SubsidyApproved", "SubsidyPublicityEnded");
        assertThat(entries).extracting(HistoryEntry::title).containsExactly(
                "建立档案", "技能提升补贴不予受理", "申请技能提升补贴", "补贴开始审核", "审核超期", "补贴审核通过", "公示异议",
                "公示期满", "异议不成立", "拨付超期", "拨付补贴", "申请技能提升补贴", "补贴审核通过", "公示异议", "异议成立",
                "不予补贴", "申请技能提升补贴", "不予补贴", "申请技能提升补贴", "补贴审核通过", "公示期满");
        assertThat(entries).extracting(HistoryEntry::effectiveDate).containsExactly(
                null, LocalDate.of(2026, 9, 21), LocalDate.of(2026, 9, 28), LocalDate.of(2026, 9, 29),
                LocalDate.of(2026, 10, 20), LocalDate.of(2026, 10, 22), LocalDate.of(2026, 10, 26),
                LocalDate.of(2026, 10, 29), LocalDate.of(2026, 11, 3), LocalDate.of(2027, 1, 29), LocalDate.of(2027, 2, 3),
                LocalDate.of(2027, 3, 1), LocalDate.of(2027, 3, 10), LocalDate.of(2027, 3, 12), LocalDate.of(2027, 3, 19),
                LocalDate.of(2027, 3, 19), LocalDate.of(2027, 4, 1), LocalDate.of(2027, 4, 23), LocalDate.of(2027, 5, 6),
                LocalDate.of(2027, 5, 10), LocalDate.of(2027, 5, 17));

        assertThat(entries.get(1).description()).isEqualTo(
                "提交职业技能证书（电工 四级/中级工，证书编号 S0000440100012630a-0，2026-03-20 发证），申请技能提升补贴，"
                        + "不予受理：ALREADY_SUBSIDISED（SUB-7）");
        assertThat(entries.get(2).description()).isEqualTo(
                "提交职业技能证书（电工 四级/中级工，证书编号 S000044010001263001234，2026-03-20 发证），向参保地人社部门申请技能提升补贴，"
                        + "同时申请生活费补贴（两后生，2025-07-01毕业，农村或城乡低保家庭），审核期限 2026-10-20");
        assertThat(entries.get(3).description()).isEqualTo("技能提升补贴申请开始审核");
        assertThat(entries.get(4).description()).isEqualTo("审核超期（应于 2026-10-20 前审核）");
        assertThat(entries.get(5).description()).isEqualTo(
                "技能提升补贴审核通过，核定补贴 1500 元、生活费补贴 500 元；公示至 2026-10-29（缺少当年节假日安排，暂按周末推算）；已超过审核期限");
        assertThat(entries.get(6).description()).isEqualTo("公示期间收到异议：反映证书系代考取得；异议处理完毕前暂缓拨付");
        assertThat(entries.get(7).description()).isEqualTo("公示期满，异议尚未处理完毕，暂缓拨付");
        assertThat(entries.get(8).description()).isEqualTo("公示异议经核查不成立：经核实证书系本人考取；应于 2027-01-29 前拨付");
        assertThat(entries.get(9).description()).isEqualTo("拨付超期（应于 2027-01-29 前拨付）");
        assertThat(entries.get(10).description()).isEqualTo("已拨付补贴 1500 元、生活费补贴 500 元，账户 ****1234；已超过拨付期限");
        assertThat(entries.get(12).description()).isEqualTo("技能提升补贴审核通过，核定补贴 1500 元；公示至 2027-03-17");
        assertThat(entries.get(14).description()).isEqualTo("公示异议经核查成立：经核实证书系他人代考");
        assertThat(entries.get(15).description()).isEqualTo("公示异议成立，不予补贴，理由：证书等级与申报不符");
        assertThat(entries.get(17).description()).isEqualTo("技能提升补贴审核不通过，不予补贴，理由：证书等级与申报不符；已超过审核期限");
        assertThat(entries.get(20).description()).isEqualTo("公示期满，应于 2027-08-13 前拨付");
        assertThat(entries).allSatisfy(entry -> assertThat(entry.title() + entry.description())
                .doesNotContain(ID_NUMBER, NAME, PHONE, "***************"));
    }

    @Test
    void subsidyEntriesAreAddedOnceWhateverTheRedelivery() {
        List<DomainEventMessage<?>> stream = subsidies();
        projections.deliverBatch(stream);
        var before = fixture.dump();

        projections.deliverBatch(stream);
        projections.deliver(stream.get(5), stream.get(10));

        assertThat(fixture.dump()).isEqualTo(before);
        assertThat(history().entries()).hasSize(stream.size());
    }
}
