package cn.pes.casework.command.integrity;

import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.jdbc.PersistenceExceptionResolver;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.serialization.Serializer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import javax.sql.DataSource;
import java.time.Clock;

/**
 * The command side's JDBC event storage: Axon's {@link JdbcEventStorageEngine} exactly as Axon's
 * {@code JdbcAutoConfiguration} builds it (same serializers, upcasters, snapshot filter, exception resolver,
 * connections and transactions, default schema and byte data type), except that appending adds each event's
 * hash-chain link ({@link ChainingAppendStatement}), a token's gaps are read by index
 * ({@link IndexedGapsReadStatement}) and time stamps are read as the rows are
 * ({@link TimestampReadingEventStorageEngine}). Defining the engine here makes Axon's own back off.
 * <p>
 * Only without Axon Server: there Axon Server stores the events and this side has no event table to chain or
 * check (the integrity check is then absent, not wrong). A query side running alone keeps Axon's engine: it
 * only reads, and reading chained events needs nothing special.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "axon.axonserver.enabled", havingValue = "false")
public class ChainedEventStoreConfiguration {

    @Bean
    EventStorageEngine eventStorageEngine(Serializer defaultSerializer,
                                          PersistenceExceptionResolver persistenceExceptionResolver,
                                          @Qualifier("eventSerializer") Serializer eventSerializer,
                                          org.axonframework.config.Configuration configuration,
                                          ConnectionProvider connectionProvider,
                                          TransactionManager transactionManager,
                                          ObjectProvider<EventSchema> eventSchema) {
        return new TimestampReadingEventStorageEngine(JdbcEventStorageEngine.builder()
                .snapshotSerializer(defaultSerializer)
                .upcasterChain(configuration.upcasterChain())
                .persistenceExceptionResolver(persistenceExceptionResolver)
                .eventSerializer(eventSerializer)
                .snapshotFilter(configuration.snapshotFilter())
                .connectionProvider(connectionProvider)
                .transactionManager(transactionManager)
                .schema(eventSchema.getIfAvailable(EventSchema::new))
                .appendEvents(new ChainingAppendStatement())
                .readEventDataWithGaps(new IndexedGapsReadStatement()));
    }

    @Bean
    ChainVerifier chainVerifier(DataSource dataSource, ObjectProvider<EventSchema> eventSchema, Clock clock) {
        return new ChainVerifier(dataSource, eventSchema.getIfAvailable(EventSchema::new), clock);
    }

    @Bean
    CaseChainQueryHandler caseChainQueryHandler(ChainVerifier chainVerifier) {
        return new CaseChainQueryHandler(chainVerifier);
    }
}
