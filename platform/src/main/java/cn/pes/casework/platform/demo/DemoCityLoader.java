package cn.pes.casework.platform.demo;

import cn.pes.casework.command.policy.SubsidyPolicyBook;
import cn.pes.casework.events.shared.CaseMetadata;
import cn.pes.casework.events.shared.RuleViolation;
import cn.pes.casework.security.agency.Agency;
import cn.pes.casework.security.agency.AgencyDirectory;
import com.github.kagkarlsson.scheduler.Scheduler;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventProcessor;
import org.axonframework.messaging.MetaData;
import cn.pes.casework.query.catchup.CatchUpModule;
import cn.pes.casework.query.projection.ProjectionProcessingConfiguration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * Loads a demonstration city ({@link SyntheticCity}) into a fresh platform when
 * {@code pes.demo.persons} is above zero: through the command gateway with the metadata an officer's
 * request carries, so the aggregates decide every command as they would an officer's and every
 * projection sees ordinary events. Runs once: a store that holds any case is left alone, so a restart
 * does not load the city twice.
 *
 * <p>Commands to organisations (employers, vacancies) go first, in plan order. Then the cases are sent
 * in parallel ({@code pes.demo.parallel-cases}, default 8), each case's commands in turn, so a case's
 * history arrives in date order and its clocks (lost contact, subsidy review) find the later facts
 * already recorded when they fall due. Cases are independent aggregates, so the order between them does
 * not matter; sending day by day instead was ten times slower. Follow-ups come last
 * ({@link PlannedCommand#followUpOf}): a fair's invitations and attendance, which name the cases, and the
 * subsidy payments, which wait until the platform's own clock has ended their approvals' publicity (SUB-4).
 * The deadline scheduler is paused while the cases go in, so that no clock decides on half a history; then
 * the loader asks it to look for due clocks at once, and sends a payment again while it is refused only for
 * that ({@code pes.demo.clock-wait}, default 3 minutes, at most).
 *
 * <p>For a large city {@code pes.demo.projections-during-load=false} stops the read models' processors
 * while the commands go in and starts them afterwards: they then catch up in full batches, which is the
 * same work as a rebuild and much cheaper than following the load event by event on a small machine,
 * and with the catch-up ({@link CatchUpModule}) one read of the stream feeds them all.
 */
@Component
public class DemoCityLoader {

    private static final Logger log = LoggerFactory.getLogger(DemoCityLoader.class);
    private static final int PROGRESS_EVERY = 10_000;
    /** Refusals that the platform's clock lifts: the publicity of an approved subsidy not yet ended. */
    private static final Set<String> WAITING_FOR_CLOCK = Set.of("PUBLICITY_NOT_OVER");
    private static final Duration RETRY_EVERY = Duration.ofMillis(200);

    private final CommandGateway commands;
    private final JdbcTemplate jdbc;
    private final AgencyDirectory agencies;
    private final Clock clock;
    private final int persons;
    private final long seed;
    private final int parallelCases;
    private final CompletableFuture<Result> completion = new CompletableFuture<>();
    private EventProcessingConfiguration processing;
    private CatchUpModule catchUp;
    private SubsidyPolicyBook subsidyPolicies;
    private Scheduler deadlineScheduler;
    @Value("${pes.demo.projections-during-load:true}")
    private boolean projectionsDuringLoad = true;
    @Value("${pes.demo.clock-wait:3m}")
    private Duration clockWait = Duration.ofMinutes(3);

    DemoCityLoader(CommandGateway commands, JdbcTemplate jdbc, AgencyDirectory agencies, Clock clock,
                   @Value("${pes.demo.persons:0}") int persons, @Value("${pes.demo.seed:2026}") long seed,
                   @Value("${pes.demo.parallel-cases:8}") int parallelCases) {
        this.commands = commands;
        this.jdbc = jdbc;
        this.agencies = agencies;
        this.clock = clock;
        this.persons = persons;
        this.seed = seed;
        this.parallelCases = Math.max(1, parallelCases);
    }

    @Autowired(required = false)
    void setProcessing(EventProcessingConfiguration processing) {
        this.processing = processing;
    }

    @Autowired(required = false)
    void setCatchUp(CatchUpModule catchUp) {
        this.catchUp = catchUp;
    }

    /** The configured subsidy versions set the amounts the city's payments must match; without them, the defaults. */
    @Autowired(required = false)
    void setSubsidyPolicies(SubsidyPolicyBook subsidyPolicies) {
        this.subsidyPolicies = subsidyPolicies;
    }

    @Autowired(required = false)
    void setDeadlineScheduler(Scheduler deadlineScheduler) {
        this.deadlineScheduler = deadlineScheduler;
    }

    /**
     * What a load did: commands sent, refused by the platform, and why (command and exception types with
     * the rule's code, no data), and how long sending took.
     */
    public record Result(int sent, int failed, Map<String, Integer> failures, Duration took) {

        static Result nothing() {
            return new Result(0, 0, Map.of(), Duration.ZERO);
        }

        public double commandsPerSecond() {
            return took.isZero() ? 0 : (sent + failed) / (took.toNanos() / 1e9);
        }
    }

    /** Completes when the load has finished, or at once with nothing sent when there is nothing to load. */
    public CompletableFuture<Result> completion() {
        return completion;
    }

    @EventListener(ApplicationReadyEvent.class)
    void start() {
        if (persons <= 0) {
            completion.complete(Result.nothing());
            return;
        }
        Integer cases = jdbc.queryForObject("SELECT COUNT(*) FROM person_case", Integer.class);
        if (cases != null && cases > 0) {
            log.info("Demo city not loaded: the store already holds {} cases", cases);
            completion.complete(Result.nothing());
            return;
        }
        Thread loader = new Thread(() -> {
            try {
                completion.complete(load());
            } catch (RuntimeException | Error e) {
                log.error("Demo city load stopped", e);
                completion.completeExceptionally(e);
            }
        }, "pes-demo-city");
        loader.setDaemon(true);
        loader.start();
    }

    private List<String> registrationAgencies() {
        return agencies.all().stream()
                .filter(agency -> agency.level() != Agency.Level.CITY)
                .map(Agency::id)
                .sorted(Comparator.naturalOrder())
                .toList();
    }

    Result load() {
        LocalDate today = LocalDate.now(clock);
        List<PlannedCommand> plan = subsidyPolicies == null
                ? SyntheticCity.plan(seed, persons, today, registrationAgencies())
                : SyntheticCity.plan(seed, persons, today, registrationAgencies(), subsidyPolicies::inForceOn);
        log.info("Loading a demo city: {} persons, seed {}, {} commands", persons, seed, plan.size());
        List<EventProcessor> paused = projectionsDuringLoad || processing == null ? List.of()
                : ProjectionProcessingConfiguration.PROCESSING_GROUPS.stream()
                        .flatMap(group -> processing.eventProcessor(group).stream())
                        .filter(EventProcessor::isRunning).toList();
        try {
            if (!paused.isEmpty()) {
                log.info("Demo city: {} read-model processors stopped until the load is done", paused.size());
                paused.forEach(EventProcessor::shutDown);
            }
            if (!projectionsDuringLoad && catchUp != null) {
                // The live feed too (after the processors, which would take the groups it lets go).
                catchUp.pause();
            }
            return send(plan);
        } finally {
            if (!projectionsDuringLoad && catchUp != null) {
                // With one read of the stream for all of them; the processors wait for its claims.
                catchUp.catchUp(ProjectionProcessingConfiguration.PROCESSING_GROUPS);
            }
            paused.forEach(EventProcessor::start);
        }
    }

    private Result send(List<PlannedCommand> plan) {
        long started = System.nanoTime();
        AtomicInteger sent = new AtomicInteger();
        AtomicInteger failed = new AtomicInteger();
        Map<String, Integer> failures = new ConcurrentHashMap<>();
        Runnable progress = () -> {
            int done = sent.get() + failed.get();
            if (done % PROGRESS_EVERY == 0) {
                log.info("Demo city: {} of {} commands sent, {} refused", done, plan.size(), failed.get());
            }
        };
        Map<String, List<PlannedCommand>> byCase = plan.stream().filter(c -> c.forCase() && !c.followUp())
                .collect(Collectors.groupingBy(PlannedCommand::caseId, LinkedHashMap::new, Collectors.toList()));
        Map<String, List<PlannedCommand>> followUps = plan.stream().filter(PlannedCommand::followUp)
                .collect(Collectors.groupingBy(PlannedCommand::followUpOf, LinkedHashMap::new, Collectors.toList()));
        ExecutorService senders = Executors.newFixedThreadPool(parallelCases, runnable -> {
            Thread thread = new Thread(runnable, "pes-demo-city-sender");
            thread.setDaemon(true);
            return thread;
        });
        try {
            pauseClocks();
            try {
                for (PlannedCommand command : plan) {
                    if (!command.forCase() && !command.followUp()) {
                        (send(command, failures) ? sent : failed).incrementAndGet();
                        progress.run();
                    }
                }
                inParallel(byCase, senders, command -> (send(command, failures) ? sent : failed).incrementAndGet(),
                        progress);
            } finally {
                resumeClocks();
            }
            if (!followUps.isEmpty()) {
                log.info("Demo city: {} follow-ups to {} cases and fairs", followUps.values().stream()
                        .mapToInt(List::size).sum(), followUps.size());
                checkDueClocks();
                long waitUntil = System.nanoTime() + clockWait.toNanos();
                inParallel(followUps, senders,
                        command -> (sendOnceClockAllows(command, failures, waitUntil) ? sent : failed).incrementAndGet(),
                        progress);
            }
        } finally {
            senders.shutdown();
        }
        Duration took = Duration.ofNanos(System.nanoTime() - started);
        Result result = new Result(sent.get(), failed.get(), Map.copyOf(failures), took);
        log.info("Demo city loaded: {} commands sent, {} refused {}, in {} s ({} commands/s)", result.sent(),
                result.failed(), result.failures(), took.toSeconds(), Math.round(result.commandsPerSecond()));
        return result;
    }

    /** Each list's commands in turn, the lists side by side. */
    private static void inParallel(Map<String, List<PlannedCommand>> groups, ExecutorService senders,
                                   Consumer<PlannedCommand> sender, Runnable progress) {
        List<CompletableFuture<Void>> running = new ArrayList<>(groups.size());
        for (List<PlannedCommand> commands : groups.values()) {
            running.add(CompletableFuture.runAsync(() -> {
                for (PlannedCommand command : commands) {
                    sender.accept(command);
                    progress.run();
                }
            }, senders));
        }
        CompletableFuture.allOf(running.toArray(CompletableFuture[]::new)).join();
    }

    /**
     * Until every case's history is in, no clock fires: a case's commands go in back to back, and a clock
     * already past due (a review period, a lost contact) firing between two of them would record a deadline
     * missed that the history met. Once resumed, each clock finds the whole history and decides on it.
     */
    private void pauseClocks() {
        if (deadlineScheduler != null) {
            deadlineScheduler.pause();
        }
    }

    private void resumeClocks() {
        if (deadlineScheduler != null) {
            deadlineScheduler.resume();
        }
    }

    /** Past-due clocks fire now rather than at the scheduler's next poll (every 30 s by default). */
    private void checkDueClocks() {
        if (deadlineScheduler != null) {
            deadlineScheduler.triggerCheckForDueExecutions();
        }
    }

    /**
     * Sends a follow-up, and again while the platform refuses it only because its own clock has not yet
     * fired (an approval's publicity not yet ended), until {@code waitUntil} ({@link System#nanoTime}).
     */
    private boolean sendOnceClockAllows(PlannedCommand command, Map<String, Integer> failures, long waitUntil) {
        while (true) {
            try {
                dispatch(command);
                return true;
            } catch (RuntimeException e) {
                if (!waitsForClock(e) || System.nanoTime() > waitUntil) {
                    countFailure(command, e, failures);
                    return false;
                }
            }
            checkDueClocks();
            try {
                Thread.sleep(RETRY_EVERY.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                failures.merge(command.command().getClass().getSimpleName() + ":Interrupted", 1, Integer::sum);
                return false;
            }
        }
    }

    private static boolean waitsForClock(RuntimeException e) {
        return e instanceof CommandExecutionException refused
                && refused.getDetails().orElse(null) instanceof RuleViolation violation
                && WAITING_FOR_CLOCK.contains(violation.code());
    }

    private boolean send(PlannedCommand command, Map<String, Integer> failures) {
        try {
            dispatch(command);
            return true;
        } catch (RuntimeException e) {
            countFailure(command, e, failures);
            return false;
        }
    }

    private void dispatch(PlannedCommand command) {
        Map<String, Object> metaData = Map.of(
                CaseMetadata.OFFICER, command.officerId(),
                CaseMetadata.AGENCY, command.agencyId(),
                CaseMetadata.CHANNEL, command.channel(),
                CaseMetadata.CORRELATION_ID, command.correlationId());
        commands.sendAndWait(GenericCommandMessage.asCommandMessage(command.command())
                .andMetaData(MetaData.from(metaData)));
    }

    private static void countFailure(PlannedCommand command, RuntimeException e, Map<String, Integer> failures) {
        // Only the type and the rule's code: a refusal's message may name fields, never data, but the cause chain could.
        String code = e instanceof CommandExecutionException refused
                && refused.getDetails().orElse(null) instanceof RuleViolation violation ? ":" + violation.code() : "";
        failures.merge(command.command().getClass().getSimpleName() + ":" + e.getClass().getSimpleName() + code, 1,
                Integer::sum);
    }
}
