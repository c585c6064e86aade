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
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventhandling.tokenstore.UnableToClaimTokenException;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.extensions.mongo.eventsourcing.tokenstore.MongoTokenStore;
import org.axonframework.serialization.json.JacksonSerializer;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
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
        assertThat(commits.get()).as("one commit per chunk of five").isEqualTo((history.events.size() + 4) / 5);
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
    void aGroupWhoseSegmentsStandApartOrThatAnotherNodeHoldsIsLeftAlone() {
        String apart = GROUPS.get(1);
        String held = GROUPS.get(2);
        processorTokens.initializeTokenSegments(apart, SEGMENTS);
        processorTokens.fetchToken(apart, 3);
        processorTokens.storeToken(new GlobalSequenceTrackingToken(5), apart, 3);
        processorTokens.releaseClaim(apart, 3);
        processorTokens.initializeTokenSegments(held, SEGMENTS);
        tokenStore("node-2").fetchToken(held, 1);

        List<ClaimedGroup> claimed = catchUp(1, 7).claim(GROUPS, SEGMENTS);

        assertThat(claimed).extracting(ClaimedGroup::name).doesNotContain(apart, held).hasSize(GROUPS.size() - 2);
        // What it did not take, it let go of: the segments of the group standing apart are free.
        assertThat(processorTokens.fetchToken(apart, 0)).isNull();
        assertThatThrownBy(() -> processorTokens.fetchToken(held, 1)).isInstanceOf(UnableToClaimTokenException.class);
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
