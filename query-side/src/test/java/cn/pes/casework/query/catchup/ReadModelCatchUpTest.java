package cn.pes.casework.query.catchup;

import cn.pes.casework.query.catchup.ReadModelCatchUp.ClaimedGroup;
import cn.pes.casework.query.catchup.ReadModelCatchUp.Outcome;
import cn.pes.casework.query.casesummary.CaseSummaryProjection;
import cn.pes.casework.query.common.PersonalDataDocs;
import cn.pes.casework.query.mongo.ReadModelStore;
import cn.pes.casework.query.projection.ProjectionProcessingConfiguration;
import cn.pes.casework.query.projection.ProjectionProcessorsModule;
import cn.pes.casework.query.projection.ProjectionStorage;
import cn.pes.casework.query.projection.ProjectionWriter;
import cn.pes.casework.query.replay.ReplayComparison;
import cn.pes.casework.query.replay.ReplayHistory;
import cn.pes.casework.query.replay.ReplayTargets;
import cn.pes.casework.query.support.ProjectionGroups;
import cn.pes.casework.query.support.ProjectionHarness;
import cn.pes.casework.query.support.ProjectionTestBase;
import cn.pes.casework.query.support.ReadModelFixture;
import cn.pes.casework.security.protection.PersonalDataProtector;
import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.Segment;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventhandling.tokenstore.UnableToClaimTokenException;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.axonframework.messaging.annotation.MessageIdentifier;
import org.axonframework.extensions.mongo.DefaultMongoTemplate;
import org.axonframework.extensions.mongo.eventsourcing.tokenstore.MongoTokenStore;
import org.axonframework.serialization.json.JacksonSerializer;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The catch-up on a real embedded read-model server against a scripted history ({@link ReplayHistory}):
 * what it builds is compared with what the projections build when fed batch by batch, as their
 * processors feed them, and its claims are checked against a second owner of the same token store.
 */
class ReadModelCatchUpTest extends ProjectionTestBase {

    private static final int SEGMENTS = 4;
    private static final List<String> GROUPS = ProjectionProcessingConfiguration.PROCESSING_GROUPS;

    private ReplayHistory history;
    private EmbeddedEventStore eventStore;
    private ReplayTargets targets;
    private ReplayComparison comparison;
    private ReadModelStore store;
    private MongoTokenStore catchUpTokens;
    private MongoTokenStore processorTokens;
    private ExecutorService workers;
    private final AtomicInteger commits = new AtomicInteger();

    @BeforeEach
    void setUp() {
        history = new ReplayHistory();
        eventStore = history.store();
        PersonalDataDocs personalData = new PersonalDataDocs(new PersonalDataProtector(keys));
        targets = new ReplayTargets(personalData, ProjectionHarness.BLIND_INDEX);
        comparison = new ReplayComparison(personalData);
        store = fixture.store(false);
        catchUpTokens = tokenStore("node-1/read-model-catch-up");
        processorTokens = tokenStore("node-1");
        workers = Executors.newFixedThreadPool(3);
    }

    @AfterEach
    void tearDown() {
        workers.shutdownNow();
        eventStore.shutDown();
    }

    private MongoTokenStore tokenStore(String owner) {
        return ProjectionProcessorsModule.tokenStore(fixture.client(), ReadModelFixture.DATABASE,
                                                     JacksonSerializer.defaultSerializer(), owner);
    }

    private ReadModelCatchUp catchUp(long minEvents, int chunkSize) {
        return new ReadModelCatchUp(eventStore, catchUpTokens, ProjectionStorage.of(store), () -> {
            commits.incrementAndGet();
            store.makeDurable();
        }, targets, new ReadModelCatchUp.Settings(minEvents, chunkSize, 3));
    }

    /** The read models as the projections build them when fed in batches of four, as processors feed them. */
    private Map<String, List<Document>> builtByTheProjections() {
        ProjectionWriter writer = new ProjectionWriter(store);
        List<AnnotationEventHandlerAdapter> adapters = new ArrayList<>();
        for (String group : GROUPS) {
            adapters.add(new AnnotationEventHandlerAdapter(targets.find(group).orElseThrow().factory().apply(writer)));
        }
        ProjectionGroups groups = new ProjectionGroups(writer, adapters);
        for (int from = 0; from < history.events.size(); from += 4) {
            groups.deliverBatch(history.events.subList(from, Math.min(history.events.size(), from + 4)));
        }
        Map<String, List<Document>> built = readModels();
        fixture.reset();
        return built;
    }

    private Map<String, List<Document>> readModels() {
        Map<String, List<Document>> dump = fixture.dump();
        dump.remove(ProjectionProcessorsModule.TOKEN_COLLECTION);
        return dump;
    }

    /**
     * Collection by collection, so that a difference names its read model; documents by their canonical
     * digest, since every seal of personal data has its own random IV.
     */
    private void assertSameReadModels(Map<String, List<Document>> actual, Map<String, List<Document>> expected) {
        assertThat(actual.keySet()).isEqualTo(expected.keySet());
        expected.forEach((collection, documents) -> assertThat(digests(actual.get(collection))).as(collection)
                                                                                               .isEqualTo(digests(documents)));
    }

    private Map<Object, String> digests(List<Document> documents) {
        Map<Object, String> digests = new TreeMap<>(Comparator.comparing(String::valueOf));
        documents.forEach(document -> digests.put(document.get("_id"), comparison.digest(document)));
        return digests;
    }

    private long head() {
        return eventStore.createHeadToken().position().orElseThrow();
    }

    @Test
    void readModelsCaughtUpWithOneReadEqualThoseTheirProjectionsBuildBatchByBatch() throws InterruptedException {
        Map<String, List<Document>> expected = builtByTheProjections();
        assertThat(expected.values().stream().mapToInt(List::size).sum()).as("the history reaches the read models")
                                                                         .isGreaterThan(50);
        ReadModelCatchUp catchUp = catchUp(1, 5);

        List<ClaimedGroup> claimed = catchUp.claim(GROUPS, SEGMENTS);
        Outcome outcome = catchUp.run(claimed, workers, () -> true);
        catchUp.release(claimed);

        assertThat(claimed).extracting(ClaimedGroup::name).containsExactlyElementsOf(GROUPS);
        assertThat(outcome.completed()).isTrue();
        assertThat(outcome.failed()).isEmpty();
        assertThat(outcome.events()).isEqualTo(history.events.size());
        // One commit per chunk of five at most: a commit still running when the next chunk is written
        // covers it too, with the one after it.
        assertThat(commits.get()).as("commits").isBetween(1, (history.events.size() + 4) / 5);
        assertSameReadModels(readModels(), expected);
    }

    @Test
    void everySegmentIsLeftAtTheHeadForItsProcessor() throws InterruptedException {
        ReadModelCatchUp catchUp = catchUp(1, 7);
        List<ClaimedGroup> claimed = catchUp.claim(GROUPS, SEGMENTS);
        catchUp.run(claimed, workers, () -> true);
        catchUp.release(claimed);

        for (String group : GROUPS) {
            assertThat(processorTokens.fetchSegments(group)).as(group).containsExactly(0, 1, 2, 3);
            for (int segment = 0; segment < SEGMENTS; segment++) {
                // A processor of this node claims the segment, and goes on from the head.
                TrackingToken token = processorTokens.fetchToken(group, segment);
                assertThat(token.position()).as(group + " " + segment).hasValue(head());
            }
        }
    }

    @Test
    void whileItHoldsTheGroupsNoProcessorCanClaimThem() {
        ReadModelCatchUp catchUp = catchUp(1, 7);
        List<ClaimedGroup> claimed = catchUp.claim(GROUPS, SEGMENTS);

        assertThat(claimed).hasSize(GROUPS.size());
        assertThatThrownBy(() -> processorTokens.fetchToken(CaseSummaryProjection.PROCESSING_GROUP, 2))
                .isInstanceOf(UnableToClaimTokenException.class);
        catchUp.release(claimed);
        assertThat(processorTokens.fetchToken(CaseSummaryProjection.PROCESSING_GROUP, 2)).isNull();
    }

    @Test
    void groupsLessFarBehindThanTheThresholdAreLeftToTheirProcessors() {
        ReadModelCatchUp catchUp = catchUp(history.events.size() + 1, 7);

        assertThat(catchUp.claim(GROUPS, SEGMENTS)).isEmpty();
        // Nothing stays claimed.
        assertThat(processorTokens.fetchToken(CaseSummaryProjection.PROCESSING_GROUP, 0)).isNull();
    }

    @Test
    void aGroupThatAnotherNodeHoldsIsLeftAloneAndOneWhoseSegmentsStandApartIsTakenFromItsLowest() {
        String apart = GROUPS.get(1);
        String held = GROUPS.get(2);
        processorTokens.initializeTokenSegments(apart, SEGMENTS);
        processorTokens.fetchToken(apart, 3);
        processorTokens.storeToken(new GlobalSequenceTrackingToken(5), apart, 3);
        processorTokens.releaseClaim(apart, 3);
        processorTokens.initializeTokenSegments(held, SEGMENTS);
        tokenStore("node-2").fetchToken(held, 1);

        List<ClaimedGroup> claimed = catchUp(1, 7).claim(GROUPS, SEGMENTS);

        assertThat(claimed).extracting(ClaimedGroup::name).doesNotContain(held).contains(apart).hasSize(GROUPS.size() - 1);
        ClaimedGroup taken = claimed.stream().filter(group -> group.name().equals(apart)).findFirst().orElseThrow();
        assertThat(taken.position()).as("the lowest of its segments: before the first event").isNull();
        assertThat(taken.segments().get(3)).isEqualTo(new GlobalSequenceTrackingToken(5));
        assertThatThrownBy(() -> processorTokens.fetchToken(apart, 0)).isInstanceOf(UnableToClaimTokenException.class);
        // What it did not take, it let go of; the other node's claim stands.
        assertThatThrownBy(() -> processorTokens.fetchToken(held, 1)).isInstanceOf(UnableToClaimTokenException.class);
        assertThat(processorTokens.fetchToken(held, 0)).isNull();
    }

    @Test
    void aSegmentAheadOfTheOthersIsNotFedAgainWhatItHasHandled() throws InterruptedException {
        String group = "recording";
        List<String> received = java.util.Collections.synchronizedList(new ArrayList<>());
        targets.live(group, writer -> new RecordsWhatItGets(received));
        long ahead = 9;
        processorTokens.initializeTokenSegments(group, SEGMENTS);
        processorTokens.fetchToken(group, 3);
        processorTokens.storeToken(new GlobalSequenceTrackingToken(ahead), group, 3);
        processorTokens.releaseClaim(group, 3);
        ReadModelCatchUp catchUp = catchUp(1, 4);
        List<ClaimedGroup> claimed = catchUp.claim(List.of(group), SEGMENTS);

        catchUp.run(claimed, workers, () -> true);
        catchUp.release(claimed);

        // Segment 3 is the processor's: the cases whose hash it matches, as Axon divides them.
        Segment third = Segment.computeSegment(3, 0, 1, 2, 3);
        List<String> expected = new ArrayList<>();
        List<String> skipped = new ArrayList<>();
        for (int position = 0; position < history.events.size(); position++) {
            DomainEventMessage<?> event = history.events.get(position);
            boolean handled = position <= ahead && third.matches(Objects.hashCode(event.getAggregateIdentifier()));
            (handled ? skipped : expected).add(event.getIdentifier());
        }
        assertThat(skipped).as("the history puts some of segment 3's events before its token").isNotEmpty();
        assertThat(received).containsExactlyElementsOf(expected);
        for (int segment = 0; segment < SEGMENTS; segment++) {
            assertThat(processorTokens.fetchToken(group, segment).position()).as("segment " + segment).hasValue(head());
        }
    }

    @Test
    void followingGoesOnFeedingWhatIsAppendedAtTheHeadAndStoresItsTokensWhenItStops() throws Exception {
        Map<String, List<Document>> expected = builtByTheProjections();
        int firstPart = history.events.size() / 2;
        eventStore.shutDown();
        eventStore = EmbeddedEventStore.builder().storageEngine(new InMemoryEventStorageEngine()).build();
        eventStore.publish(history.events.subList(0, firstPart));
        // Tokens stored live only once a minute: within this test, only before arriving and at the end.
        ReadModelCatchUp feed = new ReadModelCatchUp(eventStore, catchUpTokens, ProjectionStorage.of(store), () -> {
            commits.incrementAndGet();
            store.makeDurable();
        }, targets, new ReadModelCatchUp.Settings(1, 5, 3, 60_000));
        List<ClaimedGroup> claimed = feed.claim(GROUPS, SEGMENTS, 0);
        AtomicBoolean keepGoing = new AtomicBoolean(true);
        CompletableFuture<Outcome> arrived = new CompletableFuture<>();
        ExecutorService reader = Executors.newSingleThreadExecutor();
        try {
            Future<Outcome> following = reader.submit(() -> feed.follow(claimed, workers, keepGoing::get, arrived::complete));

            Outcome atHead = arrived.get(30, TimeUnit.SECONDS);
            assertThat(atHead.completed()).isTrue();
            assertThat(atHead.events()).isEqualTo(firstPart);
            int commitsAtHead = commits.get();
            for (DomainEventMessage<?> event : history.events.subList(firstPart, history.events.size())) {
                eventStore.publish(event);
            }
            long head = head();
            awaitPositions(feed, head);

            assertSameReadModels(readModels(), expected);
            assertThat(commits.get()).as("a commit per chunk of what arrived").isGreaterThan(commitsAtHead);
            assertThat(catchUpTokens.fetchToken(GROUPS.get(0), 0).position()).as("stored before it arrived")
                                                                             .hasValue(firstPart - 1L);
            keepGoing.set(false);
            Outcome stopped = following.get(10, TimeUnit.SECONDS);
            feed.release(claimed);

            assertThat(stopped.events()).isEqualTo(history.events.size());
            assertThat(stopped.failed()).isEmpty();
            assertThat(feed.positions()).isEmpty();
            for (String group : GROUPS) {
                for (int segment = 0; segment < SEGMENTS; segment++) {
                    assertThat(processorTokens.fetchToken(group, segment).position()).as(group + " " + segment)
                                                                                    .hasValue(head);
                }
            }
        } finally {
            keepGoing.set(false);
            reader.shutdownNow();
        }
    }

    @Test
    void followingAtTheHeadStoresTheTokensOfItsLastChunksWhileIdle() throws Exception {
        int firstPart = history.events.size() / 2;
        ReadModelCatchUp feed = feedOverFirstPart(firstPart, 300);
        List<ClaimedGroup> claimed = feed.claim(GROUPS, SEGMENTS, 0);
        AtomicBoolean keepGoing = new AtomicBoolean(true);
        CompletableFuture<Outcome> arrived = new CompletableFuture<>();
        ExecutorService reader = Executors.newSingleThreadExecutor();
        try {
            reader.submit(() -> feed.follow(claimed, workers, keepGoing::get, arrived::complete));
            arrived.get(30, TimeUnit.SECONDS);
            // In one chunk, right after the tokens of the catch-up's last chunk were stored.
            eventStore.publish(history.events.subList(firstPart, history.events.size()));
            long head = head();
            awaitPositions(feed, head);

            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (lowestStoredPosition() < head) {
                assertThat(System.nanoTime()).as("the tokens stored while following, idle").isLessThan(deadline);
                TimeUnit.MILLISECONDS.sleep(20);
            }
            assertThat(feed.positions()).hasSize(GROUPS.size());
        } finally {
            keepGoing.set(false);
            reader.shutdown();
            assertThat(reader.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
            feed.release(claimed);
        }
    }

    /**
     * Under load the store may answer the claim keeper too late: a claim not extended within the token
     * store's claim timeout counts as abandoned, and a processor takes it. The feed then drops that group,
     * lets go of its other segments, and goes on feeding the rest.
     */
    @Test
    void aGroupWhoseClaimAProcessorTookIsDroppedAndTheOthersFollowOn() throws Exception {
        int firstPart = history.events.size() / 2;
        ReadModelCatchUp feed = feedOverFirstPart(firstPart, 100);
        List<ClaimedGroup> claimed = feed.claim(GROUPS, SEGMENTS, 0);
        AtomicBoolean keepGoing = new AtomicBoolean(true);
        CompletableFuture<Outcome> arrived = new CompletableFuture<>();
        ExecutorService reader = Executors.newSingleThreadExecutor();
        String taken = GROUPS.get(2);
        try {
            Future<Outcome> following = reader.submit(() -> feed.follow(claimed, workers, keepGoing::get,
                                                                         arrived::complete));
            arrived.get(30, TimeUnit.SECONDS);
            // A processor whose claim timeout passes once the feed, idle, has not touched segment 0 for a moment.
            MongoTokenStore impatient = impatientProcessor();
            long stealBy = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (true) {
                try {
                    impatient.fetchToken(taken, 0);
                    break;
                } catch (UnableToClaimTokenException e) {
                    assertThat(System.nanoTime()).as("the claim left unextended").isLessThan(stealBy);
                    TimeUnit.MILLISECONDS.sleep(20);
                }
            }

            eventStore.publish(history.events.subList(firstPart, history.events.size()));
            long head = head();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (feed.positions().containsKey(taken) || feed.positions().size() < GROUPS.size() - 1
                    || !feed.positions().values().stream().allMatch(position -> position >= head)) {
                assertThat(following.isDone()).as("the feed goes on").isFalse();
                assertThat(System.nanoTime()).as("the others at " + head + ": " + feed.positions()).isLessThan(deadline);
                TimeUnit.MILLISECONDS.sleep(10);
            }
            // Its other segments are the processors' to take.
            Set<Integer> others = new HashSet<>(claimed.stream().filter(group -> group.name().equals(taken))
                                                       .findFirst().orElseThrow().segments().keySet());
            others.remove(0);
            assertThat(others).isNotEmpty();
            for (int segment : others) {
                assertThatCode(() -> processorTokens.fetchToken(taken, segment)).doesNotThrowAnyException();
            }
            keepGoing.set(false);
            Outcome stopped = following.get(10, TimeUnit.SECONDS);
            assertThat(stopped.failed()).containsExactly(taken);
            assertThat(stopped.caughtUp()).hasSize(GROUPS.size() - 1).doesNotContain(taken);
        } finally {
            keepGoing.set(false);
            reader.shutdownNow();
            feed.release(claimed);
        }
    }

    /** This node's processors, counting a claim abandoned a moment after it was last extended. */
    private MongoTokenStore impatientProcessor() {
        return MongoTokenStore.builder()
                              .mongoTemplate(DefaultMongoTemplate.builder().mongoDatabase(fixture.client(), ReadModelFixture.DATABASE)
                                                                 .trackingTokensCollectionName(ProjectionProcessorsModule.TOKEN_COLLECTION)
                                                                 .build())
                              .serializer(JacksonSerializer.defaultSerializer())
                              .nodeId("node-1")
                              .claimTimeout(Duration.ofMillis(20))
                              .build();
    }

    /** A feed (chunks of 500) over a new event store that holds the history's first {@code firstPart} events. */
    private ReadModelCatchUp feedOverFirstPart(int firstPart, long tokenIntervalMillis) {
        eventStore.shutDown();
        eventStore = EmbeddedEventStore.builder().storageEngine(new InMemoryEventStorageEngine()).build();
        eventStore.publish(history.events.subList(0, firstPart));
        return new ReadModelCatchUp(eventStore, catchUpTokens, ProjectionStorage.of(store), store::makeDurable, targets,
                                    new ReadModelCatchUp.Settings(1, 500, 3, tokenIntervalMillis));
    }

    /** The lowest position any segment of any group has stored (read under the catch-up's own claims). */
    private long lowestStoredPosition() {
        long lowest = Long.MAX_VALUE;
        for (String group : GROUPS) {
            for (int segment = 0; segment < SEGMENTS; segment++) {
                TrackingToken token = catchUpTokens.fetchToken(group, segment);
                lowest = Math.min(lowest, token == null ? -1 : token.position().orElse(-1));
            }
        }
        return lowest;
    }

    private static void awaitPositions(ReadModelCatchUp feed, long head) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!feed.positions().values().stream().allMatch(position -> position >= head)) {
            assertThat(System.nanoTime()).as("every read model at " + head + ": " + feed.positions()).isLessThan(deadline);
            TimeUnit.MILLISECONDS.sleep(10);
        }
        assertThat(feed.positions()).hasSize(GROUPS.size());
    }

    @Test
    void aStoppedCatchUpIsResumedFromItsStoredTokens() throws InterruptedException {
        Map<String, List<Document>> expected = builtByTheProjections();
        ReadModelCatchUp first = catchUp(1, 6);
        List<ClaimedGroup> claimed = first.claim(GROUPS, SEGMENTS);
        AtomicInteger asked = new AtomicInteger();
        Outcome stopped = first.run(claimed, workers, () -> asked.incrementAndGet() < 2);
        first.release(claimed);

        assertThat(stopped.completed()).isFalse();
        assertThat(stopped.events()).isEqualTo(12);
        assertThat(processorTokens.fetchToken(GROUPS.get(0), 0).position()).hasValue(11L);
        processorTokens.releaseClaim(GROUPS.get(0), 0);

        ReadModelCatchUp second = catchUp(1, 6);
        List<ClaimedGroup> again = second.claim(GROUPS, SEGMENTS);
        Outcome resumed = second.run(again, workers, () -> true);
        second.release(again);

        assertThat(resumed.completed()).isTrue();
        assertThat(resumed.events()).isEqualTo(history.events.size() - 12);
        assertSameReadModels(readModels(), expected);
    }

    @Test
    void aReadModelThatFailsIsHandedBackToItsProcessorAtItsLastStoredToken() throws InterruptedException {
        targets.live("failing", writer -> new FailsOnTheTwentiethEvent());
        ReadModelCatchUp catchUp = catchUp(1, 4);
        List<ClaimedGroup> claimed = catchUp.claim(List.of("failing", CaseSummaryProjection.PROCESSING_GROUP), SEGMENTS);

        Outcome outcome = catchUp.run(claimed, workers, () -> true);

        assertThat(outcome.failed()).containsExactly("failing");
        assertThat(outcome.caughtUp()).containsExactly(CaseSummaryProjection.PROCESSING_GROUP);
        // Released at once, at the token of the last chunk it finished.
        TrackingToken failedAt = processorTokens.fetchToken("failing", 0);
        assertThat(failedAt).isNotNull();
        assertThat(failedAt.position().orElseThrow()).isLessThan(head());
        catchUp.release(claimed);
        assertThat(processorTokens.fetchToken(CaseSummaryProjection.PROCESSING_GROUP, 0).position()).hasValue(head());
    }

    /** A read model that notes the identifier of every event it gets. */
    private record RecordsWhatItGets(List<String> received) {
        @EventHandler
        void on(Object event, @MessageIdentifier String identifier) {
            received.add(identifier);
        }
    }

    /** A read model with a bug: it throws on the twentieth event. */
    private static final class FailsOnTheTwentiethEvent {
        private int handled;

        @EventHandler
        void on(Object event) {
            if (++handled == 20) {
                throw new IllegalStateException("a projection bug");
            }
        }
    }
}
