package cn.pes.casework.command.integrity;

import cn.pes.casework.events.shared.CaseMetadata;
import org.axonframework.common.transaction.NoTransactionManager;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.eventsourcing.eventstore.jpa.SQLStateResolver;
import org.axonframework.messaging.MetaData;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.json.JacksonSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.springframework.jdbc.datasource.init.ResourceDatabasePopulator;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the hash chain costs: appends one event per commit (as a command mostly does) to many cases, with and
 * without the chaining statement, on an H2 file like the embedded store (every commit written at once), and
 * prints events per second, then the checker's speed. Not a test (its name keeps it out of the default run):
 * {@code ./mvnw -o -B verify -pl command-side -am -Dtest=ChainingBenchmark -Dsurefire.failIfNoSpecifiedTests=false}
 * with {@code -Dchain.cases=500 -Dchain.events=20} to change the size, {@code -Dchain.url=jdbc:postgresql://...}
 * (and {@code -Dchain.user=}) to measure on PostgreSQL — an empty database, the schema is created there.
 */
class ChainingBenchmark {

    private final Serializer serializer = JacksonSerializer.defaultSerializer();

    @Test
    void appendCostWithAndWithoutChaining(@TempDir Path dir) {
        int cases = Integer.getInteger("chain.cases", 300);
        int perCase = Integer.getInteger("chain.events", 10);
        String url = System.getProperty("chain.url",
                "jdbc:h2:file:" + dir.resolve("events") + ";WRITE_DELAY=0;DB_CLOSE_ON_EXIT=FALSE");
        SingleConnectionDataSource dataSource = new SingleConnectionDataSource(url,
                System.getProperty("chain.user", url.startsWith("jdbc:h2") ? "sa" : "postgres"), "", true);
        try {
            new ResourceDatabasePopulator(new ClassPathResource(url.startsWith("jdbc:h2")
                    ? "db/command/schema-h2.sql" : "db/command/schema-postgresql.sql")).execute(dataSource);
            // Warm-up of both paths, not measured.
            run(engine(dataSource, false), 50, 5);
            run(engine(dataSource, true), 50, 5);
            for (int round = 1; round <= 2; round++) {
                double plain = run(engine(dataSource, false), cases, perCase);
                double chained = run(engine(dataSource, true), cases, perCase);
                System.out.printf("chain benchmark round %d (%s, %d cases x %d events, one event per commit): "
                                + "without chain %.0f events/s, with chain %.0f events/s (%.0f%%)%n", round,
                        url.startsWith("jdbc:h2") ? "H2 file" : "PostgreSQL", cases, perCase, plain, chained,
                        100.0 * chained / plain);
            }
            ChainVerifier verifier = new ChainVerifier(dataSource, new EventSchema(), Clock.systemUTC());
            long total = new JdbcTemplate(dataSource).queryForObject("SELECT COUNT(*) FROM DomainEventEntry", Long.class);
            long start = System.nanoTime();
            int[] broken = {0};
            int aggregates = verifier.verifyAll(result -> broken[0] += result.intact() ? 0 : 1);
            double seconds = (System.nanoTime() - start) / 1e9;
            System.out.printf("chain benchmark: whole-store check of %d events in %d aggregates: %.0f events/s%n",
                    total, aggregates, total / seconds);
            assertThat(broken[0]).isZero();
        } finally {
            dataSource.destroy();
        }
    }

    /** Appends {@code perCase} events to each of {@code cases} new cases, one per commit; answers events per second. */
    private double run(JdbcEventStorageEngine engine, int cases, int perCase) {
        List<String> ids = java.util.stream.IntStream.range(0, cases).mapToObj(i -> UUID.randomUUID().toString()).toList();
        long start = System.nanoTime();
        for (int sequence = 0; sequence < perCase; sequence++) {
            for (String caseId : ids) {
                engine.appendEvents(List.<DomainEventMessage<?>>of(event(caseId, sequence)));
            }
        }
        return cases * (double) perCase / ((System.nanoTime() - start) / 1e9);
    }

    private DomainEventMessage<?> event(String caseId, int sequence) {
        return new GenericDomainEventMessage<>("ClientCase", caseId, sequence,
                new Contact(caseId, "2026-11-27", "PHONE", true, "UNEMPLOYED", "x".repeat(300)),
                MetaData.with(CaseMetadata.OFFICER, "W990101001A").and(CaseMetadata.AGENCY, "990101001")
                        .and(CaseMetadata.CHANNEL, "WINDOW").and(CaseMetadata.CORRELATION_ID, UUID.randomUUID().toString()),
                UUID.randomUUID().toString(), Instant.now());
    }

    private JdbcEventStorageEngine engine(SingleConnectionDataSource dataSource, boolean chaining) {
        JdbcEventStorageEngine.Builder builder = JdbcEventStorageEngine.builder()
                .snapshotSerializer(serializer)
                .eventSerializer(serializer)
                .persistenceExceptionResolver(new SQLStateResolver("23505"))
                .connectionProvider(dataSource::getConnection)
                .transactionManager(NoTransactionManager.INSTANCE)
                .schema(new EventSchema());
        return (chaining ? builder.appendEvents(new ChainingAppendStatement()) : builder).build();
    }

    /** About the size of a tracking contact as stored (encrypted personal data makes real ones larger). */
    record Contact(String caseId, String contactDate, String method, boolean reached, String statusFound, String note) {
    }
}
