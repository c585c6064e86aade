package cn.pes.casework.query.replay;

import cn.pes.casework.query.projection.ProjectionProcessingConfiguration;
import cn.pes.casework.events.replay.CancelReplayCommand;
import cn.pes.casework.events.replay.DeleteReplayCommand;
import cn.pes.casework.events.replay.FindReplayQuery;
import cn.pes.casework.events.replay.FindReplayedLedgerQuery;
import cn.pes.casework.events.replay.FindReplaysQuery;
import cn.pes.casework.events.replay.ReplayCollection;
import cn.pes.casework.events.replay.ReplayState;
import cn.pes.casework.events.replay.ReplayTarget;
import cn.pes.casework.events.replay.ReplayView;
import cn.pes.casework.events.replay.ReplayedLedgerView;
import cn.pes.casework.events.replay.StartReplayCommand;
import cn.pes.casework.events.shared.RuleViolation;
import cn.pes.casework.events.tracking.LedgerRow;
import cn.pes.casework.events.shared.PersonalData;
import cn.pes.casework.query.common.PersonalDataDocs;
import cn.pes.casework.query.mongo.ReadModelStore;
import cn.pes.casework.query.projection.ProjectionWriter;
import cn.pes.casework.query.support.ProjectionGroups;
import cn.pes.casework.query.support.ProjectionHarness;
import cn.pes.casework.query.support.ProjectionTestBase;
import cn.pes.casework.query.support.ReadModelFixture;
import cn.pes.casework.query.trackingledger.TrackingLedgerProjection;
import cn.pes.casework.security.protection.PersonalDataProtector;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import org.axonframework.common.stream.BlockingStream;
import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.messaging.StreamableMessageSource;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Replays on a real embedded read-model server against a scripted history ({@link ReplayHistory}):
 * the live views are built the normal way (each projection fed in batches, as a processor feeds it),
 * then every target is replayed into its own database and compared with them.
 */
class ReplayServiceTest extends ProjectionTestBase {

    private static final YearMonth NOVEMBER = YearMonth.of(2026, 11);

    private ReplayHistory history;
    private EmbeddedEventStore eventStore;
    private PersonalDataDocs personalData;
    private ReplayTargets targets;
    private ReadModelStore live;
    private final List<ReplayService> services = new ArrayList<>();

    @BeforeEach
    void buildLiveViews() {
        history = new ReplayHistory();
        eventStore = history.store();
        personalData = new PersonalDataDocs(new PersonalDataProtector(keys));
        targets = new ReplayTargets(personalData, ProjectionHarness.BLIND_INDEX);
        live = fixture.store(false);
        ProjectionWriter writer = new ProjectionWriter(live);
        List<AnnotationEventHandlerAdapter> adapters = new ArrayList<>();
        for (String name : targets.names()) {
            adapters.add(new AnnotationEventHandlerAdapter(targets.find(name).orElseThrow().factory().apply(writer)));
        }
        ProjectionGroups groups = new ProjectionGroups(writer, adapters);
        for (int from = 0; from < history.events.size(); from += 4) {
            groups.deliverBatch(history.events.subList(from, Math.min(history.events.size(), from + 4)));
        }
    }

    @AfterEach
    void stopServices() throws InterruptedException {
        if (eventStore == null) {
            return;
        }
        for (ReplayService service : services) {
            service.stop();
        }
        eventStore.shutDown();
    }

    private ReplayService service(StreamableMessageSource<TrackedEventMessage<?>> source, int queue) {
        ReplayService service = new ReplayService(live, fixture.client(), fixture.server(), ReadModelFixture.DATABASE,
                source, targets, personalData, Clock.systemUTC(), 1, queue, 7);
        service.start();
        services.add(service);
        return service;
    }

    private static ReplayView awaitFinished(ReplayService service, String replayId) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline) {
            ReplayView view = service.handle(new FindReplayQuery(replayId));
            if (view != null && view.state().finished()) {
                return view;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("replay " + replayId + " did not finish");
    }

    private Map<String, List<Document>> liveDump() {
        Map<String, List<Document>> dump = fixture.dump();
        dump.remove(ReplayRecords.COLLECTION);
        return dump;
    }

    @Test
    void aReplayOfEveryLiveTargetEqualsTheLiveViewAndLeavesTheLiveViewAlone() throws InterruptedException {
        ReplayService service = service(eventStore, 2);
        Map<String, List<Document>> before = liveDump();
        assertThat(targets.all()).extracting(ReplayTarget::name)
                                 .as("every live read model can be rebuilt this way")
                                 .containsExactlyInAnyOrderElementsOf(ProjectionProcessingConfiguration.PROCESSING_GROUPS);
        int replayed = 0;
        for (ReplayTarget target : targets.all()) {
            assertThat(target.live()).isTrue();
            assertThat(target.collections()).as(target.name()).isNotEmpty();
            String replayId = "all-" + replayed++;
            assertThat(service.handle(new StartReplayCommand(replayId, target.name(), null), "analyst-1"))
                    .isEqualTo(replayId);
            ReplayView view = awaitFinished(service, replayId);

            assertThat(view.state()).as(target.name()).isEqualTo(ReplayState.DONE);
            assertThat(view.startedBy()).isEqualTo("analyst-1");
            assertThat(view.eventsRead()).isEqualTo(history.events.size());
            assertThat(view.eventsApplied()).isEqualTo(history.events.size());
            assertThat(view.totalEstimate()).isEqualTo(view.eventsRead());
            assertThat(view.getProgress()).isEqualTo(1.0);
            assertThat(view.etaSeconds()).isNull();
            assertThat(view.finishedAt()).isNotNull();
            assertThat(view.collections()).extracting(ReplayCollection::collection)
                                          .containsAll(target.collections());
            assertThat(view.collections()).as(target.name() + " " + view.collections())
                                          .allMatch(ReplayCollection::isEqualToLive);
            assertThat(view.isEqualToLive()).isTrue();
            assertThat(liveDump()).as("live view after replaying " + target.name()).isEqualTo(before);
        }
        assertThat(replayed).isEqualTo(ProjectionProcessingConfiguration.PROCESSING_GROUPS.size());
        // The scripted history reaches every read model that has documents to compare.
        long documents = service.handle(new FindReplaysQuery(50)).replays().stream()
                                .flatMap(view -> view.collections().stream())
                                .mapToLong(ReplayCollection::documents).sum();
        assertThat(documents).isGreaterThan(50);
    }

    @Test
    void aDifferenceFromTheLiveViewIsFoundAndNamed() throws InterruptedException {
        ReplayService service = service(eventStore, 2);
        service.handle(new StartReplayCommand("ledger-1", TrackingLedgerProjection.PROCESSING_GROUP, null), "analyst-1");
        assertThat(awaitFinished(service, "ledger-1").isEqualToLive()).isTrue();

        // The live view drifts (here: behind the platform's back) and a second replay says where.
        String someLedger = live.collection(TrackingLedgerProjection.LEDGERS).find().first().getString("_id");
        live.collection(TrackingLedgerProjection.LEDGERS)
            .updateOne(Filters.eq("_id", someLedger), Updates.set("month", "1999-01"));
        live.collection(TrackingLedgerProjection.PEOPLE).insertOne(new Document("_id", "stray-case"));
        service.handle(new StartReplayCommand("ledger-2", TrackingLedgerProjection.PROCESSING_GROUP, null), "analyst-1");
        ReplayView second = awaitFinished(service, "ledger-2");

        assertThat(second.state()).isEqualTo(ReplayState.DONE);
        assertThat(second.isEqualToLive()).isFalse();
        ReplayCollection ledgers = collection(second, TrackingLedgerProjection.LEDGERS);
        assertThat(ledgers.differing()).isEqualTo(1);
        assertThat(ledgers.sampleIds()).containsExactly(someLedger);
        assertThat(ledgers.equal()).isEqualTo(ledgers.documents() - 1);
        ReplayCollection people = collection(second, TrackingLedgerProjection.PEOPLE);
        assertThat(people.onlyLive()).isEqualTo(1);
        assertThat(people.onlyInReplay()).isZero();
        assertThat(people.liveDocuments()).isEqualTo(people.documents() + 1);
        assertThat(people.sampleIds()).containsExactly("stray-case");
    }

    @Test
    void aCutOffLeavesOutWhatWasRecordedLaterEvenWhenAppendedEarlier() throws InterruptedException {
        ReplayService service = service(eventStore, 2);
        service.handle(new StartReplayCommand("asof", TrackingLedgerProjection.PROCESSING_GROUP, ReplayHistory.CUT_OFF),
                       "auditor-1");
        service.handle(new StartReplayCommand("whole", TrackingLedgerProjection.PROCESSING_GROUP, null), "auditor-1");
        ReplayView asOf = awaitFinished(service, "asof");
        awaitFinished(service, "whole");

        // Read: all; applied: all but p-2 (11-20), q-2 (11-25) and P's employment (11-28).
        assertThat(asOf.eventsRead()).isEqualTo(history.events.size());
        assertThat(asOf.eventsApplied()).isEqualTo(history.events.size() - 3);
        assertThat(asOf.recordedUpTo()).isEqualTo(ReplayHistory.CUT_OFF);
        assertThat(asOf.isEqualToLive()).isFalse();

        List<String> county = List.of(ReplayHistory.COUNTY, "990101001", ReplayHistory.SECOND_STREET);
        ReplayedLedgerView then = service.handle(new FindReplayedLedgerQuery("asof", county, NOVEMBER));
        assertThat(then.asOf()).isEqualTo(ReplayHistory.CUT_OFF);
        assertThat(then.rows()).extracting(LedgerRow::contactId).containsExactly("p-1", "s-1");
        assertThat(then.rows()).extracting(row -> row.person().name()).containsExactly("赵一", "李四");
        ReplayedLedgerView now = service.handle(new FindReplayedLedgerQuery("whole", county, NOVEMBER));
        assertThat(now.rows()).extracting(LedgerRow::contactId).containsExactly("p-1", "s-1", "q-2", "p-2");
        assertThat(service.handle(new FindReplayedLedgerQuery("asof", List.of("990102001"), NOVEMBER)).rows())
                .extracting(LedgerRow::contactId).containsExactly("r-1");
        // Only finished replays of the ledger answer.
        assertThat(service.handle(new FindReplayedLedgerQuery("nope", county, NOVEMBER))).isNull();
    }

    @Test
    void replaysLeftRunningByAStoppedProcessAreInterruptedAtTheNextStart() {
        ReplayRecords records = new ReplayRecords(live);
        records.create("left-running", "case-summary", true, "db", null, "analyst-1", CaseEventsClock.NOW);
        records.running("left-running", 40);
        records.create("left-queued", "case-summary", true, "db", null, "analyst-1", CaseEventsClock.NOW);
        records.create("finished", "case-summary", true, "db", null, "analyst-1", CaseEventsClock.NOW);
        records.finished("finished", ReplayState.DONE, new ReplayRecords.Progress(3, 3, 3, 1.0, null),
                         CaseEventsClock.NOW, null, List.of());

        ReplayService restarted = service(eventStore, 2);

        assertThat(restarted.handle(new FindReplayQuery("left-running")).state()).isEqualTo(ReplayState.INTERRUPTED);
        assertThat(restarted.handle(new FindReplayQuery("left-running")).finishedAt()).isNotNull();
        assertThat(restarted.handle(new FindReplayQuery("left-queued")).state()).isEqualTo(ReplayState.INTERRUPTED);
        assertThat(restarted.handle(new FindReplayQuery("finished")).state()).isEqualTo(ReplayState.DONE);
    }

    @Test
    void aBusyServiceRefusesMoreAndARunningReplayCanBeCancelledThenDeleted() throws InterruptedException {
        CountDownLatch release = new CountDownLatch(1);
        ReplayService service = service(new HeldBack(eventStore, release), 0);
        service.handle(new StartReplayCommand("slow", "case-summary", null), "analyst-1");

        assertThat(violation(() -> service.handle(new StartReplayCommand("second", "case-summary", null), "analyst-1")))
                .satisfies(v -> {
                    assertThat(v.code()).isEqualTo(ReplayService.BUSY);
                    assertThat(v.kind()).isEqualTo(RuleViolation.Kind.REFUSED);
                });
        assertThat(service.handle(new FindReplayQuery("second"))).isNull();
        assertThat(violation(() -> service.handle(new StartReplayCommand("slow", "case-summary", null), "analyst-1"))
                           .code()).isEqualTo(ReplayService.EXISTS);
        assertThat(violation(() -> service.handle(new StartReplayCommand("x", "no-such-target", null), "analyst-1"))
                           .field()).isEqualTo("target");
        assertThat(violation(() -> service.handle(new StartReplayCommand("bad/id", "case-summary", null), "analyst-1"))
                           .field()).isEqualTo("replayId");
        assertThat(violation(() -> service.handle(new DeleteReplayCommand("slow"))).code())
                .isEqualTo(ReplayService.RUNNING);

        service.handle(new CancelReplayCommand("slow"));
        ReplayView cancelled = awaitFinished(service, "slow");
        assertThat(cancelled.state()).isEqualTo(ReplayState.CANCELLED);
        assertThat(cancelled.collections()).isEmpty();
        assertThat(violation(() -> service.handle(new CancelReplayCommand("slow"))).code())
                .isEqualTo(ReplayService.FINISHED);

        service.handle(new DeleteReplayCommand("slow"));
        assertThat(service.handle(new FindReplayQuery("slow"))).isNull();
        assertThat(fixture.client().getDatabase(service.databaseOf("slow")).listCollectionNames().into(new ArrayList<>()))
                .isEmpty();
        assertThat(violation(() -> service.handle(new DeleteReplayCommand("slow"))).kind())
                .isEqualTo(RuleViolation.Kind.NOT_FOUND);
        release.countDown();
    }

    private static ReplayCollection collection(ReplayView view, String name) {
        return view.collections().stream().filter(c -> c.collection().equals(name)).findFirst().orElseThrow();
    }

    private static RuleViolation violation(Runnable action) {
        List<RuleViolation> found = new ArrayList<>();
        assertThatThrownBy(action::run).isInstanceOfSatisfying(ReplayRefused.class,
                e -> found.add((RuleViolation) e.getDetails().orElseThrow()));
        return found.get(0);
    }

    private static final class CaseEventsClock {
        static final java.time.Instant NOW = java.time.Instant.parse("2026-11-27T02:00:00Z");
    }

    /** The store's events, held back until released: a replay that stays running. */
    private record HeldBack(EmbeddedEventStore store, CountDownLatch release)
            implements StreamableMessageSource<TrackedEventMessage<?>> {

        @Override
        public BlockingStream<TrackedEventMessage<?>> openStream(TrackingToken token) {
            BlockingStream<TrackedEventMessage<?>> events = store.openStream(token);
            return new BlockingStream<>() {
                @Override
                public Optional<TrackedEventMessage<?>> peek() {
                    return release.getCount() == 0 ? events.peek() : Optional.empty();
                }

                @Override
                public boolean hasNextAvailable(int timeout, TimeUnit unit) throws InterruptedException {
                    if (!release.await(timeout, unit)) {
                        return false;
                    }
                    return events.hasNextAvailable(timeout, unit);
                }

                @Override
                public TrackedEventMessage<?> nextAvailable() throws InterruptedException {
                    release.await();
                    return events.nextAvailable();
                }

                @Override
                public void close() {
                    events.close();
                }
            };
        }

        @Override
        public TrackingToken createTailToken() {
            return store.createTailToken();
        }

        @Override
        public TrackingToken createHeadToken() {
            return store.createHeadToken();
        }

        @Override
        public TrackingToken createTokenAt(java.time.Instant dateTime) {
            return store.createTokenAt(dateTime);
        }
    }

    @Test
    void anErasedPersonsSealedLiveCopyEqualsTheErasedFormAReplayAfterTheErasureWrites() {
        String subject = "01a21abb-0000-7000-8000-00000000e1a5";
        ReadModelStore replayed = new ReadModelStore(fixture.client().getDatabase(ReadModelFixture.DATABASE + "_erased"),
                fixture.server(), false);
        live.collection("erasure_check").insertOne(new Document("_id", "p")
                .append("person", personalData.write(subject, new PersonalData("11010519491231002X", "张三", "13812345678"))));
        replayed.collection("erasure_check").insertOne(new Document("_id", "p")
                .append("person", new Document("erased", new Document("subject", subject))));
        ReplayComparison comparison = new ReplayComparison(personalData);

        assertThat(comparison.compare(live, replayed, "erasure_check").differing())
                .as("readable data is not the erased form").isEqualTo(1);
        keys.destroy(subject, "admin-1");
        assertThat(comparison.compare(live, replayed, "erasure_check").equal())
                .as("once the key is gone both say: erased").isEqualTo(1);
        live.collection("erasure_check").drop();
    }
}
