package cn.pes.casework.query.casehistory;

import cn.pes.casework.events.cancellation.CancellationGround;
import cn.pes.casework.events.cancellation.Evidence;
import cn.pes.casework.events.cancellation.CancellationProposalConfirmed;
import cn.pes.casework.events.cancellation.CancellationProposalDismissed;
import cn.pes.casework.events.cancellation.CancellationProposed;
import cn.pes.casework.events.comparison.ExternalRecord;
import cn.pes.casework.events.comparison.ExternalRecordKind;
import cn.pes.casework.events.comparison.ProposalSource;
import cn.pes.casework.events.comparison.StatusChangeProposalConfirmed;
import cn.pes.casework.events.comparison.StatusChangeProposalDismissed;
import cn.pes.casework.events.comparison.StatusChangeProposed;
import cn.pes.casework.events.employer.EmploymentForm;
import cn.pes.casework.events.employer.WageRange;
import cn.pes.casework.events.fair.FairAttended;
import cn.pes.casework.events.fair.FairInvitationSent;
import cn.pes.casework.events.jobseeking.BasicInformation;
import cn.pes.casework.events.jobseeking.CareerGuidanceGiven;
import cn.pes.casework.events.jobseeking.EducationLevel;
import cn.pes.casework.events.jobseeking.GuidanceTopic;
import cn.pes.casework.events.jobseeking.JobIntentions;
import cn.pes.casework.events.jobseeking.JobIntentionsUpdated;
import cn.pes.casework.events.jobseeking.JobReferred;
import cn.pes.casework.events.jobseeking.JobSeekingCloseReason;
import cn.pes.casework.events.jobseeking.JobSeekingClosed;
import cn.pes.casework.events.jobseeking.JobSeekingPublished;
import cn.pes.casework.events.jobseeking.JobSeekingRegistered;
import cn.pes.casework.events.jobseeking.JobSeekingRejected;
import cn.pes.casework.events.jobseeking.JobSeekingReviewDeadlineMissed;
import cn.pes.casework.events.jobseeking.ReferralOutcome;
import cn.pes.casework.events.jobseeking.ReferralOutcomeRecorded;
import cn.pes.casework.events.jobseeking.ReferredVacancy;
import cn.pes.casework.events.registration.PresentedDocument;
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
import cn.pes.casework.events.employment.EmploymentDetails;
import cn.pes.casework.events.employment.EmploymentType;
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

    /** Job seeking (JOB-2), a referral refused three times (JOB-4, CAN-1), guidance (JOB-1), a proposal (CAN-3). */
    private List<DomainEventMessage<?>> jobSeeking() {
        String id = events.caseId();
        return List.of(
                events.next(events.opened(CaseEvents.person(ID_NUMBER, NAME))),
                events.next(new JobSeekingRegistered(id, 1, "js-1", PresentedDocument.RESIDENT_ID_CARD,
                        new BasicInformation(EducationLevel.VOCATIONAL_SECONDARY, 6, "数控车床"),
                        new JobIntentions(List.of("数控车工", "车工"), 6000, STREET_AGENCY, EnumSet.of(EmploymentForm.FULL_TIME)),
                        STREET_AGENCY, LocalDate.of(2026, 11, 23), LocalDate.of(2026, 11, 24), false, "JOB-2026-01")),
                events.next(new JobSeekingReviewDeadlineMissed(id, "js-1", STREET_AGENCY, LocalDate.of(2026, 11, 24))),
                events.next(new JobSeekingPublished(id, "js-1", LocalDate.of(2026, 11, 25), true)),
                events.next(new JobIntentionsUpdated(id, "js-1", new JobIntentions(List.of("数控车工"), 6500, STREET_AGENCY,
                        EnumSet.allOf(EmploymentForm.class)), LocalDate.of(2026, 11, 26))),
                events.next(new JobReferred(id, 1, "js-1", "r-1", new ReferredVacancy("emp-1", "东湖机械有限公司", "v-1", "数控车工",
                        new WageRange(5000, 7500), STREET_AGENCY, EmploymentForm.FULL_TIME), "fair-1", STREET_AGENCY,
                        LocalDate.of(2026, 11, 26))),
                events.next(new ReferralOutcomeRecorded(id, 1, "r-1", "emp-1", "v-1", "fair-1",
                        ReferralOutcome.REFUSED_WITHOUT_GOOD_REASON, "嫌路远", LocalDate.of(2026, 11, 27), null, 3, STREET_AGENCY)),
                events.next(new CareerGuidanceGiven(id, "g-1", GuidanceTopic.CAREER_DIRECTION, "建议考取高级车工证", "一个月后回访",
                        LocalDate.of(2026, 11, 27), STREET_AGENCY)),
                events.next(new CancellationProposed(id, 1, "p-1", CancellationGround.REFUSED_OFFERS_THREE_TIMES,
                        new Evidence(Evidence.EvidenceSource.STATEMENT, "推荐回访记录", null), List.of("r-0", "r-9", "r-1"),
                        LocalDate.of(2026, 11, 27), STREET_AGENCY)),
                events.next(new CancellationProposalDismissed(id, "p-1", "拒绝理由经核实属实", LocalDate.of(2026, 11, 28))),
                events.next(new CancellationProposed(id, 1, "p-2", CancellationGround.REFUSED_OFFERS_THREE_TIMES, null,
                        List.of(), LocalDate.of(2026, 12, 20), STREET_AGENCY)),
                events.next(new CancellationProposalConfirmed(id, "p-2", LocalDate.of(2026, 12, 21))),
                events.next(new JobSeekingClosed(id, "js-1", JobSeekingCloseReason.REGISTRATION_CANCELLED, LocalDate.of(2026, 12, 21))),
                events.next(new JobSeekingRejected(id, "js-0", "身份信息与档案不符", LocalDate.of(2026, 11, 2), true)));
    }

    @Test
    void everyJobSeekingEventBecomesAnEntryInPlainWords() {
        projections.deliver(jobSeeking().toArray(DomainEventMessage[]::new));

        List<HistoryEntry> entries = history().entries();
        assertThat(entries).extracting(HistoryEntry::eventType).containsExactly("CaseOpened", "JobSeekingRegistered",
                "JobSeekingReviewDeadlineMissed", "JobSeekingPublished", "JobIntentionsUpdated", "JobReferred",
                "ReferralOutcomeRecorded", "CareerGuidanceGiven", "CancellationProposed", "CancellationProposalDismissed",
                "CancellationProposed", "CancellationProposalConfirmed", "JobSeekingClosed", "JobSeekingRejected");
        assertThat(entries.get(1).title()).isEqualTo("求职登记");
        assertThat(entries.get(1).description()).isEqualTo("求职登记，意向职业：数控车工、车工；期望月薪 6000 元；意向地区 990101001；全日制"
                + "；文化程度：中专、技校、职高，工作经验 6 年；出示居民身份证核验身份；应于 2026-11-24 前审核发布");
        assertThat(entries.get(1).effectiveDate()).isEqualTo(LocalDate.of(2026, 11, 23));
        assertThat(entries.get(2).description()).isEqualTo("求职登记审核超期（应于 2026-11-24 前审核发布）");
        assertThat(entries.get(3).description()).isEqualTo("求职登记审核通过并发布，可推荐就业；已超过审核时限");
        assertThat(entries.get(4).description()).isEqualTo("求职意向变更为：意向职业：数控车工；期望月薪 6500 元；意向地区 990101001；全日制、非全日制");
        assertThat(entries.get(5).description()).isEqualTo("推荐至东湖机械有限公司的数控车工岗位（月薪 5000–7500 元，全日制）；招聘会上推荐；待回访推荐结果");
        assertThat(entries.get(6).description()).isEqualTo("推荐回访，结果：本人无正当理由拒绝；说明：嫌路远；本次登记期内第 3 次无正当理由拒绝");
        assertThat(entries.get(6).effectiveDate()).isEqualTo(LocalDate.of(2026, 11, 27));
        assertThat(entries.get(7).description()).isEqualTo("职业指导（职业方向）：建议考取高级车工证；后续：一个月后回访");
        assertThat(entries.get(8).description()).isEqualTo(
                "建议注销失业登记，原因：无正当理由三次拒绝推荐就业或培训（依据 3 次推荐回访）；依据：本人陈述（推荐回访记录）；待经办人员确认或驳回");
        assertThat(entries.get(9).description()).isEqualTo("经办人员驳回注销建议，理由：拒绝理由经核实属实；此前的拒绝不再计入");
        assertThat(entries.get(11).description()).isEqualTo("经办人员确认注销建议，失业登记随之注销");
        assertThat(entries.get(12).description()).isEqualTo("求职登记关闭，原因：失业登记已注销");
        assertThat(entries.get(13).description()).isEqualTo("求职登记审核未通过，理由：身份信息与档案不符；已超过审核时限");
        assertThat(entries).allSatisfy(entry -> assertThat(entry.title() + entry.description())
                .doesNotContain(ID_NUMBER, NAME, PHONE));
    }

    /** Information comparison (TRK-2, CAN-3): proposals from a data match and from lost contact, decided. */
    @Test
    void statusChangeProposalsAndTheirDecisionsBecomeEntriesWithoutABusinesssName() {
        String id = events.caseId();
        projections.deliver(
                events.next(events.opened(CaseEvents.person(ID_NUMBER, NAME))),
                events.next(events.registered(1, LocalDate.of(2026, 3, 2), STREET_AGENCY)),
                events.next(new StatusChangeProposed(id, 1, "sp-1", ProposalSource.DATA_MATCH,
                        new EmploymentDetails(EmploymentType.EMPLOYED_BY_UNIT, "某某机械有限公司", LocalDate.of(2026, 11, 1)), null,
                        new Evidence(Evidence.EvidenceSource.DATA_MATCH, "batch-a:4", null),
                        new ExternalRecord("batch-a", 4, ExternalRecordKind.SOCIAL_INSURANCE_ENROLMENT, "市社保中心",
                                LocalDate.of(2026, 11, 9), LocalDate.of(2026, 11, 1), "某某机械有限公司"),
                        null, LocalDate.of(2026, 11, 10), STREET_AGENCY)),
                events.next(new StatusChangeProposalDismissed(id, "sp-1", "同名同姓，非本人", LocalDate.of(2026, 11, 12))),
                events.next(new StatusChangeProposed(id, 1, "sp-2", ProposalSource.DATA_MATCH,
                        new EmploymentDetails(EmploymentType.SELF_EMPLOYED, "李四小吃店", LocalDate.of(2026, 10, 1)), null,
                        new Evidence(Evidence.EvidenceSource.DATA_MATCH, "batch-b:2", null),
                        new ExternalRecord("batch-b", 2, ExternalRecordKind.BUSINESS_REGISTRATION, "市市场监管局",
                                LocalDate.of(2026, 11, 9), LocalDate.of(2026, 10, 1), "李四小吃店"),
                        null, LocalDate.of(2026, 11, 13), STREET_AGENCY)),
                events.next(new StatusChangeProposed(id, 1, "sp-3", ProposalSource.LOST_CONTACT, null,
                        CancellationGround.NO_CONTACT_SIX_MONTHS,
                        new Evidence(Evidence.EvidenceSource.CONTACT_RECORD, null, "连续 6 个月无联系"), null,
                        LocalDate.of(2026, 5, 6), LocalDate.of(2026, 11, 14), STREET_AGENCY)),
                events.next(new StatusChangeProposalConfirmed(id, "sp-3", LocalDate.of(2026, 11, 15))));

        List<HistoryEntry> entries = history().entries();
        assertThat(entries).extracting(HistoryEntry::eventType).containsExactly("CaseOpened", "UnemploymentRegistered",
                "StatusChangeProposed", "StatusChangeProposalDismissed", "StatusChangeProposed", "StatusChangeProposed",
                "StatusChangeProposalConfirmed");
        assertThat(entries.get(2).title()).isEqualTo("变更建议");
        assertThat(entries.get(2).description()).isEqualTo("建议登记单位就业，就业单位：某某机械有限公司，2026-11-01起就业"
                + "（信息比对：社会保险参保登记，市社保中心，2026-11-01，某某机械有限公司）；依据：信息比对（batch-a:4）"
                + "；待经办人员核实确认或驳回");
        assertThat(entries.get(2).effectiveDate()).isEqualTo(LocalDate.of(2026, 11, 10));
        assertThat(entries.get(3).title()).isEqualTo("驳回变更建议");
        assertThat(entries.get(3).description()).isEqualTo("经办人员驳回变更建议，理由：同名同姓，非本人；同一记录不再提出建议");
        assertThat(entries.get(3).effectiveDate()).isEqualTo(LocalDate.of(2026, 11, 12));
        assertThat(entries.get(4).description()).isEqualTo("建议登记自主创业/个体经营，2026-10-01起就业"
                + "（信息比对：市场主体登记，市市场监管局，2026-10-01）；依据：信息比对（batch-b:2）；待经办人员核实确认或驳回");
        assertThat(entries.get(5).description()).isEqualTo("建议注销失业登记，原因：连续6个月未与公共就业服务机构联系"
                + "（连续失联：最后一次联系 2026-05-06）；依据：联系记录，连续 6 个月无联系；待经办人员核实确认或驳回");
        assertThat(entries.get(6).title()).isEqualTo("确认变更建议");
        assertThat(entries.get(6).description()).isEqualTo("经办人员核实并确认变更建议，登记随之变更");
        assertThat(entries).allSatisfy(entry -> assertThat(entry.title() + entry.description())
                .doesNotContain(ID_NUMBER, NAME, PHONE));
    }

    @Test
    void fairInvitationsAndAttendanceJoinTheHistoryOnceInTheOrderRecorded() {
        CaseEvents fair = CaseEvents.forCase("fair-1");
        String id = events.caseId();
        DomainEventMessage<?> opened = events.next(events.opened(CaseEvents.person(ID_NUMBER, NAME)));
        DomainEventMessage<?> invited = fair.at(3, new FairInvitationSent("fair-1", id, LocalDate.of(2026, 11, 20)));
        DomainEventMessage<?> attended = fair.at(9, new FairAttended("fair-1", id, LocalDate.of(2026, 11, 26)));
        // Between the invitation (recorded at fair sequence 3) and the attendance (9): the case's sequence 4.
        DomainEventMessage<?> registered = events.at(4, events.registered(1, LocalDate.of(2026, 11, 2), STREET_AGENCY));
        List<DomainEventMessage<?>> stream = List.of(opened, invited, registered, attended);
        projections.deliverBatch(stream);

        List<HistoryEntry> entries = history().entries();
        assertThat(entries).extracting(HistoryEntry::eventType)
                .containsExactly("CaseOpened", "FairInvitationSent", "UnemploymentRegistered", "FairAttended");
        assertThat(entries.get(1).description()).isEqualTo("邀请参加招聘会（编号 fair-1）");
        assertThat(entries.get(1).effectiveDate()).isEqualTo(LocalDate.of(2026, 11, 20));
        assertThat(entries.get(3).description()).isEqualTo("到场参加招聘会（编号 fair-1）");

        var before = fixture.dump();
        projections.deliverBatch(stream);
        projections.deliver(invited, attended);
        assertThat(fixture.dump()).isEqualTo(before);
        assertThat(history().entries()).hasSize(4);
    }

    @Test
    void jobSeekingEntriesAreAddedOnceWhateverTheRedelivery() {
        List<DomainEventMessage<?>> stream = jobSeeking();
        projections.deliverBatch(stream);
        var before = fixture.dump();

        projections.deliverBatch(stream);
        projections.deliver(stream.get(5), stream.get(8));

        assertThat(fixture.dump()).isEqualTo(before);
        assertThat(history().entries()).hasSize(stream.size());
    }
}
