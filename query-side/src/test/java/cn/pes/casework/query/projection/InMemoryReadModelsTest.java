package cn.pes.casework.query.projection;

import cn.pes.casework.events.casefile.RegistrationStatus;
import cn.pes.casework.query.mongo.ReadModelStore;
import cn.pes.casework.query.support.ProjectionTestBase;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.Updates;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.WriteModel;
import org.bson.Document;
import org.bson.types.Decimal128;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The as-of folds read documents from memory with the mapping the live queries use on stored ones, so
 * a document must come back from memory exactly as it comes back from the read-model store.
 */
class InMemoryReadModelsTest extends ProjectionTestBase {

    private static Document sample(String id) {
        return new Document("_id", id)
                .append("birthYear", 1990)
                .append(GuardedUpsert.LAST_SEQUENCE, 7L)
                .append("updatedAt", Instant.parse("2026-05-18T06:00:00.123456Z"))
                .append("registeredOn", LocalDate.of(2026, 3, 2))
                .append("amount", new BigDecimal("1500.50"))
                .append("categories", Set.of("DISABLED"))
                .append("reached", true)
                .append("endNote", null)
                .append("spells", List.of(new Document("spell", 1).append("appliedOn", LocalDate.of(2026, 3, 1))))
                .append("score", 0.25)
                .append("contactedAt", new Date(1_780_000_000_000L))
                .append("status", RegistrationStatus.ACTIVE)
                .append("counts", Map.of("PHONE", 2, "VISIT", 3L))
                .append("sealed", new byte[]{1, 2, 3})
                .append("days", List.of("2026-03-02", List.of(1, 2L), Instant.parse("2026-03-02T00:00:00Z")));
    }

    @Test
    void aDocumentReadsBackFromMemoryAsFromTheStore() {
        ReadModelStore store = fixture.store(false);
        InMemoryReadModels memory = new InMemoryReadModels(store.codecRegistry());
        List<WriteModel<Document>> writes = List.of(GuardedUpsert.replaceDocument(sample("case-1"), false));

        ProjectionStorage.of(store).write("cases", writes);
        memory.write("cases", writes);

        Document stored = store.collection("cases").find(Filters.eq("_id", "case-1")).first();
        Document inMemory = memory.find("cases", "case-1");
        assertThat(inMemory).isEqualTo(stored);
        assertThat(inMemory.get("updatedAt")).isInstanceOf(java.util.Date.class);
        assertThat(inMemory.get("amount")).isInstanceOf(Decimal128.class);
        assertThat(inMemory.get(GuardedUpsert.LAST_SEQUENCE)).isInstanceOf(Long.class);
        assertThat(inMemory.get("counts")).isInstanceOf(Document.class);
        assertThat(inMemory.get("sealed")).isEqualTo(stored.get("sealed")).isNotInstanceOf(byte[].class);
        assertThat(inMemory.getList("days", Object.class).get(2)).isInstanceOf(java.util.Date.class);
    }

    /** A batch reads what a fold wrote and changes it in place, as it would a document read from the store. */
    @Test
    void theListsOfAStoredDocumentCanBeChangedLikeTheStoresOwn() {
        InMemoryReadModels memory = new InMemoryReadModels(fixture.store(false).codecRegistry());
        memory.write("cases", List.of(GuardedUpsert.replaceDocument(sample("case-1"), false)));

        Document stored = memory.find("cases", "case-1");
        stored.getList("spells", Document.class).add(new Document("spell", 2));
        stored.getList("spells", Document.class).get(0).put("status", "EMPLOYED");
        stored.getList("categories", String.class).add("OVER_40");

        assertThat(memory.find("cases", "case-1").getList("spells", Document.class))
                .extracting(spell -> spell.get("spell")).containsExactly(1, 2);
    }

    @Test
    void laterChangesToTheWrittenDocumentDoNotReachTheStoredOne() {
        InMemoryReadModels memory = new InMemoryReadModels(fixture.store(false).codecRegistry());
        Document document = sample("case-1");
        memory.write("cases", List.of(GuardedUpsert.replaceDocument(document, false)));

        document.put("birthYear", 1991);

        assertThat(memory.find("cases", "case-1").getInteger("birthYear")).isEqualTo(1990);
    }

    @Test
    void findHandsOverOnlyTheDocumentsThere() {
        InMemoryReadModels memory = new InMemoryReadModels(fixture.store(false).codecRegistry());
        memory.write("cases", List.of(GuardedUpsert.replaceDocument(sample("case-1"), false),
                                      GuardedUpsert.replaceDocument(sample("case-2"), false)));
        List<Object> found = new ArrayList<>();

        memory.find("cases", List.of("case-2", "case-9"), document -> found.add(document.get("_id")));
        memory.find("other", List.of("case-1"), document -> found.add(document.get("_id")));

        assertThat(found).containsExactly("case-2");
        memory.drop("cases");
        assertThat(memory.find("cases", "case-1")).isNull();
    }

    /** Only the batch's replacements are understood; anything else would be silently wrong. */
    @Test
    void refusesWritesOtherThanReplacements() {
        InMemoryReadModels memory = new InMemoryReadModels(fixture.store(false).codecRegistry());
        WriteModel<Document> update = new UpdateOneModel<>(Filters.eq("_id", "case-1"), Updates.set("x", 1));

        assertThatThrownBy(() -> memory.write("cases", List.of(update)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(memory.find("cases", "case-1")).isNull();
    }
}
