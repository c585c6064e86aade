package cn.pes.casework.query.mongo;

import cn.pes.casework.query.projection.ProjectionWriter;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;
import org.bson.Document;

import java.nio.file.Path;

/**
 * Child JVM of {@link ReadModelKillNineTest}: writes read-model documents through the projection
 * writer and, after each, a token-like document through the plain driver (as Axon's token store
 * does, without an explicit commit), until it is killed.
 */
public final class ReadModelKillChild {

    private ReadModelKillChild() {
    }

    public static void main(String[] args) throws Exception {
        ReadModelServer server = ReadModelServer.embeddedFile(Path.of(args[0]), 0);
        MongoClient client = MongoClients.create(server.connectionString());
        ReadModelStore store = new ReadModelStore(client.getDatabase("casework"), server, false);
        ProjectionWriter writer = new ProjectionWriter(store);
        if (args.length > 1) {
            // Mode "write N then wait to be killed": the flush must have made every write durable.
            int count = Integer.parseInt(args[1]);
            for (int i = 0; i < count; i++) {
                int position = i;
                writer.updateDocument("docs", "case-" + i, 0, doc -> doc.put("n", position));
            }
            System.out.println("DONE");
            System.out.flush();
            Thread.sleep(Long.MAX_VALUE);
        }
        for (int i = 0; ; i++) {
            int position = i;
            writer.updateDocument("docs", "case-" + i, 0, doc -> doc.put("n", position));
            client.getDatabase("casework").getCollection("tokens")
                  .replaceOne(Filters.eq("_id", "token"), new Document("position", position), new ReplaceOptions().upsert(true));
            if (i == 20) {
                System.out.println("WRITING");
                System.out.flush();
            }
        }
    }
}
