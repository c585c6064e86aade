package cn.pes.casework.query.comparison;

import cn.pes.casework.events.cancellation.CancellationGround;
import cn.pes.casework.events.cancellation.CancellationProposed;
import cn.pes.casework.events.cancellation.Evidence;
import cn.pes.casework.events.comparison.ExternalRecord;
import cn.pes.casework.events.comparison.ExternalRecordKind;
import cn.pes.casework.events.comparison.ProposalSource;
import cn.pes.casework.events.comparison.StatusChangeProposed;
import cn.pes.casework.events.employment.EmploymentDetails;
import cn.pes.casework.events.employment.EmploymentType;
import cn.pes.casework.query.support.CaseEvents;
import org.axonframework.eventhandling.DomainEventMessage;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static cn.pes.casework.query.support.CaseEvents.OTHER_STREET_AGENCY;
import static cn.pes.casework.query.support.CaseEvents.STREET_AGENCY;

/**
 * Proposals from each source in three agencies:
 * <ul>
 * <li>p (东湖街道 990101001): a social insurance match proposing employment (p-1, 11-10) and lost
 * contact (p-2, 11-12);</li>
 * <li>q (南山街道 990102001): job seeking's proposal after refused referrals (q-1, 11-05);</li>
 * <li>r (西湖街道 990101002): a death record (r-1, 11-11).</li>
 * </ul>
 */
final class ProposalStory {

    static final String SECOND_STREET = "990101002";
    static final String P_ID_NUMBER = "110105199001011232";
    static final ExternalRecord P_RECORD = new ExternalRecord("batch-a", 4, ExternalRecordKind.SOCIAL_INSURANCE_ENROLMENT,
                                                              "市社保中心", date("2026-11-09"), date("2026-11-01"),
                                                              "某某机械有限公司");
    static final Evidence Q_EVIDENCE = new Evidence(Evidence.EvidenceSource.DOCUMENT, "推荐回执 3 份", "三次无正当理由拒绝");

    final CaseEvents p = CaseEvents.newCase();
    final CaseEvents q = CaseEvents.newCase();
    final CaseEvents r = CaseEvents.newCase();
    final List<DomainEventMessage<?>> events = new ArrayList<>();

    ProposalStory() {
        events.add(p.next(p.openedWithKey(CaseEvents.person(P_ID_NUMBER, "张三"))));
        events.add(p.next(p.registered(1, date("2026-10-08"), STREET_AGENCY)));
        events.add(q.next(q.openedWithKey(CaseEvents.person("110105199001022222", "李四"))));
        events.add(q.next(q.registered(1, date("2026-09-01"), OTHER_STREET_AGENCY)));
        events.add(r.next(r.openedWithKey(CaseEvents.person("110105199001033335", "王五"))));
        events.add(r.next(r.registered(1, date("2026-08-01"), SECOND_STREET)));
        events.add(q.next(new CancellationProposed(q.caseId(), 1, "q-1", CancellationGround.REFUSED_OFFERS_THREE_TIMES,
                                                   Q_EVIDENCE, List.of("ref-1", "ref-2", "ref-3"), date("2026-11-05"),
                                                   OTHER_STREET_AGENCY)));
        events.add(p.next(new StatusChangeProposed(p.caseId(), 1, "p-1", ProposalSource.DATA_MATCH,
                                                   new EmploymentDetails(EmploymentType.EMPLOYED_BY_UNIT, "某某机械有限公司",
                                                                         date("2026-11-01")),
                                                   null, new Evidence(Evidence.EvidenceSource.DATA_MATCH, "batch-a:4", null),
                                                   P_RECORD, null, date("2026-11-10"), STREET_AGENCY)));
        events.add(r.next(new StatusChangeProposed(r.caseId(), 1, "r-1", ProposalSource.DATA_MATCH, null,
                                                   CancellationGround.DIED,
                                                   new Evidence(Evidence.EvidenceSource.DATA_MATCH, "batch-d:2", null),
                                                   new ExternalRecord("batch-d", 2, ExternalRecordKind.DEATH, "市民政局",
                                                                      date("2026-11-10"), date("2026-10-30"), null),
                                                   null, date("2026-11-11"), SECOND_STREET)));
        events.add(p.next(lostContact(p, "p-2", date("2026-11-12"), STREET_AGENCY)));
    }

    static StatusChangeProposed lostContact(CaseEvents events, String proposalId, LocalDate proposedOn, String agencyId) {
        return new StatusChangeProposed(events.caseId(), 1, proposalId, ProposalSource.LOST_CONTACT, null,
                                        CancellationGround.NO_CONTACT_SIX_MONTHS,
                                        new Evidence(Evidence.EvidenceSource.CONTACT_RECORD, null, "连续 6 个月无联系"),
                                        null, date("2026-05-06"), proposedOn, agencyId);
    }

    static LocalDate date(String date) {
        return LocalDate.parse(date);
    }
}
