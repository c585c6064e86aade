package cn.pes.casework.query.mongo;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.backend.h2.H2Database;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.oplog.Oplog;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.lang.reflect.Field;
import java.util.List;
import java.util.Map;

/**
 * The H2 backend of the embedded read-model store with documents kept as BSON ({@link BsonDocumentType})
 * and unique-index keys as BSON compared in memory ({@link KeyValueType}) instead of Java serialisation.
 * Everything else (data and metadata maps and their names) is the library's own, so a data folder written
 * by the plain backend opens: its documents are read as they are and rewritten one by one, and each index
 * written in the library's format is copied once into a map of the new format, at its first opening.
 */
final class ReadModelBackend extends H2Backend {

    private static final Logger log = LoggerFactory.getLogger(ReadModelBackend.class);

    /** The name of the index of a collection's live parts ({@link ReadModelStore#PART_FIELD}). */
    static final String PART_INDEX = "_id_of_parts_";
    /** The collection's metadata entry that says its index of live parts holds every one of them. */
    static final String PART_INDEX_FILLED = "partIndexFilled";

    ReadModelBackend(MVStore store) {
        super(store);
    }

    /** The H2 map of a collection's index of live parts; {@code namespace}: {@code <database>.<collection>}. */
    static String partIndexMapName(String namespace) {
        return namespace + "._index_" + PART_INDEX + Database.KEY_FORMAT_SUFFIX;
    }

    @Override
    protected MongoDatabase openOrCreateDatabase(String databaseName) {
        return new Database(databaseName, getMvStore(), getCursorRegistry());
    }

    private static final class Database extends H2Database {

        /**
         * Appended to the library's name for an index map. A map of the library's format has its keys in
         * the order of their Java serialisation, which a map of ours would misread, so ours has its own name.
         */
        static final String KEY_FORMAT_SUFFIX = ".bson-keys";

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

        /** Runs from the library's constructor too (it opens the indexes), before any field of ours is set. */
        private MVStore store() {
            try {
                return (MVStore) STORE.get(this);
            } catch (IllegalAccessException e) {
                throw new IllegalStateException(e);
            }
        }

        private String libraryIndexMapName(String collectionName, String indexName) {
            return getFullCollectionNamespace(collectionName) + "._index_" + indexName;
        }

        @Override
        protected Index<Object> openOrCreateUniqueIndex(String collectionName, String indexName, List<IndexKey> keys,
                                                        boolean sparse) {
            MVStore store = store();
            String libraryName = libraryIndexMapName(collectionName, indexName);
            MVMap<KeyValue, Object> positions = store.openMap(libraryName + KEY_FORMAT_SUFFIX,
                    new MVMap.Builder<KeyValue, Object>().keyType(new KeyValueType()));
            if (store.hasMap(libraryName)) {
                convertIndex(store, store.openMap(libraryName), positions);
            }
            return new KeyValueIndex(positions, indexName, keys, sparse);
        }

        /**
         * Copies an index of the library's format into ours and removes it, in one commit. A crash before
         * that commit leaves the old map in place, so the copy starts again from empty at the next start.
         */
        private void convertIndex(MVStore store, MVMap<KeyValue, Object> library, MVMap<KeyValue, Object> positions) {
            long started = System.nanoTime();
            positions.clear();
            for (Map.Entry<KeyValue, Object> entry : library.entrySet()) {
                positions.put(entry.getKey(), entry.getValue());
            }
            String name = library.getName();
            store.removeMap(library);
            store.commit();
            log.info("Converted read-model index {} to BSON keys: {} keys in {} ms", name, positions.sizeAsLong(),
                    (System.nanoTime() - started) / 1_000_000);
        }

        @Override
        protected void dropIndex(MongoCollection<Object> collection, String indexName) {
            super.dropIndex(collection, indexName);
            store().removeMap(libraryIndexMapName(collection.getCollectionName(), indexName) + KEY_FORMAT_SUFFIX);
        }

        @Override
        protected MongoCollection<Object> openOrCreateCollection(String collectionName, CollectionOptions options) {
            MVStore store = store();
            String namespace = getFullCollectionNamespace(collectionName);
            // The same map names as the library, only the value type differs.
            MVMap<Object, Document> data = store.openMap("databases." + namespace,
                    new MVMap.Builder<Object, Document>().valueType(new BsonDocumentType()));
            MVMap<String, Object> meta = store.openMap("meta." + namespace);
            ReadModelCollection collection = new ReadModelCollection(this, collectionName, options, data, meta,
                                                                     cursorRegistry);
            if (!collectionName.startsWith("system.")) {
                addPartIndex(store, collectionName, collection, meta);
            }
            return collection;
        }

        /**
         * The index of the collection's live parts ({@link ReadModelStore#PART_FIELD}). It is ours, not
         * recorded among the library's indexes, so it is added at every opening. A collection written before
         * it existed has it filled from its documents once, at the first opening; a mark in the collection's
         * metadata, put after the fill, says it is complete, so a commit never makes a partial fill look whole.
         */
        private void addPartIndex(MVStore store, String collectionName, ReadModelCollection collection,
                                  MVMap<String, Object> meta) {
            MVMap<KeyValue, Object> positions = store.openMap(partIndexMapName(collectionName),
                    new MVMap.Builder<KeyValue, Object>().keyType(new KeyValueType()));
            boolean filled = Boolean.TRUE.equals(meta.get(PART_INDEX_FILLED));
            if (!filled) {
                positions.clear();
            }
            long started = System.nanoTime();
            collection.addIndex(KeyValueIndex.ofDocumentsWith(ReadModelStore.PART_FIELD, positions, PART_INDEX,
                                                              filled));
            if (!filled) {
                meta.put(PART_INDEX_FILLED, Boolean.TRUE);
                if (!collection.isEmpty()) {
                    log.info("Indexed the live parts of read model {}: {} of {} documents in {} ms", collectionName,
                            positions.sizeAsLong(), collection.count(), (System.nanoTime() - started) / 1_000_000);
                }
            }
        }

        private String partIndexMapName(String collectionName) {
            return ReadModelBackend.partIndexMapName(getFullCollectionNamespace(collectionName));
        }

        @Override
        public void dropCollection(String collectionName, Oplog oplog) {
            super.dropCollection(collectionName, oplog);
            MVStore store = store();
            if (store.hasMap(partIndexMapName(collectionName))) {
                store.removeMap(partIndexMapName(collectionName));
            }
        }
    }
}
