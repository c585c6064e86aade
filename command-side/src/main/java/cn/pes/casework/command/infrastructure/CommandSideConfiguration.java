package cn.pes.casework.command.infrastructure;

import cn.pes.casework.command.clientcase.PersonAlreadyClaimedException;
import cn.pes.casework.events.shared.CaseMetadata;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.commandhandling.gateway.DefaultCommandGateway;
import org.axonframework.commandhandling.gateway.IntervalRetryScheduler;
import org.axonframework.commandhandling.gateway.RetryScheduler;
import org.axonframework.common.jdbc.PersistenceExceptionResolver;
import org.axonframework.eventsourcing.EventCountSnapshotTriggerDefinition;
import org.axonframework.eventsourcing.SnapshotTriggerDefinition;
import org.axonframework.eventsourcing.Snapshotter;
import org.axonframework.eventsourcing.SnapshotterSpanFactory;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.messaging.annotation.HandlerDefinition;
import org.axonframework.messaging.annotation.ParameterResolverFactory;
import org.axonframework.spring.eventsourcing.SpringAggregateSnapshotter;
import org.axonframework.eventsourcing.eventstore.jpa.SQLStateResolver;
import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.axonframework.messaging.correlation.MessageOriginProvider;
import org.axonframework.messaging.correlation.SimpleCorrelationDataProvider;
import org.axonframework.modelling.command.ConcurrencyException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.ScheduledExecutorService;

@Configuration
public class CommandSideConfiguration {

    /**
     * H2 and PostgreSQL both report a duplicate key as SQLState 23505; Axon must see it as a
     * concurrency conflict (two writers on one case), not as a generic storage failure.
     */
    @Bean
    PersistenceExceptionResolver persistenceExceptionResolver() {
        return new SQLStateResolver("23505");
    }

    /**
     * Takes snapshots on a thread of its own. Axon's default takes them on the command's thread after
     * commit, while the case's lock is still held, and needs a second database connection: with
     * every pooled connection held by commands queued for that same case, both wait forever.
     * Snapshots are an optimisation, so when the queue is full one is simply skipped.
     */
    @Bean
    SpringAggregateSnapshotter aggregateSnapshotter(org.axonframework.config.Configuration configuration,
                                                    HandlerDefinition handlerDefinition,
                                                    ParameterResolverFactory parameterResolverFactory,
                                                    EventStore eventStore, TransactionManager transactionManager,
                                                    SnapshotterSpanFactory spanFactory) {
        ThreadPoolExecutor executor = new ThreadPoolExecutor(1, 1, 0, TimeUnit.MILLISECONDS,
                new ArrayBlockingQueue<>(1_000), runnable -> {
            Thread thread = new Thread(runnable, "case-snapshotter");
            thread.setDaemon(true);
            return thread;
        }, new ThreadPoolExecutor.DiscardPolicy());
        return SpringAggregateSnapshotter.builder()
                .repositoryProvider(configuration::repository)
                .transactionManager(transactionManager)
                .eventStore(eventStore)
                .parameterResolverFactory(parameterResolverFactory)
                .handlerDefinition(handlerDefinition)
                .spanFactory(spanFactory)
                .executor(executor)
                .build();
    }

    /**
     * Long-lived cases, and fairs with hundreds of invitations and visitors, load from a snapshot instead of
     * their whole history.
     */
    @Bean
    SnapshotTriggerDefinition snapshotTrigger(Snapshotter snapshotter,
                                              @Value("${pes.snapshots.event-threshold:100}") int threshold) {
        return new EventCountSnapshotTriggerDefinition(snapshotter, threshold);
    }

    /** Keeps Axon's correlation and trace IDs alongside ours. */
    @Bean
    CorrelationDataProvider messageOriginProvider() {
        return new MessageOriginProvider();
    }

    /** Copies officer, agency and channel from every command onto the events it causes. */
    @Bean
    CorrelationDataProvider caseMetadataProvider() {
        return new SimpleCorrelationDataProvider(CaseMetadata.OFFICER, CaseMetadata.AGENCY, CaseMetadata.CHANNEL);
    }

    /**
     * Retries only conflicts that a second attempt resolves: two writers appending to one case from
     * different processes, or two registrations racing to open one person's case. Rule violations
     * are never retried.
     */
    @Bean
    CommandGateway commandGateway(CommandBus commandBus,
                                  @Value("${pes.commands.max-retries:8}") int maxRetries) {
        ScheduledExecutorService retryExecutor = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "command-retry");
            thread.setDaemon(true);
            return thread;
        });
        RetryScheduler retryScheduler = IntervalRetryScheduler.builder()
                .retryExecutor(retryExecutor)
                .retryInterval(25)
                .maxRetryCount(maxRetries)
                .nonTransientFailurePredicate(failure -> !isRetryableConflict(failure))
                .build();
        return DefaultCommandGateway.builder().commandBus(commandBus).retryScheduler(retryScheduler).build();
    }

    private static boolean isRetryableConflict(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof ConcurrencyException || t instanceof PersonAlreadyClaimedException) {
                return true;
            }
        }
        return false;
    }
}
