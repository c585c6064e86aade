package cn.pes.casework.query.asof;

import cn.pes.casework.events.asof.CaseAsOfView;
import cn.pes.casework.events.asof.FindCaseAsOfQuery;
import cn.pes.casework.events.asof.TimeBasis;
import cn.pes.casework.events.tracking.EmploymentStatus;
import cn.pes.casework.query.common.PersonalDataDocs;
import cn.pes.casework.query.support.CaseEvents;
import cn.pes.casework.query.support.ProjectionTestBase;
import cn.pes.casework.security.protection.PersonalDataProtector;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static cn.pes.casework.query.support.CaseEvents.STREET_AGENCY;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Time per as-of answer for cases of growing length, the folds alone: the events come from an
 * in-memory event store, so this is the projections' and the mapping's share (the platform's figure,
 * with the H2 event store, is {@code CityBenchmark}'s as-of phase). Each answer is asked at the
 * middle of the case, where the recorded and the effective selections differ from the whole stream.
 * Prints numbers; not part of the test run:
 * {@code ./mvnw -o -B verify -pl query-side -Dtest=CaseAsOfBenchmark -Dsurefire.failIfNoSpecifiedTests=false}
 */
class CaseAsOfBenchmark extends ProjectionTestBase {

    @Test
    void asOfAnswersByCaseLength() {
        PersonalDataDocs personalData = new PersonalDataDocs(new PersonalDataProtector(keys));
        for (int contacts : new int[]{10, 48, 500, 998}) {
            EmbeddedEventStore eventStore = EmbeddedEventStore.builder().storageEngine(new InMemoryEventStorageEngine()).build();
            CaseEvents events = CaseEvents.newCase();
            List<DomainEventMessage<?>> stream = new ArrayList<>();
            Instant t = Instant.parse("2024-01-02T02:00:00Z");
            stream.add(events.nextRecordedAt(t, events.openedWithKey(CaseEvents.person("110105199001011234", "张三"))));
            stream.add(events.nextRecordedAt(t.plusSeconds(1), events.registered(1, LocalDate.of(2024, 1, 2), STREET_AGENCY)));
            for (int i = 0; i < contacts; i++) {
                // Recorded a day after the contact: the two bases select different events at any moment.
                LocalDate day = LocalDate.of(2024, 1, 3).plusDays(i);
                stream.add(events.nextRecordedAt(t.plusSeconds(86_400L * (i + 2)),
                        events.phoneContact(1, "c-" + i, day, EmploymentStatus.UNEMPLOYED, STREET_AGENCY)));
            }
            eventStore.publish(stream);
            CaseAsOfQueries queries = new CaseAsOfQueries(eventStore, fixture.store(false).codecRegistry(),
                                                          projections.caseSummary, personalData, ZONE);
            Instant middle = t.plusSeconds(86_400L * (contacts / 2 + 2) + 3_600);
            FindCaseAsOfQuery query = new FindCaseAsOfQuery(events.caseId(), middle, TimeBasis.RECORDED);
            for (int i = 0; i < 200; i++) {
                queries.handle(query);
            }
            int runs = contacts > 100 ? 200 : 1_000;
            long[] nanos = new long[runs];
            CaseAsOfView last = null;
            for (int i = 0; i < runs; i++) {
                long start = System.nanoTime();
                last = queries.handle(query);
                nanos[i] = System.nanoTime() - start;
            }
            Arrays.sort(nanos);
            assertThat(last.history()).isNotEmpty();
            assertThat(last.differences()).isNotEmpty();
            System.out.printf("as-of, folds in memory: %d events, p50 %.2f ms, p99 %.2f ms per answer (%d answers)%n",
                    stream.size(), nanos[runs / 2] / 1e6, nanos[(int) Math.ceil(runs * 0.99) - 1] / 1e6, runs);
            eventStore.shutDown();
        }
    }
}
