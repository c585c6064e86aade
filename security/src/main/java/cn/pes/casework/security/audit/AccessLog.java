package cn.pes.casework.security.audit;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The append-only access log (MLPS level 3 安全审计): who signed in, who was locked out, who saw
 * whose full personal data and why, whose data was erased. Kept in the event store's database so
 * every node writes to one log. Entries are never updated or deleted by the platform.
 */
@Component
public class AccessLog {

    private static final int MAX_DETAIL = 500;
    private static final int MAX_TARGET = 100;

    private final JdbcTemplate jdbc;
    private final Clock clock;

    public AccessLog(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public void record(String officerId, String agencyId, AccessAction action, String target, String detail,
                       String correlationId) {
        jdbc.update("INSERT INTO access_log (occurred_at, officer_id, agency_id, action, target, detail, correlation_id)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?)",
                Timestamp.from(clock.instant()), officerId, agencyId, action.name(), truncate(target, MAX_TARGET),
                truncate(detail, MAX_DETAIL), truncate(correlationId, MAX_TARGET));
    }

    /**
     * Entries matching every given criterion (null means any), newest first.
     *
     * @param limit at most this many entries
     */
    public List<AccessLogEntry> search(String officerId, AccessAction action, String target, Instant from, Instant to,
                                       int limit) {
        StringBuilder sql = new StringBuilder("SELECT id, occurred_at, officer_id, agency_id, action, target, detail,"
                + " correlation_id FROM access_log WHERE 1 = 1");
        List<Object> arguments = new ArrayList<>();
        if (officerId != null) {
            sql.append(" AND officer_id = ?");
            arguments.add(officerId);
        }
        if (action != null) {
            sql.append(" AND action = ?");
            arguments.add(action.name());
        }
        if (target != null) {
            sql.append(" AND target = ?");
            arguments.add(target);
        }
        if (from != null) {
            sql.append(" AND occurred_at >= ?");
            arguments.add(Timestamp.from(from));
        }
        if (to != null) {
            sql.append(" AND occurred_at < ?");
            arguments.add(Timestamp.from(to));
        }
        sql.append(" ORDER BY id DESC LIMIT ?");
        arguments.add(limit);
        return jdbc.query(sql.toString(), (row, number) -> new AccessLogEntry(row.getLong("id"),
                row.getTimestamp("occurred_at").toInstant(), row.getString("officer_id"), row.getString("agency_id"),
                AccessAction.valueOf(row.getString("action")), row.getString("target"), row.getString("detail"),
                row.getString("correlation_id")), arguments.toArray());
    }

    private static String truncate(String value, int max) {
        return value == null || value.length() <= max ? value : value.substring(0, max);
    }
}
