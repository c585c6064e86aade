package cn.pes.casework.query.casehistory;

import cn.pes.casework.events.entrepreneurship.EntrepreneurshipTrainingEnrolled;
import cn.pes.casework.events.entrepreneurship.EntrepreneurshipTrainingCompleted;
import cn.pes.casework.events.entrepreneurship.EntrepreneurshipTrainingDroppedOut;
import cn.pes.casework.events.entrepreneurship.GuaranteeLoanApplied;
import cn.pes.casework.events.entrepreneurship.GuaranteeLoanEligibilityAssessed;
import cn.pes.casework.events.entrepreneurship.GuaranteeLoanApproved;
import cn.pes.casework.events.entrepreneurship.GuaranteeLoanDeclined;
import cn.pes.casework.events.entrepreneurship.GuaranteeLoanDisbursed;
import cn.pes.casework.events.entrepreneurship.LoanRepaymentRecorded;
import cn.pes.casework.events.entrepreneurship.GuaranteeLoanOverdue;
import cn.pes.casework.events.entrepreneurship.GuaranteeLoanRepaid;
import cn.pes.casework.events.entrepreneurship.LoanInterestSubsidised;
import cn.pes.casework.events.cancellation.CancellationProposalConfirmed;
import cn.pes.casework.events.cancellation.CancellationProposalDismissed;
import cn.pes.casework.events.cancellation.CancellationProposed;
import cn.pes.casework.events.comparison.StatusChangeProposalConfirmed;
import cn.pes.casework.events.comparison.StatusChangeProposalDismissed;
import cn.pes.casework.events.comparison.StatusChangeProposed;
import cn.pes.casework.events.cancellation.RegistrationCancelled;
import cn.pes.casework.events.fair.FairAttended;
import cn.pes.casework.events.fair.FairInvitationSent;
import cn.pes.casework.events.jobseeking.CareerGuidanceGiven;
import cn.pes.casework.events.jobseeking.JobIntentionsUpdated;
import cn.pes.casework.events.jobseeking.JobReferred;
import cn.pes.casework.events.jobseeking.JobSeekingClosed;
import cn.pes.casework.events.jobseeking.JobSeekingPublished;
import cn.pes.casework.events.jobseeking.JobSeekingRegistered;
import cn.pes.casework.events.jobseeking.JobSeekingRejected;
import cn.pes.casework.events.jobseeking.JobSeekingReviewDeadlineMissed;
import cn.pes.casework.events.jobseeking.ReferralOutcomeRecorded;
import cn.pes.casework.events.employment.Employed;
import cn.pes.casework.events.erasure.PersonalDataErased;
import cn.pes.casework.events.registration.CaseOpened;
import cn.pes.casework.events.registration.PersonalDetailsUpdated;
import cn.pes.casework.events.registration.RegistrationApplied;
import cn.pes.casework.events.registration.RegistrationApproved;
import cn.pes.casework.events.registration.RegistrationRefused;
import cn.pes.casework.events.registration.RegistrationRejected;
import cn.pes.casework.events.registration.UnemploymentRegistered;
import cn.pes.casework.events.subsidy.CertificateRefused;
import cn.pes.casework.events.subsidy.CertificateSubmitted;
import cn.pes.casework.events.subsidy.SubsidyApproved;
import cn.pes.casework.events.subsidy.SubsidyObjectionDismissed;
import cn.pes.casework.events.subsidy.SubsidyObjectionRaised;
import cn.pes.casework.events.subsidy.SubsidyObjectionUpheld;
import cn.pes.casework.events.subsidy.SubsidyPaid;
import cn.pes.casework.events.subsidy.SubsidyPaymentDeadlineMissed;
import cn.pes.casework.events.subsidy.SubsidyPublicityEnded;
import cn.pes.casework.events.subsidy.SubsidyRejected;
import cn.pes.casework.events.subsidy.SubsidyReviewDeadlineMissed;
import cn.pes.casework.events.subsidy.SubsidyReviewStarted;
import cn.pes.casework.events.tracking.TrackingContactRecorded;
import cn.pes.casework.query.common.Docs;
import cn.pes.casework.query.common.EventMetadata;
import cn.pes.casework.query.projection.ProjectionWriter;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.SequenceNumber;
import org.bson.Document;
import org.springframework.stereotype.Component;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Collection {@value #COLLECTION}, one document per case ({@code _id} = case ID):
 * <pre>
 * { _id, entries: [{sequence, recordedAt, effectiveDate, eventType, title, description,
 *   officerId, agencyId, channel, correlationId}], lastSequence }
 * </pre>
 * Events of a recruitment fair about the person (invitation, attendance; JOB-5) belong to the fair's
 * stream, whose sequence says nothing about the case's: they are kept apart in {@value #FAIR_ENTRIES},
 * {@code {_id: caseId, cases: {<fairKey>: {entries: [entry]}}, seq: {<fairKey>: n}}}, guarded per fair,
 * and merged into the history by when they were recorded; their {@code sequence} is the fair stream's.
 */
@Component
@ProcessingGroup(CaseHistoryProjection.PROCESSING_GROUP)
public class CaseHistoryProjection {

    public static final String PROCESSING_GROUP = "case-history";
    public static final String COLLECTION = "case_histories";
    public static final String FAIR_ENTRIES = "case_history_fair_entries";

    private final ProjectionWriter writer;

    public CaseHistoryProjection(ProjectionWriter writer) {
        this.writer = writer;
    }

    @ResetHandler
    void reset() {
        writer.drop(COLLECTION, FAIR_ENTRIES);
    }

    @EventHandler
    void on(CaseOpened event, @SequenceNumber long sequence, EventMessage<?> message) {
        append(event.caseId(), sequence, message, null, HistoryTexts.of(event));
    }

    @EventHandler
    void on(RegistrationRefused event, @SequenceNumber long sequence, EventMessage<?> message) {
        append(event.caseId(), sequence, message, event.appliedOn(), HistoryTexts.of(event));
    }

    @EventHandler
    void on(RegistrationApplied event, @SequenceNumber long sequence, EventMessage<?> message) {
        append(event.caseId(), sequence, message, event.appliedOn(), HistoryTexts.of(event));
    }

    @EventHandler
    void on(PersonalDetailsUpdated event, @SequenceNumber long sequence, EventMessage<?> message) {
        append(event.caseId(), sequence, message, null, HistoryTexts.of(event));
    }

    @EventHandler
    void on(RegistrationApproved event, @SequenceNumber long sequence, EventMessage<?> message) {
        append(event.caseId(), sequence, message, event.decidedOn(), HistoryTexts.of(event));
    }

    @EventHandler
    void on(RegistrationRejected event, @SequenceNumber long sequence, EventMessage<?> message) {
        append(event.caseId(), sequence, message, event.decidedOn(), HistoryTexts.of(event));
    }

    @EventHandler
    void on(UnemploymentRegistered event, @SequenceNumber long sequence, EventMessage<?> message) {
        append(event.caseId(), sequence, message, event.registeredOn(), HistoryTexts.of(event));
    }

    @EventHandler
    void on(TrackingContactRecorded event, @SequenceNumber long sequence, EventMessage<?> message) {
        append(event.caseId(), sequence, message, event.contactDate(), HistoryTexts.of(event));
    }

    @EventHandler
    void on(Employed event, @SequenceNumber long sequence, EventMessage<?> message) {
        append(event.caseId(), sequence, message, event.employment().startDate(), HistoryTexts.of(event));
    }

    @EventHandler
    void on(RegistrationCancelled event, @SequenceNumber long sequence, EventMessage<?> message) {
        append(event.caseId(), sequence, message, event.effectiveDate(), HistoryTexts.of(event));
    }

    @EventHandler
    void on(PersonalDataErased event, @SequenceNumber long sequence, EventMessage<?> message) {
        append(event.caseId(), sequence, message, event.erasedOn(), HistoryTexts.of(event));
    }

    @EventHandler
    void on(CertificateSubmitted event, @SequenceNumber long sequence, EventMessage<?> message) {
        append(event.caseId(), sequence, message, event.receivedOn(), HistoryTexts.of(event));
    }

    @EventHandler
    void on(CertificateRefused event, @SequenceNumber long sequence, EventMessage<?> message) {
        append(event.caseId(), sequence, message, event.receivedOn(), HistoryTexts.of(event));
    }

    @EventHandler
    void on(SubsidyReviewStarted event, @SequenceNumber long sequence, EventMessage<?> message) {
        append(event.caseId(), sequence, message, event.startedOn(), HistoryTexts.of(event));
    }

    @EventHandler
    void on(SubsidyApproved event, @SequenceNumber long sequence, EventMessage<?> message) {
        append(event.caseId(), sequence, message, event.decidedOn(), HistoryTexts.of(event));
    }

    @EventHandler
    void on(SubsidyRejected event, @SequenceNumber long sequence, EventMessage<?> message) {
        append(event.caseId(), sequence, message, event.decidedOn(), HistoryTexts.of(event));
    }

    @EventHandler
    void on(SubsidyObjectionRaised event, @SequenceNumber long sequence, EventMessage<?> message) {
        append(event.caseId(), sequence, message, event.raisedOn(), HistoryTexts.of(event));
    }

    @EventHandler
    void on(SubsidyObjectionDismissed event, @SequenceNumber long sequence, EventMessage<?> message) {
        append(event.caseId(), sequence, message, event.resolvedOn(), HistoryTexts.of(event));
    }

    @EventHandler
    void on(SubsidyObjectionUpheld event, @SequenceNumber long sequence, EventMessage<?> message) {
        append(event.caseId(), sequence, message, event.resolvedOn(), HistoryTexts.of(event));
    }

    @EventHandler
    void on(SubsidyPublicityEnded event, @SequenceNumber long sequence, EventMessage<?> message) {
        append(event.caseId(), sequence, message, event.endedOn(), HistoryTexts.of(event));
    }

    @EventHandler
    void on(SubsidyReviewDeadlineMissed event, @SequenceNumber long sequence, EventMessage<?> message) {
        append(event.caseId(), sequence, message, event.dueOn(), HistoryTexts.of(event));
    }

    @EventHandler
    void on(SubsidyPaymentDeadlineMissed event, @SequenceNumber long sequence, EventMessage<?> message) {
        append(event.caseId(), sequence, message, event.dueOn(), HistoryTexts.of(event));
    }

    @EventHandler
    void on(SubsidyPaid event, @SequenceNumber long sequence, EventMessage<?> message) {
        append(event.caseId(), sequence, message, event.paidOn(), HistoryTexts.of(event));
    }

    @EventHandler
    void on(EntrepreneurshipTrainingEnrolled event, @SequenceNumber long sequence, EventMessage<?> message) {
        append(event.caseId(), sequence, message, event.recordedOn(), HistoryTexts.of(event));
    }

    @EventHandler
    void on(EntrepreneurshipTrainingCompleted event, @SequenceNumber long sequence, EventMessage<?> message) {
        append(event.caseId(), sequence, message, event.completedOn(), HistoryTexts.of(event));
    }

    @EventHandler
    void on(EntrepreneurshipTrainingDroppedOut event, @SequenceNumber long sequence, EventMessage<?> message) {
        append(event.caseId(), sequence, message, event.droppedOutOn(), HistoryTexts.of(event));
    }

    @EventHandler
    void on(GuaranteeLoanApplied event, @SequenceNumber long sequence, EventMessage<?> message) {
        append(event.caseId(), sequence, message, event.appliedOn(), HistoryTexts.of(event));
    }

    @EventHandler
    void on(GuaranteeLoanEligibilityAssessed event, @SequenceNumber long sequence, EventMessage<?> message) {
        append(event.caseId(), sequence, message, event.assessedOn(), HistoryTexts.of(event));
    }

    @EventHandler
    void on(GuaranteeLoanApproved event, @SequenceNumber long sequence, EventMessage<?> message) {
        append(event.caseId(), sequence, message, event.approvedOn(), HistoryTexts.of(event));
    }

    @EventHandler
    void on(GuaranteeLoanDeclined event, @SequenceNumber long sequence, EventMessage<?> message) {
        append(event.caseId(), sequence, message, event.declinedOn(), HistoryTexts.of(event));
    }

    @EventHandler
    void on(GuaranteeLoanDisbursed event, @SequenceNumber long sequence, EventMessage<?> message) {
        append(event.caseId(), sequence, message, event.disbursedOn(), HistoryTexts.of(event));
    }

    @EventHandler
    void on(LoanRepaymentRecorded event, @SequenceNumber long sequence, EventMessage<?> message) {
        append(event.caseId(), sequence, message, event.paidOn(), HistoryTexts.of(event));
    }

    @EventHandler
    void on(GuaranteeLoanOverdue event, @SequenceNumber long sequence, EventMessage<?> message) {
        append(event.caseId(), sequence, message, event.overdueSince(), HistoryTexts.of(event));
    }

    @EventHandler
    void on(GuaranteeLoanRepaid event, @SequenceNumber long sequence, EventMessage<?> message) {
        append(event.caseId(), sequence, message, event.repaidOn(), HistoryTexts.of(event));
    }

    @EventHandler
    void on(LoanInterestSubsidised event, @SequenceNumber long sequence, EventMessage<?> message) {
        append(event.caseId(), sequence, message, event.paidOn(), HistoryTexts.of(event));
    }

    @EventHandler
    void on(JobSeekingRegistered event, @SequenceNumber long sequence, EventMessage<?> message) {
        append(event.caseId(), sequence, message, event.receivedOn(), HistoryTexts.of(event));
    }

    @EventHandler
    void on(JobIntentionsUpdated event, @SequenceNumber long sequence, EventMessage<?> message) {
        append(event.caseId(), sequence, message, event.updatedOn(), HistoryTexts.of(event));
    }

    @EventHandler
    void on(JobSeekingPublished event, @SequenceNumber long sequence, EventMessage<?> message) {
        append(event.caseId(), sequence, message, event.decidedOn(), HistoryTexts.of(event));
    }

    @EventHandler
    void on(JobSeekingRejected event, @SequenceNumber long sequence, EventMessage<?> message) {
        append(event.caseId(), sequence, message, event.decidedOn(), HistoryTexts.of(event));
    }

    @EventHandler
    void on(JobSeekingReviewDeadlineMissed event, @SequenceNumber long sequence, EventMessage<?> message) {
        append(event.caseId(), sequence, message, event.dueOn(), HistoryTexts.of(event));
    }

    @EventHandler
    void on(JobSeekingClosed event, @SequenceNumber long sequence, EventMessage<?> message) {
        append(event.caseId(), sequence, message, event.closedOn(), HistoryTexts.of(event));
    }

    @EventHandler
    void on(JobReferred event, @SequenceNumber long sequence, EventMessage<?> message) {
        append(event.caseId(), sequence, message, event.referredOn(), HistoryTexts.of(event));
    }

    @EventHandler
    void on(ReferralOutcomeRecorded event, @SequenceNumber long sequence, EventMessage<?> message) {
        append(event.caseId(), sequence, message, event.outcomeOn(), HistoryTexts.of(event));
    }

    @EventHandler
    void on(CareerGuidanceGiven event, @SequenceNumber long sequence, EventMessage<?> message) {
        append(event.caseId(), sequence, message, event.heldOn(), HistoryTexts.of(event));
    }

    @EventHandler
    void on(CancellationProposed event, @SequenceNumber long sequence, EventMessage<?> message) {
        append(event.caseId(), sequence, message, event.proposedOn(), HistoryTexts.of(event));
    }

    @EventHandler
    void on(CancellationProposalConfirmed event, @SequenceNumber long sequence, EventMessage<?> message) {
        append(event.caseId(), sequence, message, event.decidedOn(), HistoryTexts.of(event));
    }

    @EventHandler
    void on(CancellationProposalDismissed event, @SequenceNumber long sequence, EventMessage<?> message) {
        append(event.caseId(), sequence, message, event.decidedOn(), HistoryTexts.of(event));
    }

    @EventHandler
    void on(StatusChangeProposed event, @SequenceNumber long sequence, EventMessage<?> message) {
        append(event.caseId(), sequence, message, event.proposedOn(), HistoryTexts.of(event));
    }

    @EventHandler
    void on(StatusChangeProposalConfirmed event, @SequenceNumber long sequence, EventMessage<?> message) {
        append(event.caseId(), sequence, message, event.decidedOn(), HistoryTexts.of(event));
    }

    @EventHandler
    void on(StatusChangeProposalDismissed event, @SequenceNumber long sequence, EventMessage<?> message) {
        append(event.caseId(), sequence, message, event.decidedOn(), HistoryTexts.of(event));
    }

    @EventHandler
    void on(FairInvitationSent event, @SequenceNumber long sequence, EventMessage<?> message) {
        appendFromFair(event.caseId(), event.fairId(), sequence, message, event.invitedOn(), HistoryTexts.of(event));
    }

    @EventHandler
    void on(FairAttended event, @SequenceNumber long sequence, EventMessage<?> message) {
        appendFromFair(event.caseId(), event.fairId(), sequence, message, event.attendedOn(), HistoryTexts.of(event));
    }

    /** The fair's part of the case's fair entries, guarded by the fair stream's sequence. */
    private void appendFromFair(String caseId, String fairId, long sequence, EventMessage<?> message,
                                LocalDate effectiveDate, HistoryTexts.Text text) {
        if (caseId == null || fairId == null) {
            return;
        }
        Document entry = entry(sequence, message, effectiveDate, text);
        writer.updatePart(FAIR_ENTRIES, caseId, null, fairId, sequence, current -> {
            List<Document> entries = new ArrayList<>(current == null ? List.of()
                    : current.getList("entries", Document.class, List.of()));
            entries.add(entry);
            return new Document("entries", entries);
        });
    }

    private void append(String caseId, long sequence, EventMessage<?> message, LocalDate effectiveDate,
                        HistoryTexts.Text text) {
        Document entry = entry(sequence, message, effectiveDate, text);
        writer.updateDocument(COLLECTION, caseId, sequence, doc -> {
            // Not getList(key, Document.class): it checks every element, which made a case's n appends
            // cost n squared checks (a 1,000-event as-of fold, issue 10). Only this projection writes the list.
            @SuppressWarnings("unchecked")
            List<Document> entries = (List<Document>) doc.get("entries", List.class);
            if (entries == null) {
                entries = new ArrayList<>();
                doc.put("entries", entries);
            }
            entries.add(entry);
        });
    }

    private static Document entry(long sequence, EventMessage<?> message, LocalDate effectiveDate,
                                  HistoryTexts.Text text) {
        EventMetadata metadata = EventMetadata.of(message.getMetaData());
        Document entry = new Document("sequence", sequence)
                .append("recordedAt", Docs.instant(message.getTimestamp()))
                .append("effectiveDate", Docs.date(effectiveDate))
                .append("eventType", message.getPayloadType().getSimpleName())
                .append("title", text.title())
                .append("description", text.description())
                .append("officerId", metadata.officerId())
                .append("agencyId", metadata.agencyId())
                .append("channel", metadata.channel())
                .append("correlationId", metadata.correlationId());
        return entry;
    }
}
