package cn.pes.casework.query.audittrail;

import cn.pes.casework.query.common.Docs;
import cn.pes.casework.query.common.EventMetadata;
import cn.pes.casework.query.projection.Buckets;
import cn.pes.casework.query.projection.ProjectionWriter;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.ResetHandler;
import org.bson.Document;
import org.springframework.stereotype.Component;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/**
 * Who did what (操作查询): every domain event of every aggregate (cases, employers, fairs, whatever
 * comes next) as an action — event ID, aggregate type and ID, sequence, event type, when recorded, and
 * the officer, agency, channel and correlation ID of its metadata. Identifiers and event types only:
 * no payload, so no personal data, and nothing to remove on erasure.
 * <ul>
 * <li>{@value #BY_OFFICER}: {@code {_id: "officerId|yyyy-MM-dd|NN", officerId, day, cases: {<aggregateKey>:
 * {actions: [action..]}}, seq: {<aggregateKey>: n}}} — an officer's day, spread over
 * {@value #OFFICER_BUCKETS} documents by aggregate.</li>
 * <li>{@value #BY_AGENCY}: the same per acting agency and day, over {@value #AGENCY_BUCKETS} documents.</li>
 * <li>{@value #BY_CORRELATION}: {@code {_id: correlationId, cases: ..., seq: ...}} — one request's actions.</li>
 * </ul>
 * The day is the recording time's date in the agencies' zone (Asia/Shanghai). Each aggregate's part is
 * guarded by the event's sequence, so replays and redeliveries add nothing; an event outside any
 * aggregate (none today) is its own part at sequence 0, which also applies once.
 */
@Component
@ProcessingGroup(OfficerActionsProjection.PROCESSING_GROUP)
public class OfficerActionsProjection {

    public static final String PROCESSING_GROUP = "officer-actions";
    public static final String BY_OFFICER = "officer_actions";
    public static final String BY_AGENCY = "agency_actions";
    public static final String BY_CORRELATION = "correlated_actions";
    /** Fixed: changing them needs a rebuild of the read model (reset the group's tokens). */
    public static final int OFFICER_BUCKETS = 4;
    public static final int AGENCY_BUCKETS = 8;
    static final ZoneId AGENCY_ZONE = ZoneId.of("Asia/Shanghai");
    static final String ACTIONS = "actions";

    private final ProjectionWriter writer;

    public OfficerActionsProjection(ProjectionWriter writer) {
        this.writer = writer;
    }

    static String officerDayKey(String officerId, LocalDate day) {
        return officerId + "|" + day;
    }

    static String agencyDayKey(String agencyId, LocalDate day) {
        return agencyId + "|" + day;
    }

    @ResetHandler
    void reset() {
        writer.drop(BY_OFFICER, BY_AGENCY, BY_CORRELATION);
    }

    /** Every event, whatever its payload: the audit trail must not miss a type added later. */
    @EventHandler
    void on(Object payload, EventMessage<?> message) {
        String aggregateType = null;
        String aggregateId = null;
        long sequence = 0;
        if (message instanceof DomainEventMessage<?> domain && domain.getAggregateIdentifier() != null) {
            aggregateType = domain.getType();
            aggregateId = domain.getAggregateIdentifier();
            sequence = domain.getSequenceNumber();
        }
        String partKey = aggregateId == null ? "event:" + message.getIdentifier()
                : (aggregateType == null ? "" : aggregateType) + ":" + aggregateId;
        EventMetadata metadata = EventMetadata.of(message.getMetaData());
        Document action = new Document("eventId", message.getIdentifier())
                .append("aggregateType", aggregateType)
                .append("aggregateId", aggregateId)
                .append("sequence", sequence)
                .append("eventType", message.getPayloadType().getSimpleName())
                .append("recordedAt", Docs.instant(message.getTimestamp()))
                .append("officerId", metadata.officerId())
                .append("agencyId", metadata.agencyId())
                .append("channel", metadata.channel())
                .append("correlationId", metadata.correlationId());
        LocalDate day = message.getTimestamp().atZone(AGENCY_ZONE).toLocalDate();
        if (metadata.officerId() != null) {
            String key = officerDayKey(metadata.officerId(), day);
            writer.updatePart(BY_OFFICER, Buckets.of(key, partKey, OFFICER_BUCKETS),
                              new Document("officerId", metadata.officerId()).append("day", day.toString()),
                              partKey, sequence, part -> withAction(part, action));
        }
        if (metadata.agencyId() != null) {
            String key = agencyDayKey(metadata.agencyId(), day);
            writer.updatePart(BY_AGENCY, Buckets.of(key, partKey, AGENCY_BUCKETS),
                              new Document("agencyId", metadata.agencyId()).append("day", day.toString()),
                              partKey, sequence, part -> withAction(part, action));
        }
        if (metadata.correlationId() != null) {
            writer.updatePart(BY_CORRELATION, metadata.correlationId(), null, partKey, sequence,
                              part -> withAction(part, action));
        }
    }

    /** Appends the action once: the sequence guard already stops a redelivery, the event ID is a second check. */
    private static Document withAction(Document part, Document action) {
        Document changed = part == null ? new Document() : part;
        List<Document> actions = new ArrayList<>(changed.getList(ACTIONS, Document.class, List.of()));
        String eventId = action.getString("eventId");
        if (actions.stream().noneMatch(existing -> eventId.equals(existing.getString("eventId")))) {
            actions.add(action);
        }
        changed.put(ACTIONS, actions);
        return changed;
    }
}
