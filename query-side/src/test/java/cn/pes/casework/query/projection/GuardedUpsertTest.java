package cn.pes.casework.query.projection;

import cn.pes.casework.query.mongo.ReadModelStore;
import cn.pes.casework.query.support.ReadModelFixture;
import com.mongodb.client.model.Filters;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The guarded writes themselves, in both guard modes, against the embedded server. */
class GuardedUpsertTest {

    private static ReadModelFixture fixture;

    @BeforeAll
    static void start() {
        fixture = ReadModelFixture.inMemory();
    }

    @AfterAll
    static void stop() {
        fixture.close();
    }

    @BeforeEach
    void reset() {
        fixture.reset();
    }

    private static Document stored(String collection, String id) {
        return fixture.database().getCollection(collection).find(Filters.eq("_id", id)).first();
    }

    private static Document shared(String collection, String id) {
        return SharedDocuments.find(fixture.database().getCollection(collection), id);
    }

    @ParameterizedTest(name = "serverSideGuards={0}")
    @ValueSource(booleans = {false, true})
    void aPerCaseDocumentTakesOnlyNewerSequences(boolean serverSideGuards) {
        ProjectionWriter writer = new ProjectionWriter(fixture.store(serverSideGuards));

        assertThat(writer.updateDocument("docs", "case-1", 3, doc -> doc.put("value", "three"))).isTrue();
        assertThat(writer.updateDocument("docs", "case-1", 3, doc -> doc.put("value", "again"))).isFalse();
        assertThat(writer.updateDocument("docs", "case-1", 2, doc -> doc.put("value", "two"))).isFalse();
        assertThat(writer.updateDocument("docs", "case-1", 4, doc -> doc.put("value", "four"))).isTrue();

        assertThat(stored("docs", "case-1")).isEqualTo(new Document("_id", "case-1").append("value", "four")
                                                                                    .append("lastSequence", 4L));
    }

    @ParameterizedTest(name = "serverSideGuards={0}")
    @ValueSource(booleans = {false, true})
    void partsOfSeveralCasesShareADocumentAndKeepTheirOwnSequence(boolean serverSideGuards) {
        ProjectionWriter writer = new ProjectionWriter(fixture.store(serverSideGuards));
        Document onInsert = new Document("agencyId", "A");

        writer.updatePart("shared", "A|2026-11", onInsert, "case.1", 5, part -> new Document("n", 5));
        writer.updatePart("shared", "A|2026-11", onInsert, "case-2", 1, part -> new Document("n", 1));
        writer.updatePart("shared", "A|2026-11", onInsert, "case.1", 4, part -> new Document("n", 4));
        writer.updatePart("shared", "A|2026-11", onInsert, "case-2", 2, part -> null);

        Document stored = shared("shared", "A|2026-11");
        assertThat(stored.getString("agencyId")).isEqualTo("A");
        assertThat(stored.get("cases", Document.class)).isEqualTo(new Document("case%2E1", new Document("n", 5)));
        assertThat(stored.get("seq", Document.class)).isEqualTo(new Document("case%2E1", 5L));
        // A removed part keeps its sequence, out of the document as queries read it: the older event cannot
        // bring it back.
        assertThat(stored("shared", "A|2026-11#case-2")).isEqualTo(
                new Document("_id", "A|2026-11#case-2").append("agencyId", "A").append("seq", 2L));
        writer.updatePart("shared", "A|2026-11", onInsert, "case-2", 1, part -> new Document("n", 1));
        assertThat(shared("shared", "A|2026-11").get("cases", Document.class)).doesNotContainKey("case-2");
    }

    /**
     * Two writers that both read the document before either wrote (a node that lost its segment claim
     * mid-batch, and the node that took it over): the server-side guard keeps the newer state and the
     * duplicate-key error of the losing upsert counts as "already applied".
     */
    @Test
    void theServerSideGuardKeepsTheNewerStateWhenAStaleWriterComesLast() {
        ReadModelStore store = fixture.store(true);
        new ProjectionWriter(store).updateDocument("docs", "case-1", 1, doc -> doc.put("value", "one"));
        new ProjectionWriter(store).updatePart("shared", "A", null, "case-1", 1, part -> new Document("n", 1));

        ProjectionBatch stale = new ProjectionBatch(ProjectionStorage.of(store), java.util.Set.of());
        ProjectionBatch current = new ProjectionBatch(ProjectionStorage.of(store), java.util.Set.of());
        assertThat(stale.findPart("shared", "A", "case-1").getInteger("n")).isEqualTo(1);
        stale.updateDocument("docs", "case-1", 2, doc -> doc.put("value", "two"));
        stale.updatePart("shared", "A", null, "case-1", 2, part -> new Document("n", 2));
        current.updateDocument("docs", "case-1", 3, doc -> doc.put("value", "three"));
        current.updatePart("shared", "A", null, "case-1", 3, part -> new Document("n", 3));

        current.flush();
        stale.flush();

        assertThat(stored("docs", "case-1").getString("value")).isEqualTo("three");
        assertThat(shared("shared", "A").get("cases", Document.class).get("case-1", Document.class).getInteger("n")).isEqualTo(3);
    }

    @Test
    void aBatchIsReadOnceAndWrittenWithOneCommandPerCollection() {
        ProjectionBatch batch = new ProjectionBatch(ProjectionStorage.of(fixture.store(false)), java.util.Set.of());
        for (int sequence = 0; sequence < 50; sequence++) {
            int n = sequence;
            batch.updateDocument("docs", "case-" + (sequence % 5), sequence, doc -> doc.put("n", n));
            batch.updatePart("shared", "A", null, "case-" + (sequence % 5), sequence, part -> new Document("n", n));
            batch.updatePart("shared", "B", null, "case-" + (sequence % 5), sequence, part -> new Document("n", n));
        }
        assertThat(batch.findDocument("docs", "case-4").getInteger("n")).isEqualTo(49);
        assertThat(fixture.writeCommands()).isZero();

        batch.flush();
        batch.flush();

        assertThat(fixture.writeCommands()).isEqualTo(2);
        assertThat(fixture.database().getCollection("docs").countDocuments()).isEqualTo(5);
        assertThat(shared("shared", "B").get("seq", Document.class).get("case-4")).isEqualTo(49L);
    }

    @Test
    void eachPartIsADocumentOfItsOwnKeyedByItsSharedDocument() {
        ProjectionWriter writer = new ProjectionWriter(fixture.store(false));
        writer.updatePart("shared", "A|2026-11", new Document("agencyId", "A"), "case.1", 5, part -> new Document("n", 5));
        writer.updatePart("shared", "A|2026-11", null, "case.1", 6, part -> new Document("n", 6));

        assertThat(stored("shared", "A|2026-11#case.1")).isEqualTo(
                new Document("_id", "A|2026-11#case.1").append("agencyId", "A").append("seq", 6L)
                                                      .append("part", new Document("n", 6)));
        assertThat(stored("shared", "A|2026-11")).isNull();
    }

    /**
     * A shared document is read as the range of its parts' IDs: documents whose IDs extend each other, or
     * hold the separator, must not see each other's parts.
     */
    @ParameterizedTest(name = "serverSideGuards={0}")
    @ValueSource(booleans = {false, true})
    void aSharedDocumentHoldsOnlyItsOwnParts(boolean serverSideGuards) {
        ProjectionWriter writer = new ProjectionWriter(fixture.store(serverSideGuards));
        List<String> ids = List.of("A", "A#", "A#B", "A|1", "A%23B", "B", "");
        for (String id : ids) {
            writer.updatePart("shared", id, null, "case-1", 1, part -> new Document("of", id));
            writer.updatePart("shared", id, null, "case-2#" + id, 1, part -> new Document("of", id));
        }

        for (String id : ids) {
            Document found = shared("shared", id);
            assertThat(found.getString("_id")).isEqualTo(id);
            assertThat(found.get("cases", Document.class).values())
                    .as(id).hasSize(2).allSatisfy(part -> assertThat(((Document) part).getString("of")).isEqualTo(id));
        }
        assertThat(SharedDocuments.find(fixture.database().getCollection("shared"), List.of("B", "none", "A", "B")))
                .extracting(document -> document.getString("_id")).containsExactly("B", "A");
    }

    /**
     * The shape the embedded store's indexes answer from their ordered keys (not {@code $and}, as the driver
     * renders): the live parts of the documents' ranges.
     */
    @Test
    void aSharedDocumentIsReadAsRangesOfItsPartsIds() {
        Document range = new Document("_id", new Document("$gte", "A|2026-11#").append("$lt", "A|2026-11$"));
        Document live = new Document("$exists", true);
        assertThat(SharedDocuments.ranges(List.of("A|2026-11")).toBsonDocument())
                .isEqualTo(new Document(range).append("part", live).toBsonDocument());
        assertThat(SharedDocuments.ranges(List.of("A|2026-11", "A%#")).toBsonDocument()).isEqualTo(new Document("$or", List.of(
                range, new Document("_id", new Document("$gte", "A%25%23#").append("$lt", "A%25%23$"))))
                .append("part", live).toBsonDocument());
    }
}
