package cn.pes.casework.query.asof;

import cn.pes.casework.query.mongo.ReadModelServer;
import com.mongodb.client.MongoClient;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
public class AsOfConfiguration {

    /** {@code memory} (default): a private in-memory server; {@code read-model}: databases beside the read models. */
    @Bean(destroyMethod = "close")
    public AsOfScratch asOfScratch(@Value("${pes.as-of.scratch:memory}") String place,
                                   @Qualifier("readModelMongoClient") MongoClient readModelMongoClient,
                                   ReadModelServer readModelServer) {
        return "read-model".equalsIgnoreCase(place.strip())
                ? AsOfScratch.inReadModelStore(readModelMongoClient, readModelServer)
                : AsOfScratch.inMemory();
    }
}
