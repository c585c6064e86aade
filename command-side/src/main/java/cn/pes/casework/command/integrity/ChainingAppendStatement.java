package cn.pes.casework.command.integrity;

import cn.pes.casework.command.integrity.HashChain.StoredEvent;
import cn.pes.casework.events.shared.CaseMetadata;
import org.axonframework.common.DateTimeUtils;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.eventsourcing.eventstore.jdbc.statements.AppendEventsStatementBuilder;
import org.axonframework.eventsourcing.eventstore.jdbc.statements.TimestampWriter;
import org.axonframework.messaging.MetaData;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Axon's append of events with every event's hash-chain link added to its metadata, computed over the bytes
 * that are inserted (see {@link HashChain}). It replaces Axon's default statement one for one: the same
 * batched INSERT of the same nine columns, so a duplicate sequence number still surfaces as Axon's
 * concurrency conflict.
 * <p>
 * The previous link of an event is the one before it in the same append, else the link stored in the case's
 * event just before it (read on the append's own connection, inside its transaction), else {@link
 * HashChain#GENESIS}: for a case's first event, and for the first event appended to a case recorded before the
 * chain existed. Two writers racing on one case both read the same previous event, but only one of them can
 * insert the next sequence number, so the links of what is stored always follow one line.
 */
public class ChainingAppendStatement implements AppendEventsStatementBuilder {

    @Override
    public PreparedStatement build(Connection connection, EventSchema schema, Class<?> dataType,
                                   List<? extends EventMessage<?>> events, Serializer serializer,
                                   TimestampWriter timestampWriter) throws SQLException {
        Map<String, String> lastLinkByAggregate = new HashMap<>();
        PreparedStatement statement = connection.prepareStatement("INSERT INTO " + schema.domainEventTable()
                + " (" + schema.domainEventFields() + ") VALUES (?,?,?,?,?,?,?,?,?)");
        try {
            for (EventMessage<?> message : events) {
                DomainEventMessage<?> event = asDomainEvent(message);
                String previous = lastLinkByAggregate.get(event.getAggregateIdentifier());
                if (previous == null) {
                    previous = storedLinkBefore(connection, schema, event);
                }
                SerializedObject<?> payload = event.serializePayload(serializer, dataType);
                MetaData withoutLink = event.getMetaData()
                        .withoutKeys(java.util.Set.of(CaseMetadata.CHAIN_HASH, CaseMetadata.CHAIN_PREVIOUS));
                String timestamp = DateTimeUtils.formatInstant(event.getTimestamp());
                StoredEvent stored = new StoredEvent(event.getIdentifier(), event.getAggregateIdentifier(),
                        event.getSequenceNumber(), event.getType(), payload.getType().getName(),
                        payload.getType().getRevision(), timestamp, bytes(payload.getData()),
                        bytes(serializer.serialize(withoutLink, dataType).getData()));
                String link = HashChain.link(previous, stored);
                lastLinkByAggregate.put(event.getAggregateIdentifier(), link);
                MetaData withLink = withoutLink.and(CaseMetadata.CHAIN_PREVIOUS, previous)
                        .and(CaseMetadata.CHAIN_HASH, link);

                statement.setString(1, event.getIdentifier());
                statement.setString(2, event.getAggregateIdentifier());
                statement.setLong(3, event.getSequenceNumber());
                statement.setString(4, event.getType());
                timestampWriter.writeTimestamp(statement, 5, event.getTimestamp());
                statement.setString(6, payload.getType().getName());
                statement.setString(7, payload.getType().getRevision());
                statement.setObject(8, payload.getData());
                statement.setObject(9, serializer.serialize(withLink, dataType).getData());
                statement.addBatch();
            }
        } catch (SQLException | RuntimeException e) {
            statement.close();
            throw e;
        }
        return statement;
    }

    /** The link stored in the aggregate's event just before this one, or the genesis value. */
    private static String storedLinkBefore(Connection connection, EventSchema schema, DomainEventMessage<?> event)
            throws SQLException {
        if (event.getSequenceNumber() == 0) {
            return HashChain.GENESIS;
        }
        try (PreparedStatement query = connection.prepareStatement("SELECT " + schema.metaDataColumn() + " FROM "
                + schema.domainEventTable() + " WHERE " + schema.aggregateIdentifierColumn() + " = ? AND "
                + schema.sequenceNumberColumn() + " = ?")) {
            query.setString(1, event.getAggregateIdentifier());
            query.setLong(2, event.getSequenceNumber() - 1);
            try (ResultSet row = query.executeQuery()) {
                String link = row.next() ? HashChain.storedLink(row.getBytes(1))[0] : null;
                return link == null ? HashChain.GENESIS : link;
            }
        }
    }

    private static byte[] bytes(Object data) {
        if (data instanceof byte[] bytes) {
            return bytes;
        }
        if (data instanceof String text) {
            return text.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        }
        throw new IllegalStateException("the chained event store stores bytes or text, not " + data.getClass().getName());
    }

    /** As Axon stores an event that belongs to no aggregate: its own identifier as aggregate, sequence 0. */
    private static DomainEventMessage<?> asDomainEvent(EventMessage<?> event) {
        return event instanceof DomainEventMessage<?> domain ? domain
                : new GenericDomainEventMessage<>(null, event.getIdentifier(), 0L, event, event::getTimestamp);
    }
}
