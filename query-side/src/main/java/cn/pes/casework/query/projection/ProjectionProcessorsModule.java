package cn.pes.casework.query.projection;

import com.mongodb.client.MongoClient;
import org.axonframework.common.transaction.NoTransactionManager;
import org.axonframework.config.Configuration;
import org.axonframework.config.Configurer;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.config.EventProcessingConfigurer;
import org.axonframework.lifecycle.Phase;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.extensions.mongo.DefaultMongoTemplate;
import org.axonframework.extensions.mongo.eventsourcing.tokenstore.MongoTokenStore;
import org.axonframework.messaging.StreamableMessageSource;
import org.axonframework.serialization.Serializer;

import java.time.Clock;
import java.util.List;

/**
 * Registers this module's processing groups as pooled streaming processors with their tokens in the
 * read-model database. Tokens are registered per group rather than as a {@code TokenStore} bean,
 * which would replace the token store of every processor in the application.
 *
 * <p>Each group: starts at the tail of the event stream (a new group rebuilds its read model from
 * the first event); handler failures propagate (the default would log and skip the event, leaving a
 * hole in the read model) so the segment retries; no JDBC transaction around batches that only write
 * to MongoDB; and the interceptor that writes each batch's changes before its token is stored. Read
 * models stored in an older layout are rebuilt before the processors start ({@link ReadModelLayout}).
 */
public class ProjectionProcessorsModule implements ConfigurerModule {

    /** The tracking tokens of the projections, next to the read models they describe. */
    public static final String TOKEN_COLLECTION = "trackingtokens";

    private final MongoClient client;
    private final String database;
    private final ProjectionWriter writer;
    private final ProjectionSettings settings;
    private final List<String> processingGroups;
    private final Clock clock;
    private volatile TokenStore tokenStore;

    public ProjectionProcessorsModule(MongoClient client, String database, ProjectionWriter writer,
                                      ProjectionSettings settings, List<String> processingGroups, Clock clock) {
        this.client = client;
        this.database = database;
        this.writer = writer;
        this.settings = settings;
        this.processingGroups = List.copyOf(processingGroups);
        this.clock = clock;
    }

    @Override
    public void configureModule(Configurer configurer) {
        EventProcessingConfigurer processing = configurer.eventProcessing();
        for (String group : processingGroups) {
            processing.registerPooledStreamingEventProcessor(
                    group,
                    Configuration::eventStore,
                    (config, builder) -> {
                        builder.batchSize(settings.batchSize())
                               .initialSegmentCount(settings.initialSegments())
                               .initialToken(StreamableMessageSource::createTailToken);
                        if (settings.maxClaimedSegments() > 0) {
                            builder.maxClaimedSegments(settings.maxClaimedSegments());
                        }
                        return builder;
                    });
            processing.registerTokenStore(group, this::tokenStore);
            processing.registerTransactionManager(group, config -> NoTransactionManager.INSTANCE);
            processing.registerListenerInvocationErrorHandler(group, config -> PropagatingErrorHandler.instance());
            processing.registerHandlerInterceptor(group, config -> writer.flushAtEndOfBatch());
        }
        // Just before the processors start, so that none applies an event to documents of an old layout.
        configurer.onInitialize(config -> config.onStart(Phase.INBOUND_EVENT_CONNECTORS - 2, () ->
                new ReadModelLayout(client.getDatabase(database), TOKEN_COLLECTION, clock)
                        .upgrade(config, processingGroups)));
    }

    private TokenStore tokenStore(Configuration config) {
        TokenStore store = tokenStore;
        if (store == null) {
            synchronized (this) {
                store = tokenStore;
                if (store == null) {
                    store = tokenStore(client, database, config.serializer(), null);
                    tokenStore = store;
                }
            }
        }
        return store;
    }

    /**
     * The processors' tokens in the read-model database, claimed under {@code owner} (null: the
     * store's default, this JVM's name, as the processors use it).
     */
    public static MongoTokenStore tokenStore(MongoClient client, String database, Serializer serializer, String owner) {
        MongoTokenStore.Builder builder = MongoTokenStore.builder()
                                                         .mongoTemplate(DefaultMongoTemplate.builder()
                                                                                            .mongoDatabase(client, database)
                                                                                            .trackingTokensCollectionName(TOKEN_COLLECTION)
                                                                                            .build())
                                                         .serializer(serializer);
        if (owner != null) {
            builder.nodeId(owner);
        }
        return builder.build();
    }
}
