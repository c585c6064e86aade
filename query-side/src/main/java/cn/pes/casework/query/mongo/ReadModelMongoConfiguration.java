package cn.pes.casework.query.mongo;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * The read-model MongoDB client. Deliberately not Spring Boot's Mongo auto-configuration: that one
 * would also connect to localhost:27017 when no URI is set, while here a blank {@code pes.mongo.uri}
 * means "start the embedded server".
 */
@Configuration(proxyBeanMethods = false)
public class ReadModelMongoConfiguration {

    @Bean(destroyMethod = "close")
    public ReadModelServer readModelServer(@Value("${pes.mongo.uri:}") String uri,
                                           @Value("${pes.mongo.in-memory:false}") boolean inMemory,
                                           @Value("${pes.mongo.embedded-port:0}") int embeddedPort,
                                           @Value("${pes.data-dir:./data}") String dataDir,
                                           @Value("${pes.mongo.embedded-cache-mb:" + ReadModelServer.DEFAULT_CACHE_MB + "}")
                                           int cacheMegabytes,
                                           @Value("${pes.mongo.embedded-fill-rate:" + ReadModelServer.DEFAULT_FILL_RATE + "}")
                                           int fillRate) {
        if (uri != null && !uri.isBlank()) {
            return ReadModelServer.external(uri.trim());
        }
        if (inMemory) {
            return ReadModelServer.embeddedInMemory(embeddedPort);
        }
        return ReadModelServer.embeddedFile(Path.of(dataDir, "readmodels", "readmodels.mv"), embeddedPort,
                                            cacheMegabytes, fillRate);
    }

    @Bean(destroyMethod = "close")
    public MongoClient readModelMongoClient(ReadModelServer readModelServer) {
        MongoClientSettings.Builder settings = MongoClientSettings.builder()
                .applyConnectionString(new ConnectionString(readModelServer.connectionString()));
        if (readModelServer.isEmbedded()) {
            // Fail fast instead of the default 30 s: the embedded server is either up or the start failed.
            settings.applyToClusterSettings(cluster -> cluster.serverSelectionTimeout(5, TimeUnit.SECONDS));
        }
        return MongoClients.create(settings.build());
    }

    @Bean
    public ReadModelStore readModelStore(@Qualifier("readModelMongoClient") MongoClient readModelMongoClient,
                                         ReadModelServer readModelServer,
                                         @Value("${pes.mongo.database:casework}") String database,
                                         @Value("${pes.mongo.server-side-guards:}") String serverSideGuards) {
        boolean guards = serverSideGuards == null || serverSideGuards.isBlank()
                ? !readModelServer.isEmbedded()
                : Boolean.parseBoolean(serverSideGuards.trim());
        return new ReadModelStore(readModelMongoClient.getDatabase(database), readModelServer, guards);
    }
}
