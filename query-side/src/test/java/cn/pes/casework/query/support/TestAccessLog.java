package cn.pes.casework.query.support;

import cn.pes.casework.security.audit.AccessAction;
import cn.pes.casework.security.audit.AccessLog;
import cn.pes.casework.security.audit.AccessLogEntry;
import cn.pes.casework.security.audit.ReadAudit;
import cn.pes.casework.security.SecuritySchema;
import org.h2.Driver;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;

import java.time.Clock;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

/** The real access log on its own in-memory database, for controllers bound directly in a test. */
public final class TestAccessLog {

    private final AccessLog log;

    public TestAccessLog(Clock clock) {
        SimpleDriverDataSource dataSource = new SimpleDriverDataSource(new Driver(),
                "jdbc:h2:mem:access-log-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa", "");
        new SecuritySchema(dataSource).afterPropertiesSet();
        log = new AccessLog(new JdbcTemplate(dataSource), clock);
    }

    public AccessLog log() {
        return log;
    }

    public ReadAudit readAudit() {
        return new ReadAudit(log);
    }

    /** The lists read, oldest first, as {@code officer|list|filters}. */
    public List<String> exports() {
        return log.search(null, AccessAction.LIST_EXPORTED, null, null, null, 1000).stream()
                  .sorted(Comparator.comparingLong(AccessLogEntry::id))
                  .map(entry -> entry.officerId() + "|" + entry.target() + "|" + entry.detail())
                  .toList();
    }
}
