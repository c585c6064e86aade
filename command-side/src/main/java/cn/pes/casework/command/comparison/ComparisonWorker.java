package cn.pes.casework.command.comparison;

import cn.pes.casework.command.clientcase.CaseRuleViolation;
import cn.pes.casework.command.clientcase.PersonCaseIndex;
import cn.pes.casework.command.comparison.ComparisonStaging.StagedBatch;
import cn.pes.casework.command.comparison.RecordFileReader.StagedRow;
import cn.pes.casework.events.comparison.ComparisonBatchStatus;
import cn.pes.casework.events.comparison.CompleteComparisonBatchCommand;
import cn.pes.casework.events.comparison.ExternalRecord;
import cn.pes.casework.events.comparison.MatchCounts;
import cn.pes.casework.events.comparison.MatchExternalRecordCommand;
import cn.pes.casework.events.comparison.MatchOutcome;
import cn.pes.casework.events.comparison.RecordComparisonProgressCommand;
import cn.pes.casework.events.shared.CaseMetadata;
import cn.pes.casework.events.shared.Channel;
import cn.pes.casework.events.shared.RuleViolation;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.commandhandling.CommandResultMessage;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.callbacks.FutureCallback;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.MetaData;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Matches imported batches against the cases (信息比对, TRK-2), one batch at a time, in chunks of
 * staged rows in line order: one blind-index lookup per chunk, a {@link MatchExternalRecordCommand}
 * per row that has a case (a few in flight at once), then — in one transaction — the chunk's rows
 * removed from staging and its counts recorded on the batch. A stop or a crash anywhere leaves the
 * chunk staged; the next start resumes it, and since a case answers a resent record with its first
 * outcome, the counts come out exact and nothing is applied twice.
 * <p>
 * Runs on low-priority threads of its own, never on a request's. A row the case refuses (a rule
 * violation) is counted by that answer and the batch goes on; any other failure leaves the chunk
 * staged and the batch is tried again later. Logs only batch IDs, lines and exception classes.
 */
@Component
public class ComparisonWorker implements MatchingQueue, SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(ComparisonWorker.class);

    private final ComparisonStaging staging;
    private final PersonCaseIndex personCases;
    private final CommandGateway commands;
    private final CommandBus commandBus;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final ComparisonProperties properties;
    private final LinkedHashSet<String> pending = new LinkedHashSet<>();
    private volatile boolean running;
    private boolean draining;
    private ScheduledExecutorService matcher;
    private ExecutorService senders;

    ComparisonWorker(ComparisonStaging staging, PersonCaseIndex personCases, CommandGateway commands,
                     CommandBus commandBus, PlatformTransactionManager transactionManager, Clock clock,
                     ComparisonProperties properties) {
        this.staging = staging;
        this.personCases = personCases;
        this.commands = commands;
        this.commandBus = commandBus;
        this.transactions = new TransactionTemplate(transactionManager);
        this.clock = clock;
        this.properties = properties;
    }

    /** Resumes every unfinished batch: what a stop or crash left staged is matched now. */
    @Override
    public synchronized void start() {
        if (running) {
            return;
        }
        ScheduledThreadPoolExecutor single = new ScheduledThreadPoolExecutor(1, lowPriority("comparison-matcher"));
        // A retry waiting for its time must not hold a stop up: the batch resumes at the next start anyway.
        single.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
        matcher = single;
        senders = Executors.newFixedThreadPool(properties.parallelism(), lowPriority("comparison-sender"));
        running = true;
        staging.unfinished().forEach(this::offer);
    }

    /** Lets the chunk in hand finish (its commands are in flight) within the configured wait, then stops. */
    @Override
    public void stop() {
        ScheduledExecutorService stoppingMatcher;
        ExecutorService stoppingSenders;
        synchronized (this) {
            if (!running) {
                return;
            }
            running = false;
            pending.clear();
            stoppingMatcher = matcher;
            stoppingSenders = senders;
        }
        stoppingMatcher.shutdown();
        try {
            if (!stoppingMatcher.awaitTermination(properties.shutdownWait().toMillis(), TimeUnit.MILLISECONDS)) {
                log.warn("comparison matching did not stop in time; its chunk stays staged and resumes at the next start");
                stoppingMatcher.shutdownNow();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            stoppingSenders.shutdownNow();
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** After the web server stops taking requests and before Axon and the database go away. */
    @Override
    public int getPhase() {
        return Integer.MAX_VALUE - 2048 - 100;
    }

    @Override
    public synchronized void offer(String batchId) {
        if (!running) {
            return;
        }
        pending.add(batchId);
        if (!draining) {
            draining = true;
            matcher.execute(this::drain);
        }
    }

    private void drain() {
        while (true) {
            String batchId;
            synchronized (this) {
                if (!running || pending.isEmpty()) {
                    draining = false;
                    return;
                }
                batchId = pending.iterator().next();
                pending.remove(batchId);
            }
            try {
                match(batchId);
            } catch (RuntimeException e) {
                log.warn("comparison batch {} paused after {} (cause {}); retried in {}", batchId,
                        e.getClass().getName(), e.getCause() == null ? "none" : e.getCause().getClass().getName(),
                        properties.retryDelay());
                scheduleRetry(batchId);
            }
        }
    }

    private synchronized void scheduleRetry(String batchId) {
        if (running) {
            matcher.schedule(() -> offer(batchId), properties.retryDelay().toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    private void match(String batchId) {
        StagedBatch batch = staging.find(batchId).orElse(null);
        if (batch == null || batch.status() == ComparisonBatchStatus.COMPLETED) {
            return;
        }
        MetaData metaData = MetaData.with(CaseMetadata.OFFICER, batch.uploaderId())
                .and(CaseMetadata.AGENCY, batch.agencyId())
                .and(CaseMetadata.CHANNEL, Channel.BACK_OFFICE.name())
                .and(CaseMetadata.CORRELATION_ID, batchId);
        while (running) {
            List<StagedRow> rows = staging.nextRows(batchId, properties.chunkSize());
            if (rows.isEmpty()) {
                complete(batch, metaData);
                return;
            }
            matchChunk(batch, rows, metaData);
        }
    }

    private void matchChunk(StagedBatch batch, List<StagedRow> rows, MetaData metaData) {
        Map<String, String> cases = personCases.casesOf(rows.stream().map(StagedRow::idNumberHash).toList());
        LocalDate processedOn = LocalDate.now(clock);
        List<CompletableFuture<MatchOutcome>> outcomes = new ArrayList<>(rows.size());
        for (StagedRow row : rows) {
            String caseId = cases.get(row.idNumberHash());
            if (caseId == null) {
                outcomes.add(CompletableFuture.completedFuture(MatchOutcome.NO_CASE));
                continue;
            }
            MatchExternalRecordCommand command = new MatchExternalRecordCommand(caseId, new ExternalRecord(
                    batch.batchId(), row.line(), batch.kind(), batch.source(), batch.referenceDate(), row.recordDate(),
                    row.organisation()), processedOn);
            outcomes.add(CompletableFuture.supplyAsync(() -> send(command, metaData, row.line()), senders));
        }
        MatchCounts chunk = MatchCounts.NONE;
        for (CompletableFuture<MatchOutcome> outcome : outcomes) {
            MatchOutcome answered = awaitWhileRunning(outcome);
            if (answered == null) {
                return; // stopping, and this row's command was dropped unsent: the chunk resumes at the next start
            }
            chunk = chunk.plus(answered);
        }
        if (!running) {
            // Stopping: the chunk stays staged and is matched again (to the same outcomes) at the next start.
            return;
        }
        int first = rows.get(0).line();
        int throughLine = rows.get(rows.size() - 1).line();
        MatchCounts counted = chunk;
        Boolean recorded = transactions.execute(status -> {
            // Rows another node matched meanwhile are gone: then it counted them, and this chunk counts nothing.
            if (staging.remove(batch.batchId(), first, throughLine) != rows.size()) {
                status.setRollbackOnly();
                return false;
            }
            dispatch(new RecordComparisonProgressCommand(batch.batchId(), throughLine, counted), metaData);
            return true;
        });
        if (!Boolean.TRUE.equals(recorded)) {
            log.info("comparison batch {}: lines {}..{} were matched elsewhere", batch.batchId(), first, throughLine);
        }
    }

    /**
     * The row's outcome, or null once the worker stops with the command still unanswered: a stop drops the
     * senders' queued tasks, whose futures would then never complete.
     */
    private MatchOutcome awaitWhileRunning(CompletableFuture<MatchOutcome> outcome) {
        while (true) {
            try {
                return outcome.get(1, TimeUnit.SECONDS);
            } catch (TimeoutException e) {
                if (!running) {
                    return null;
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return null;
            } catch (ExecutionException e) {
                throw new CompletionException(e.getCause()); // as join() would: the batch pauses and is retried
            }
        }
    }

    private MatchOutcome send(MatchExternalRecordCommand command, MetaData metaData, int line) {
        try {
            Object result = commands.sendAndWait(GenericCommandMessage.asCommandMessage(command).andMetaData(metaData));
            if (result instanceof MatchOutcome outcome) {
                return outcome;
            }
            throw new IllegalStateException("no match outcome for line " + line);
        } catch (RuntimeException e) {
            MatchOutcome answered = answerOf(e);
            if (answered == null) {
                throw e;
            }
            // Cases outside the uploader's scope answer as unknown: routine for a county's batch of the city's
            // records, so not worth a line each.
            if (answered == MatchOutcome.NO_CASE) {
                log.debug("comparison batch {} line {}: no case in scope", command.record().batchId(), line);
            } else {
                log.info("comparison batch {} line {}: the case refused the record ({}); counted as {}",
                        command.record().batchId(), line, e.getClass().getSimpleName(), answered);
            }
            return answered;
        }
    }

    /**
     * What a refusal says about the row: a case unknown or outside the batch's agency is no case for it;
     * any other rule the case applied recorded nothing on it. Null when the failure is no answer of the
     * case (storage, a missing handler): then the chunk must be tried again.
     */
    static MatchOutcome answerOf(Throwable failure) {
        Throwable t = failure;
        while ((t instanceof CompletionException || t instanceof ExecutionException) && t.getCause() != null) {
            t = t.getCause();
        }
        if (t instanceof AggregateNotFoundException) {
            return MatchOutcome.NO_CASE;
        }
        RuleViolation violation = null;
        if (t instanceof CaseRuleViolation caseRuleViolation) {
            violation = caseRuleViolation.violation();
        } else if (t instanceof CommandExecutionException execution
                && execution.getDetails().orElse(null) instanceof RuleViolation details) {
            violation = details;
        }
        if (violation == null) {
            return null;
        }
        return violation.kind() == RuleViolation.Kind.NOT_FOUND ? MatchOutcome.NO_CASE : MatchOutcome.NOT_ACTIVE;
    }

    private void complete(StagedBatch batch, MetaData metaData) {
        transactions.executeWithoutResult(status -> {
            dispatch(new CompleteComparisonBatchCommand(batch.batchId(), LocalDate.now(clock)), metaData);
            staging.markCompleted(batch.batchId());
        });
        log.info("comparison batch {} matched completely", batch.batchId());
    }

    /**
     * On the bus, not the gateway: the batch's command joins this thread's transaction with the staging
     * change, and the gateway's retries would run on another thread, outside it.
     */
    private void dispatch(Object command, MetaData metaData) {
        FutureCallback<Object, Object> callback = new FutureCallback<>();
        commandBus.dispatch(GenericCommandMessage.asCommandMessage(command).andMetaData(metaData), callback);
        CommandResultMessage<?> result = callback.getResult();
        if (result.isExceptional()) {
            Throwable failure = result.exceptionResult();
            throw failure instanceof RuntimeException runtime ? runtime : new IllegalStateException(failure);
        }
    }

    private static ThreadFactory lowPriority(String name) {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, name + "-" + count.incrementAndGet());
            thread.setPriority(Thread.MIN_PRIORITY);
            thread.setDaemon(true);
            return thread;
        };
    }
}
