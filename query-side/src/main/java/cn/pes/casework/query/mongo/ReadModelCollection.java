package cn.pes.casework.query.mongo;

import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.ArrayFilters;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.QueryResult;
import de.bwaldvogel.mongo.backend.h2.H2Collection;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.oplog.Oplog;
import org.h2.mvstore.MVMap;

import java.util.ArrayList;
import java.util.List;

/**
 * A collection of the embedded store whose updates never change a document the store holds. The library
 * applies an update by rewriting the fields of the very document instance it read from the map, then puts
 * it back; with the H2 backend that instance is also the value in an in-memory page, which a commit on
 * another thread (the background auto-commit, or another processor's end-of-batch commit) may be
 * serialising at that moment. That either fails the commit with a {@code ConcurrentModificationException},
 * after which H2 closes the whole store and every read model stops, or writes a half-updated document to
 * the file. So while an update runs, the documents handed to the library are copies, and the copy, updated,
 * replaces the stored one. A shallow copy is enough: the library changes only the top level of the document
 * it read, putting in values it built afresh (deep copies of the old ones for an operator update, the
 * replacement's own for a replacement).
 *
 * <p>The flag is read and written only under this collection's monitor: the library's operations are
 * synchronized on the collection, and an update reads its documents on its own thread.
 */
final class ReadModelCollection extends H2Collection {

    private boolean updating;
    /** The last query matched, parsed once for all the documents it is matched against. */
    private Document parsedQuery;
    private Parsed parsed;

    /** A query as this collection matches it itself: by ranges of keys, by a set of keys, or neither. */
    private record Parsed(IdRanges ranges, IdSet keys) {
    }

    ReadModelCollection(MongoDatabase database, String collectionName, CollectionOptions options,
                        MVMap<Object, Document> data, MVMap<String, Object> meta, CursorRegistry cursors) {
        super(database, collectionName, options, data, meta, cursors);
    }

    @Override
    public synchronized Document updateDocuments(Document selector, Document update, ArrayFilters arrayFilters,
                                                 boolean isMulti, boolean isUpsert, Oplog oplog) {
        updating = true;
        try {
            return super.updateDocuments(selector, update, arrayFilters, isMulti, isUpsert, oplog);
        } finally {
            updating = false;
        }
    }

    @Override
    public synchronized Document findAndModify(Document query) {
        updating = true;
        try {
            return super.findAndModify(query);
        } finally {
            updating = false;
        }
    }

    /**
     * A query for {@code _id} ranges ({@link IdRanges}: the parts of shared documents) is matched by the
     * ranges themselves, and one for a list of keys ({@link IdSet}) by a set of them; the library's
     * matcher would try every range, or every key, on every document found.
     */
    @Override
    protected boolean documentMatchesQuery(Document document, Document query) {
        Parsed match = parse(query);
        if (match.ranges() != null) {
            return match.ranges().matches(document, getIdField());
        }
        if (match.keys() != null) {
            return match.keys().matches(document, getIdField());
        }
        return super.documentMatchesQuery(document, query);
    }

    private IdRanges rangesOf(Document query) {
        return parse(query).ranges();
    }

    private synchronized Parsed parse(Document query) {
        if (query != parsedQuery) {
            IdRanges ranges = IdRanges.parse(query, getIdField());
            parsed = new Parsed(ranges, ranges == null ? IdSet.parse(query, getIdField()) : null);
            parsedQuery = query;
        }
        return parsed;
    }

    /**
     * A query for disjoint {@code _id} ranges in {@code _id} order (or none) is paged by key: the
     * documents skipped are never read, nor their keys. A page of a tracking ledger is a page of its parts'
     * keys ({@code SharedDocuments#parts}); the library would read and order every part to return fifty.
     */
    @Override
    protected QueryResult queryDocuments(Document query, Document orderBy, int numberToSkip, int limit, int batchSize,
                                         Document fieldSelector) {
        IdRanges parsed = rangesOf(query);
        KeyValueIndex ids = parsed != null && parsed.disjoint() && inIdOrder(orderBy) ? rangeIndex(parsed) : null;
        if (ids == null) {
            return super.queryDocuments(query, orderBy, numberToSkip, limit, batchSize, fieldSelector);
        }
        List<Object> positions = ids.positions(parsed, Math.max(numberToSkip, 0), Math.max(limit, 0));
        return matchDocuments(query, positions, null, 0, 0, batchSize, fieldSelector);
    }

    /** The {@code count} command over disjoint {@code _id} ranges counts keys, reading neither keys nor documents. */
    @Override
    public int count(Document query, int skip, int limit) {
        IdRanges parsed = query == null ? null : rangesOf(query);
        KeyValueIndex ids = parsed != null && parsed.disjoint() ? rangeIndex(parsed) : null;
        if (ids == null) {
            return super.count(query, skip, limit);
        }
        long count = Math.max(0, ids.count(parsed) - Math.max(skip, 0));
        return (int) (limit > 0 ? Math.min(limit, count) : count);
    }

    /**
     * The index that holds exactly the documents a range query may match: the {@code _id} index, or for live
     * parts only ({@link IdRanges#presentField}) the index of those; null if there is none.
     */
    private KeyValueIndex rangeIndex(IdRanges ranges) {
        for (Index<Object> index : getIndexes()) {
            if (!(index instanceof KeyValueIndex keys)) {
                continue;
            }
            boolean holdsWhatItMatches = ranges.presentField() == null
                    ? keys.indexes(getIdField())
                    : getIdField().equals("_id") && keys.indexesDocumentsWith(ranges.presentField());
            if (holdsWhatItMatches) {
                return keys;
            }
        }
        return null;
    }

    /** The library drops a collection once it has no index left; it does not know of the index of live parts. */
    @Override
    public synchronized void drop() {
        getIndexes().removeIf(index -> index instanceof KeyValueIndex keys
                && keys.indexesDocumentsWith(ReadModelStore.PART_FIELD));
        super.drop();
    }

    private boolean inIdOrder(Document orderBy) {
        if (orderBy == null || orderBy.isEmpty()) {
            return true;
        }
        return orderBy.size() == 1 && orderBy.get(getIdField()) instanceof Number direction && direction.intValue() == 1;
    }

    /** Documents found through an index (every update by {@code _id}). */
    @Override
    protected synchronized Document getDocument(Object position) {
        Document stored = super.getDocument(position);
        return updating && stored != null ? stored.clone() : stored;
    }

    /** Documents found by scanning the collection. */
    @Override
    protected synchronized QueryResult matchDocuments(Document query, Document orderBy, int numberToSkip, int limit,
                                                      int batchSize, Document fieldSelector) {
        QueryResult found = super.matchDocuments(query, orderBy, numberToSkip, limit, batchSize, fieldSelector);
        if (!updating) {
            return found;
        }
        List<Document> copies = new ArrayList<>();
        found.forEach(document -> copies.add(document.clone()));
        return new QueryResult(copies, found.getCursorId());
    }
}
