package cn.pes.casework.query.casehistory;

import cn.pes.casework.events.cancellation.RegistrationCancelled;
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
 */
@Component
@ProcessingGroup(CaseHistoryProjection.PROCESSING_GROUP)
public class CaseHistoryProjection {

    public static final String PROCESSING_GROUP = "case-history";
    public static final String COLLECTION = "case_histories";

    private final ProjectionWriter writer;

    public CaseHistoryProjection(ProjectionWriter writer) {
        this.writer = writer;
    }

    @ResetHandler
    void reset() {
        writer.drop(COLLECTION);
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

    private void append(String caseId, long sequence, EventMessage<?> message, LocalDate effectiveDate,
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
        writer.updateDocument(COLLECTION, caseId, sequence, doc -> {
            List<Document> entries = doc.getList("entries", Document.class);
            if (entries == null) {
                entries = new ArrayList<>();
                doc.put("entries", entries);
            }
            entries.add(entry);
        });
    }
}
