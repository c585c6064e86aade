package cn.pes.casework.query.asof;

import cn.pes.casework.events.asof.CaseAsOfView;
import cn.pes.casework.events.asof.FindCaseAsOfQuery;
import cn.pes.casework.events.asof.TimeBasis;
import cn.pes.casework.events.tracking.EmploymentStatus;
import cn.pes.casework.query.common.PersonalDataDocs;
import cn.pes.casework.query.mongo.ReadModelServer;
import cn.pes.casework.query.support.CaseEvents;
import cn.pes.casework.query.support.ProjectionTestBase;
import cn.pes.casework.security.protection.PersonalDataProtector;
import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static cn.pes.casework.query.support.CaseEvents.STREET_AGENCY;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Time per as-of answer for cases of growing length, with the scratch store in a private in-memory
 * server against throw-away databases in an embedded read-model store on an H2 file (as the platform
 * runs it). Prints numbers; not part of the test run:
 * {@code ./mvnw -o -B verify -pl query-side -am -Dtest=CaseAsOfBenchmark -Dsurefire.failIfNoSpecifiedTests=false}
 */
class CaseAsOfBenchmark extends ProjectionTestBase {

    @Test
    void asOfAnswersByScratchPlaceAndCaseLength() throws Exception {
        PersonalDataDocs personalData = new PersonalDataDocs(new PersonalDataProtector(keys));
        Path dir = Files.createTempDirectory("asof-benchmark-");
        ReadModelServer fileServer = ReadModelServer.embeddedFile(dir.resolve("readmodels.mv"), 0);
        MongoClient fileClient = MongoClients.create(MongoClientSettings.builder()
                .applyConnectionString(new ConnectionString(fileServer.connectionString())).build());
        try (AsOfScratch memory = AsOfScratch.inMemory(); AsOfScratch file = AsOfScratch.inReadModelStore(fileClient, fileServer)) {
            for (int contacts : new int[]{10, 100, 500}) {
                EmbeddedEventStore eventStore = EmbeddedEventStore.builder().storageEngine(new InMemoryEventStorageEngine()).build();
                CaseEvents events = CaseEvents.newCase();
                List<DomainEventMessage<?>> stream = new ArrayList<>();
                Instant t = Instant.parse("2024-01-02T02:00:00Z");
                stream.add(events.nextRecordedAt(t, events.openedWithKey(CaseEvents.person("110105199001011234", "张三"))));
                stream.add(events.nextRecordedAt(t.plusSeconds(1), events.registered(1, LocalDate.of(2024, 1, 2), STREET_AGENCY)));
                for (int i = 0; i < contacts; i++) {
                    LocalDate day = LocalDate.of(2024, 1, 3).plusDays(i);
                    stream.add(events.nextRecordedAt(t.plusSeconds(86_400L * (i + 3)),
                            events.phoneContact(1, "c-" + i, day, EmploymentStatus.UNEMPLOYED, STREET_AGENCY)));
                }
                eventStore.publish(stream);
                Instant middle = t.plusSeconds(86_400L * (contacts / 2 + 3));
                for (AsOfScratch scratch : List.of(memory, file)) {
                    CaseAsOfQueries queries = new CaseAsOfQueries(eventStore, scratch, personalData, ZONE);
                    FindCaseAsOfQuery query = new FindCaseAsOfQuery(events.caseId(), middle, TimeBasis.RECORDED);
                    for (int i = 0; i < 5; i++) {
                        queries.handle(query);
                    }
                    int runs = 20;
                    long start = System.nanoTime();
                    CaseAsOfView last = null;
                    for (int i = 0; i < runs; i++) {
                        last = queries.handle(query);
                    }
                    double ms = (System.nanoTime() - start) / 1e6 / runs;
                    assertThat(last.history()).isNotEmpty();
                    System.out.printf("as-of %s: %d events, %.1f ms per answer (3 rebuilds each)%n",
                            scratch == memory ? "in-memory scratch server" : "scratch databases in the H2-file read-model store",
                            stream.size(), ms);
                }
                eventStore.shutDown();
            }
        } finally {
            fileClient.close();
            fileServer.close();
        }
    }
}
