package cn.pes.casework.query.replay;

import cn.pes.casework.events.cancellation.CancellationGround;
import cn.pes.casework.events.cancellation.Evidence;
import cn.pes.casework.events.comparison.ComparisonBatchCompleted;
import cn.pes.casework.events.comparison.ComparisonBatchImported;
import cn.pes.casework.events.comparison.ComparisonRowsProcessed;
import cn.pes.casework.events.comparison.ExternalRecord;
import cn.pes.casework.events.comparison.ExternalRecordKind;
import cn.pes.casework.events.comparison.MatchCounts;
import cn.pes.casework.events.comparison.ProposalSource;
import cn.pes.casework.events.comparison.RecordFileFormat;
import cn.pes.casework.events.comparison.RowProblem;
import cn.pes.casework.events.comparison.StatusChangeProposalDismissed;
import cn.pes.casework.events.comparison.StatusChangeProposed;
import cn.pes.casework.events.employment.EmploymentDetails;
import cn.pes.casework.events.employment.EmploymentType;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import cn.pes.casework.events.entrepreneurship.Business;
import cn.pes.casework.events.entrepreneurship.EntrepreneurshipTrainingCompleted;
import cn.pes.casework.events.entrepreneurship.EntrepreneurshipTrainingEnrolled;
import cn.pes.casework.events.entrepreneurship.GuaranteeLoanApplied;
import cn.pes.casework.events.entrepreneurship.GuaranteeLoanApproved;
import cn.pes.casework.events.entrepreneurship.GuaranteeLoanDisbursed;
import cn.pes.casework.events.entrepreneurship.GuaranteeLoanEligibilityAssessed;
import cn.pes.casework.events.entrepreneurship.LegalForm;
import cn.pes.casework.events.entrepreneurship.LoanApplication;
import cn.pes.casework.events.entrepreneurship.LoanInterestSubsidised;
import cn.pes.casework.events.entrepreneurship.LoanKeyGroup;
import cn.pes.casework.events.entrepreneurship.LoanRepaymentRecorded;
import cn.pes.casework.events.entrepreneurship.TrainingType;
import cn.pes.casework.events.tracking.EmploymentStatus;
import cn.pes.casework.query.support.CaseEvents;
import cn.pes.casework.query.support.JobIntroductionStory;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * A scripted history for replays: the job introduction story (fairs, employer, referrals, guidance)
 * and three registered people with tracking contacts in November 2026, recorded at known instants and
 * appended in an order that is not the order of their timestamps:
 * <ul>
 * <li>P (street 990101001 of county 990101): contact p-1 on 11-05 recorded 11-05, p-2 on 11-20 recorded
 * 11-20, employed from 11-27 recorded 11-28.</li>
 * <li>Q (street 990101002 of county 990101): contact q-2 on 11-12 entered late, recorded 11-25.</li>
 * <li>S (street 990101002): contact s-1 on 11-10 recorded 11-10 but appended last, after events
 * recorded later (another case's slow transaction).</li>
 * <li>R (street 990102001 of the other county 990102): contact r-1 on 11-08 recorded 11-08.</li>
 * </ul>
 * So the county 990101's November ledger as known at {@link #CUT_OFF} (11-15 00:00 UTC) has p-1 and s-1;
 * the whole history has p-1, s-1, q-2 and p-2.
 */
public final class ReplayHistory {

    static final Instant CUT_OFF = Instant.parse("2026-11-15T00:00:00Z");
    static final String COUNTY = JobIntroductionStory.COUNTY;
    static final String SECOND_STREET = JobIntroductionStory.SECOND_STREET;

    final CaseEvents p = CaseEvents.newCase();
    final CaseEvents q = CaseEvents.newCase();
    final CaseEvents r = CaseEvents.newCase();
    final CaseEvents s = CaseEvents.newCase();
    final CaseEvents t = CaseEvents.newCase();
    public final List<DomainEventMessage<?>> events = new ArrayList<>();

    public ReplayHistory() {
        events.addAll(new JobIntroductionStory().history());
        events.add(p.next(p.openedWithKey(CaseEvents.person("110105198001010011", "赵一"))));
        events.add(p.next(p.registered(1, LocalDate.of(2026, 10, 8), CaseEvents.STREET_AGENCY)));
        events.add(q.next(q.openedWithKey(CaseEvents.person("110105198001010022", "钱二"))));
        events.add(q.next(q.registered(1, LocalDate.of(2026, 10, 9), SECOND_STREET)));
        events.add(r.next(r.openedWithKey(CaseEvents.person("110105198001010033", "孙三"))));
        events.add(r.next(r.registered(1, LocalDate.of(2026, 10, 10), CaseEvents.OTHER_STREET_AGENCY)));
        events.add(s.next(s.openedWithKey(CaseEvents.person("110105198001010044", "李四"))));
        events.add(s.next(s.registered(1, LocalDate.of(2026, 10, 11), SECOND_STREET)));
        events.add(p.nextRecordedAt(at("2026-11-05T02:00:00Z"),
                p.phoneContact(1, "p-1", LocalDate.of(2026, 11, 5), EmploymentStatus.UNEMPLOYED, CaseEvents.STREET_AGENCY)));
        events.add(r.nextRecordedAt(at("2026-11-08T02:00:00Z"),
                r.phoneContact(1, "r-1", LocalDate.of(2026, 11, 8), EmploymentStatus.UNEMPLOYED, CaseEvents.OTHER_STREET_AGENCY)));
        events.add(p.nextRecordedAt(at("2026-11-20T02:00:00Z"),
                p.phoneContact(1, "p-2", LocalDate.of(2026, 11, 20), EmploymentStatus.UNEMPLOYED, CaseEvents.STREET_AGENCY)));
        events.add(q.nextRecordedAt(at("2026-11-25T02:00:00Z"),
                q.phoneContact(1, "q-2", LocalDate.of(2026, 11, 12), EmploymentStatus.UNEMPLOYED, SECOND_STREET)));
        events.add(p.nextRecordedAt(at("2026-11-28T02:00:00Z"),
                p.employed(1, LocalDate.of(2026, 11, 27), null, CaseEvents.STREET_AGENCY)));
        // Appended after events recorded later than it: the cut-off must not stop at q-2.
        events.add(s.nextRecordedAt(at("2026-11-10T02:00:00Z"),
                s.phoneContact(1, "s-1", LocalDate.of(2026, 11, 10), EmploymentStatus.UNEMPLOYED, SECOND_STREET)));
        // Entrepreneurship (issue 8): a training and a loan through to a repayment and an interest subsidy.
        events.add(t.next(t.openedWithKey(CaseEvents.person("110105198001010055", "周五"))));
        events.add(t.next(new EntrepreneurshipTrainingEnrolled(t.caseId(), "t-1", "inst-1", "市创业学院",
                TrainingType.START_YOUR_BUSINESS, LocalDate.of(2026, 9, 1), SECOND_STREET, LocalDate.of(2026, 8, 20))));
        events.add(t.next(new EntrepreneurshipTrainingCompleted(t.caseId(), "t-1", "inst-1", LocalDate.of(2026, 9, 20), "SYB-1")));
        events.add(t.next(new GuaranteeLoanApplied(t.caseId(), "loan-1", new LoanApplication(
                new Business("周记面馆", LegalForm.INDIVIDUAL_BUSINESS, null, true), "面馆", new BigDecimal("100000"), 24,
                List.of(), List.of()), SECOND_STREET, LocalDate.of(2026, 10, 1), LocalDate.of(2026, 10, 1))));
        events.add(t.next(new GuaranteeLoanEligibilityAssessed(t.caseId(), "loan-1", true, List.of(),
                Set.of(LoanKeyGroup.REGISTERED_UNEMPLOYED), 46, new BigDecimal("200000"), 36, 0, LocalDate.of(2026, 10, 1), "v1")));
        events.add(t.next(new GuaranteeLoanApproved(t.caseId(), "loan-1", new BigDecimal("100000"), 24, "工商银行", "DB-1",
                LocalDate.of(2026, 10, 10), SECOND_STREET)));
        events.add(t.next(new GuaranteeLoanDisbursed(t.caseId(), "loan-1", new BigDecimal("100000"), LocalDate.of(2026, 10, 15),
                LocalDate.of(2028, 10, 15))));
        events.add(t.next(new LoanRepaymentRecorded(t.caseId(), "loan-1", "rp-1", LocalDate.of(2026, 10, 30),
                new BigDecimal("10000"), new BigDecimal("300"), new BigDecimal("90000"))));
        events.add(t.next(new LoanInterestSubsidised(t.caseId(), "loan-1", LocalDate.of(2026, 10, 15), LocalDate.of(2026, 10, 31),
                new BigDecimal("300"), new BigDecimal("150"), LocalDate.of(2026, 11, 1))));
        // Information comparison (issue 9): a batch through to its completion, a match proposing Q's
        // employment (left open) and lost contact proposed for T and dismissed.
        ComparisonBatchImported imported = new ComparisonBatchImported("batch-1", ExternalRecordKind.SOCIAL_INSURANCE_ENROLMENT,
                "市社保中心", LocalDate.of(2026, 11, 9), "社保.csv", RecordFileFormat.CSV, 3, 2, 1,
                List.of(new RowProblem(3, "idNumber", "ID_NUMBER_CHECK_DIGIT", null)), "officer-7", SECOND_STREET,
                LocalDate.of(2026, 11, 10));
        events.add(batchEvent(0, imported, at("2026-11-10T01:00:00Z")));
        events.add(batchEvent(1, new ComparisonRowsProcessed("batch-1", 4, new MatchCounts(2, 1, 0, 0, 0, 1),
                new MatchCounts(2, 1, 0, 0, 0, 1)), at("2026-11-10T01:01:00Z")));
        events.add(q.next(new StatusChangeProposed(q.caseId(), 1, "q-sp-1", ProposalSource.DATA_MATCH,
                new EmploymentDetails(EmploymentType.EMPLOYED_BY_UNIT, "某某机械有限公司", LocalDate.of(2026, 11, 1)), null,
                new Evidence(Evidence.EvidenceSource.DATA_MATCH, "batch-1:2", null),
                new ExternalRecord("batch-1", 2, ExternalRecordKind.SOCIAL_INSURANCE_ENROLMENT, "市社保中心",
                        LocalDate.of(2026, 11, 9), LocalDate.of(2026, 11, 1), "某某机械有限公司"),
                null, LocalDate.of(2026, 11, 10), SECOND_STREET)));
        events.add(batchEvent(2, new ComparisonBatchCompleted("batch-1", new MatchCounts(2, 1, 0, 0, 0, 1),
                LocalDate.of(2026, 11, 10)), at("2026-11-10T01:02:00Z")));
        events.add(t.next(new StatusChangeProposed(t.caseId(), 1, "t-sp-1", ProposalSource.LOST_CONTACT, null,
                CancellationGround.NO_CONTACT_SIX_MONTHS, new Evidence(Evidence.EvidenceSource.CONTACT_RECORD, null, null),
                null, LocalDate.of(2026, 5, 2), LocalDate.of(2026, 11, 3), SECOND_STREET)));
        events.add(t.next(new StatusChangeProposalDismissed(t.caseId(), "t-sp-1", "已电话联系本人", LocalDate.of(2026, 11, 4))));
    }

    private static DomainEventMessage<?> batchEvent(long sequence, Object payload, Instant recordedAt) {
        return new GenericDomainEventMessage<>("ComparisonBatch", "batch-1", sequence, payload, java.util.Map.of(),
                                               "batch-1#" + sequence, recordedAt);
    }

    /** An event store holding the history, in this order. */
    public EmbeddedEventStore store() {
        EmbeddedEventStore store = EmbeddedEventStore.builder().storageEngine(new InMemoryEventStorageEngine()).build();
        store.publish(events);
        return store;
    }

    private static Instant at(String instant) {
        return Instant.parse(instant);
    }
}
