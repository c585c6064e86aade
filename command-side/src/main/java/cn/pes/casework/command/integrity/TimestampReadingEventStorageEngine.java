package cn.pes.casework.command.integrity;

import org.axonframework.eventhandling.DomainEventData;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.TrackedEventData;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.serialization.SerializedObject;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;

/**
 * Axon's JDBC engine, with each event's time stamp read by {@link EventTimestamps} as the row is read.
 * Axon's entries keep the text and parse it with the general ISO formatter whenever asked; the rows
 * Axon builds are otherwise handed on untouched.
 */
class TimestampReadingEventStorageEngine extends JdbcEventStorageEngine {

    TimestampReadingEventStorageEngine(JdbcEventStorageEngine.Builder builder) {
        super(builder);
    }

    @Override
    protected DomainEventData<?> getDomainEventData(ResultSet resultSet) throws SQLException {
        return new TimedDomainEventData<>(super.getDomainEventData(resultSet), timestamp(resultSet));
    }

    @Override
    protected TrackedEventData<?> getTrackedEventData(ResultSet resultSet, GapAwareTrackingToken previousToken)
            throws SQLException {
        TrackedEventData<?> row = super.getTrackedEventData(resultSet, previousToken);
        if (row instanceof DomainEventData<?>) {
            return timedTracked(row, timestamp(resultSet));
        }
        return row;
    }

    private Instant timestamp(ResultSet resultSet) throws SQLException {
        Object stored = readTimeStamp(resultSet, schema().timestampColumn());
        return EventTimestamps.parse(stored.toString());
    }

    @SuppressWarnings("unchecked")
    private static <T> TrackedEventData<T> timedTracked(TrackedEventData<?> row, Instant timestamp) {
        return new TimedTrackedDomainEventData<>((DomainEventData<T>) row, timestamp, row.trackingToken());
    }

    /** A domain event's row with its time stamp read. */
    private static class TimedDomainEventData<T> implements DomainEventData<T> {

        private final DomainEventData<T> row;
        private final Instant timestamp;

        TimedDomainEventData(DomainEventData<T> row, Instant timestamp) {
            this.row = row;
            this.timestamp = timestamp;
        }

        @Override
        public Instant getTimestamp() {
            return timestamp;
        }

        @Override
        public String getType() {
            return row.getType();
        }

        @Override
        public String getAggregateIdentifier() {
            return row.getAggregateIdentifier();
        }

        @Override
        public long getSequenceNumber() {
            return row.getSequenceNumber();
        }

        @Override
        public String getEventIdentifier() {
            return row.getEventIdentifier();
        }

        @Override
        public SerializedObject<T> getMetaData() {
            return row.getMetaData();
        }

        @Override
        public SerializedObject<T> getPayload() {
            return row.getPayload();
        }
    }

    /** A tracked domain event's row (both kinds at once, as Axon's own entry is) with its time stamp read. */
    private static final class TimedTrackedDomainEventData<T> extends TimedDomainEventData<T> implements TrackedEventData<T> {

        private final TrackingToken trackingToken;

        TimedTrackedDomainEventData(DomainEventData<T> row, Instant timestamp, TrackingToken trackingToken) {
            super(row, timestamp);
            this.trackingToken = trackingToken;
        }

        @Override
        public TrackingToken trackingToken() {
            return trackingToken;
        }
    }
}
