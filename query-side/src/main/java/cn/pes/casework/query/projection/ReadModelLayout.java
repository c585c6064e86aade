package cn.pes.casework.query.projection;

import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.ReplaceOptions;
import org.axonframework.config.Configuration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.util.List;
import java.util.Optional;

/**
 * The layout the read models are stored in, kept in the read-model database, and the rebuild of every
 * read model kept in an older one. A read model's documents are derived data, so a new layout is
 * reached by resetting the processors, whose reset handlers drop their collections, and letting them
 * replay the whole history, as at a first start. This runs before the processors start, so no event is
 * applied to documents of the old layout.
 *
 * <p>Layouts (all of issue 10 after the first):
 * <ol>
 * <li>shared documents (an agency's month of the ledger, a street's caseload) held every case's part in
 * one document;</li>
 * <li>each part is a document of its own ({@link SharedDocuments});</li>
 * <li>a ledger's parts are its rows, keyed in ledger order, one document per agency and month, so that a
 * page reads only its rows; an agency's pending applications are a document apart from its active
 * cases.</li>
 * </ol>
 * A database with tracking tokens and no layout record is of layout 1; one without tokens is new. Every
 * read model is rebuilt for any newer layout, not only those it changed: the rebuild runs once, and it
 * keeps this class free of knowing which read model changed in which layout.
 */
public final class ReadModelLayout {

    public static final int CURRENT = 3;
    public static final String COLLECTION = "read_model_layout";
    private static final String ID = "layout";

    private static final Logger log = LoggerFactory.getLogger(ReadModelLayout.class);

    private final MongoDatabase database;
    private final String tokenCollection;
    private final Clock clock;

    public ReadModelLayout(MongoDatabase database, String tokenCollection, Clock clock) {
        this.database = database;
        this.tokenCollection = tokenCollection;
        this.clock = clock;
    }

    /** The layout the stored read models are in. */
    public int stored() {
        Document record = database.getCollection(COLLECTION).find(new Document("_id", ID)).first();
        if (record != null) {
            return record.getInteger("version", 1);
        }
        return database.getCollection(tokenCollection).find().first() == null ? CURRENT : 1;
    }

    /**
     * Resets every given processing group if the read models are in an older layout, then records the
     * current one. Call with the processors built and not yet started.
     */
    public void upgrade(Configuration config, List<String> processingGroups) {
        int stored = stored();
        if (stored < CURRENT) {
            log.warn("Read models are stored in layout {}, this version uses layout {}: rebuilding all {} read models "
                             + "from the events", stored, CURRENT, processingGroups.size());
            for (String group : processingGroups) {
                Optional<StreamingEventProcessor> processor =
                        config.eventProcessingConfiguration().eventProcessor(group, StreamingEventProcessor.class);
                processor.filter(StreamingEventProcessor::supportsReset).ifPresent(StreamingEventProcessor::resetTokens);
                // A reset claims every segment to read its token and keeps the claims; let go of them, so that
                // the catch-up (one read of the stream for every group) can take the group before its processor.
                TokenStore tokens = config.eventProcessingConfiguration().tokenStore(group);
                for (int segment : tokens.fetchSegments(group)) {
                    tokens.releaseClaim(group, segment);
                }
            }
        }
        if (stored == CURRENT && database.getCollection(COLLECTION).find(new Document("_id", ID)).first() != null) {
            return;
        }
        database.getCollection(COLLECTION)
                .replaceOne(new Document("_id", ID),
                            new Document("_id", ID).append("version", CURRENT).append("recordedAt", clock.instant().toString()),
                            new ReplaceOptions().upsert(true));
    }
}
