package cn.pes.casework.query.mongo;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.backend.h2.H2Database;
import de.bwaldvogel.mongo.bson.Document;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;

import java.lang.reflect.Field;

/**
 * The H2 backend of the embedded read-model store with documents kept as BSON ({@link BsonDocumentType})
 * instead of Java serialisation. Everything else (maps and their names, indexes, metadata) is the
 * library's own, so a data folder written by the plain backend opens unchanged.
 */
final class ReadModelBackend extends H2Backend {

    ReadModelBackend(MVStore store) {
        super(store);
    }

    @Override
    protected MongoDatabase openOrCreateDatabase(String databaseName) {
        return new Database(databaseName, getMvStore(), getCursorRegistry());
    }

    private static final class Database extends H2Database {

        /** Set by the library's constructor, which already opens the existing collections. */
        private static final Field STORE = storeField();

        Database(String databaseName, MVStore store, CursorRegistry cursors) {
            super(databaseName, store, cursors);
        }

        private static Field storeField() {
            try {
                Field field = H2Database.class.getDeclaredField("mvStore");
                field.setAccessible(true);
                return field;
            } catch (NoSuchFieldException e) {
                throw new IllegalStateException("mongo-java-server's H2Database changed: no mvStore field", e);
            }
        }

        @Override
        protected MongoCollection<Object> openOrCreateCollection(String collectionName, CollectionOptions options) {
            MVStore store;
            try {
                store = (MVStore) STORE.get(this);
            } catch (IllegalAccessException e) {
                throw new IllegalStateException(e);
            }
            String namespace = getFullCollectionNamespace(collectionName);
            // The same map names as the library, only the value type differs.
            MVMap<Object, Document> data = store.openMap("databases." + namespace,
                    new MVMap.Builder<Object, Document>().valueType(new BsonDocumentType()));
            MVMap<String, Object> meta = store.openMap("meta." + namespace);
            return new ReadModelCollection(this, collectionName, options, data, meta, cursorRegistry);
        }
    }
}
