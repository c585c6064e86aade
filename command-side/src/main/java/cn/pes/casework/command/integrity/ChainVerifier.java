package cn.pes.casework.command.integrity;

import cn.pes.casework.command.integrity.HashChain.StoredEvent;
import cn.pes.casework.events.integrity.ChainBreak;
import cn.pes.casework.events.integrity.ChainVerification;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.function.Consumer;

/**
 * Recomputes an aggregate's hash chain from the rows of the event table, read directly over JDBC in sequence
 * order — never through Axon, whose upcasters and serializers could hide what is really stored.
 * <p>
 * What it finds: a stored event whose payload, metadata, type, timestamp or identifiers changed (its content no
 * longer hashes to its link: {@link ChainBreak.Kind#CONTENT_CHANGED}); an event replaced together with its link
 * (the next event's previous link no longer matches: {@link ChainBreak.Kind#LINK_BROKEN}); a deleted event in the
 * middle ({@link ChainBreak.Kind#SEQUENCE_GAP}); a link stripped from an event after the chain began ({@link
 * ChainBreak.Kind#HASH_MISSING}).
 * <p>
 * What it cannot find: the last events of a case deleted together (nothing after them points at them), and a
 * rewrite of the whole chain from the changed event on by someone who can write to the database and knows this
 * scheme (the links are not secret: there is no key). Both need the head link kept outside the database — the
 * {@link ChainVerification#headHash()} of each check, anchored e.g. in a signed daily list — which is the next
 * step. Events recorded before the chain began (stored without links) are counted, not verified; the chain
 * starts after them.
 */
public class ChainVerifier {

    private final DataSource dataSource;
    private final EventSchema schema;
    private final Clock clock;

    public ChainVerifier(DataSource dataSource, EventSchema schema, Clock clock) {
        this.dataSource = dataSource;
        this.schema = schema;
        this.clock = clock;
    }

    /** Checks one aggregate; an unknown one answers with no events checked. */
    public ChainVerification verify(String aggregateId) {
        return verify(aggregateId, null);
    }

    /**
     * Checks one aggregate of the given type (Axon's aggregate type, e.g. {@code ClientCase}); an unknown one, or
     * one of another type, answers with no events checked.
     */
    public ChainVerification verify(String aggregateId, String aggregateType) {
        Walk walk = new Walk(aggregateId);
        read(aggregateId, walk);
        if (aggregateType != null && walk.firstType != null && !aggregateType.equals(walk.firstType)) {
            return new Walk(aggregateId).result(clock);
        }
        return walk.result(clock);
    }

    /** Checks every aggregate in the store, handing each result over as it is done; answers how many. */
    public int verifyAll(Consumer<ChainVerification> results) {
        int[] count = {0};
        Walk[] current = {null};
        readAll(event -> {
            if (current[0] == null || !current[0].aggregateId.equals(event.aggregateId())) {
                if (current[0] != null) {
                    results.accept(current[0].result(clock));
                    count[0]++;
                }
                current[0] = new Walk(event.aggregateId());
            }
            current[0].accept(event);
        });
        if (current[0] != null) {
            results.accept(current[0].result(clock));
            count[0]++;
        }
        return count[0];
    }

    private void read(String aggregateId, Consumer<StoredEvent> events) {
        String sql = select() + " WHERE " + schema.aggregateIdentifierColumn() + " = ? ORDER BY "
                + schema.sequenceNumberColumn();
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, aggregateId);
            stream(statement, events);
        } catch (SQLException e) {
            throw new IllegalStateException("the event store could not be read", e);
        }
    }

    private void readAll(Consumer<StoredEvent> events) {
        String sql = select() + " ORDER BY " + schema.aggregateIdentifierColumn() + ", " + schema.sequenceNumberColumn();
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setFetchSize(500);
            stream(statement, events);
        } catch (SQLException e) {
            throw new IllegalStateException("the event store could not be read", e);
        }
    }

    private String select() {
        return "SELECT " + String.join(", ", schema.eventIdentifierColumn(), schema.aggregateIdentifierColumn(),
                schema.sequenceNumberColumn(), schema.typeColumn(), schema.payloadTypeColumn(),
                schema.payloadRevisionColumn(), schema.timestampColumn(), schema.payloadColumn(),
                schema.metaDataColumn()) + " FROM " + schema.domainEventTable();
    }

    private static void stream(PreparedStatement statement, Consumer<StoredEvent> events) throws SQLException {
        try (ResultSet rows = statement.executeQuery()) {
            while (rows.next()) {
                events.accept(new StoredEvent(rows.getString(1), rows.getString(2), rows.getLong(3), rows.getString(4),
                        rows.getString(5), rows.getString(6), rows.getString(7), rows.getBytes(8), rows.getBytes(9)));
            }
        }
    }

    /** One pass along an aggregate's events, remembering the first break. */
    private static final class Walk implements Consumer<StoredEvent> {
        private final String aggregateId;
        private int checked;
        private int preChain;
        private long expectedSequence;
        private String previousLink;
        private ChainBreak firstBreak;
        private String firstType;

        Walk(String aggregateId) {
            this.aggregateId = aggregateId;
        }

        @Override
        public void accept(StoredEvent event) {
            if (checked++ == 0) {
                firstType = event.type();
            }
            String[] stored = HashChain.storedLink(event.metadata());
            String link = stored[0];
            if (event.sequenceNumber() != expectedSequence) {
                breakAt(event, ChainBreak.Kind.SEQUENCE_GAP);
            }
            expectedSequence = event.sequenceNumber() + 1;
            if (link == null) {
                if (previousLink == null) {
                    preChain++;
                } else {
                    breakAt(event, ChainBreak.Kind.HASH_MISSING);
                }
                return;
            }
            String expectedPrevious = previousLink == null ? HashChain.GENESIS : previousLink;
            if (!expectedPrevious.equals(stored[1])) {
                breakAt(event, ChainBreak.Kind.LINK_BROKEN);
            }
            // Recomputed over the previous link the event names, so that a content change and a broken link are
            // told apart; a forged previous link is caught by the comparison above.
            if (!HashChain.link(stored[1], event).equals(link)) {
                breakAt(event, ChainBreak.Kind.CONTENT_CHANGED);
            }
            previousLink = link;
        }

        private void breakAt(StoredEvent event, ChainBreak.Kind kind) {
            if (firstBreak == null) {
                firstBreak = new ChainBreak(event.sequenceNumber(), event.eventId(), kind);
            }
        }

        ChainVerification result(Clock clock) {
            return new ChainVerification(aggregateId, checked, preChain, firstBreak == null, firstBreak, previousLink,
                    clock.instant());
        }
    }
}
