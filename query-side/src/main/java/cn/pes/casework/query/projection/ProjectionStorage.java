package cn.pes.casework.query.projection;

import cn.pes.casework.query.mongo.ReadModelStore;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.WriteModel;
import org.bson.Document;

import java.util.List;
import java.util.function.Consumer;

/**
 * Where a projection batch reads the documents it changes and writes them back: the read-model store
 * ({@link #of}), or {@link InMemoryReadModels} for a one-off fold of a single case (as-of answers),
 * where the projections' own code builds a past state without a store.
 */
public interface ProjectionStorage {

    /** Hands every stored document of {@code collection} whose {@code _id} is one of {@code ids} to {@code found}. */
    void find(String collection, List<String> ids, Consumer<Document> found);

    /** Writes the batch's guarded replacements ({@link GuardedUpsert}) of one collection. */
    void write(String collection, List<WriteModel<Document>> writes);

    /** Whether the sequence guard goes into the write's filter (see {@link ReadModelStore}). */
    boolean serverSideGuards();

    /** Makes the writes so far durable. */
    void commit();

    /** Empties a collection (a read model reset for a replay). */
    void drop(String collection);

    static ProjectionStorage of(ReadModelStore store) {
        return new ProjectionStorage() {
            @Override
            public void find(String collection, List<String> ids, Consumer<Document> found) {
                // A single _id as an equality: the embedded server answers it from its index for certain.
                store.collection(collection)
                     .find(ids.size() == 1 ? Filters.eq("_id", ids.get(0)) : Filters.in("_id", ids))
                     .forEach(found);
            }

            @Override
            public void write(String collection, List<WriteModel<Document>> writes) {
                GuardedUpsert.execute(store.collection(collection), writes);
            }

            @Override
            public boolean serverSideGuards() {
                return store.serverSideGuards();
            }

            @Override
            public void commit() {
                store.makeDurable();
            }

            @Override
            public void drop(String collection) {
                store.collection(collection).drop();
            }
        };
    }
}
