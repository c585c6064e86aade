package cn.pes.casework.command.integrity;

import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.eventsourcing.eventstore.jdbc.statements.ReadEventDataWithGapsStatementBuilder;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Collections;
import java.util.List;

/**
 * Axon's read of the events after a tracking token that has gaps, written so that H2 can answer it from the
 * global index. Axon asks for {@code (globalIndex > ? AND globalIndex <= ?) OR globalIndex IN (gaps)}; H2
 * cannot use an index for that disjunction and scans the whole event table, so with a million events every
 * fetch of the event store's producer took seconds and the read models trailed the commands by 10-13 s
 * (issue 10's benchmark, thirteenth slice). Gaps appear whenever concurrent commits end out of order.
 * <p>
 * The same rows in the same order: the gaps all lie at or below the token's index and the range above it,
 * so the two parts never share a row and {@code UNION ALL} of an index range and an index lookup returns
 * exactly what the disjunction did.
 */
public class IndexedGapsReadStatement implements ReadEventDataWithGapsStatementBuilder {

    @Override
    public PreparedStatement build(Connection connection, EventSchema schema, long globalIndex, int batchSize,
                                   List<Long> gaps) throws SQLException {
        String select = "SELECT " + schema.trackedEventFields() + " FROM " + schema.domainEventTable() + " WHERE ";
        String index = schema.globalIndexColumn();
        String sql = select + index + " > ? AND " + index + " <= ?"
                + " UNION ALL " + select + index + " IN (" + String.join(",", Collections.nCopies(gaps.size(), "?"))
                + ") ORDER BY " + index + " ASC";
        PreparedStatement statement = connection.prepareStatement(sql);
        statement.setLong(1, globalIndex);
        statement.setLong(2, globalIndex + batchSize);
        for (int i = 0; i < gaps.size(); i++) {
            statement.setLong(i + 3, gaps.get(i));
        }
        return statement;
    }
}
