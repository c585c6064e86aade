package cn.pes.casework.query.replay;

import cn.pes.casework.events.replay.FindReplayQuery;
import cn.pes.casework.events.replay.ReplayView;
import cn.pes.casework.events.replay.StartReplayCommand;
import cn.pes.casework.events.tracking.EmploymentStatus;
import cn.pes.casework.query.common.PersonalDataDocs;
import cn.pes.casework.query.support.CaseEvents;
import cn.pes.casework.query.support.ProjectionHarness;
import cn.pes.casework.query.support.ProjectionTestBase;
import cn.pes.casework.query.support.ReadModelFixture;
import cn.pes.casework.security.protection.PersonalDataProtector;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Replay throughput: prints events per second for replays of a synthetic history of
 * {@code -Dreplay.events=N} events (default 20,000: per case opened, registered, three contacts),
 * not a test (its name keeps it out of the default run). Run with
 * {@code ./mvnw -o -B verify -pl query-side -am -Dtest=ReplayBenchmark -Dsurefire.failIfNoSpecifiedTests=false}.
 * On the in-memory embedded read-model store and an in-memory event store.
 */
class ReplayBenchmark extends ProjectionTestBase {

    @Test
    void replayThroughput() throws InterruptedException {
        int events = Integer.getInteger("replay.events", 20_000);
        List<DomainEventMessage<?>> history = new ArrayList<>();
        while (history.size() < events) {
            CaseEvents c = CaseEvents.newCase();
            String agency = history.size() % 2 == 0 ? CaseEvents.STREET_AGENCY : CaseEvents.OTHER_STREET_AGENCY;
            history.add(c.next(c.openedWithKey(CaseEvents.person("11010519900101" + String.format("%04d", history.size() % 10000), "某人"))));
            history.add(c.next(c.registered(1, LocalDate.of(2026, 9, 1), agency)));
            for (int month = 9; month <= 11; month++) {
                history.add(c.next(c.phoneContact(1, c.caseId() + "-" + month, LocalDate.of(2026, month, 10),
                        EmploymentStatus.UNEMPLOYED, agency)));
            }
        }
        EmbeddedEventStore store = EmbeddedEventStore.builder().storageEngine(new InMemoryEventStorageEngine()).build();
        for (int from = 0; from < history.size(); from += 1000) {
            store.publish(history.subList(from, Math.min(history.size(), from + 1000)));
        }
        PersonalDataDocs personalData = new PersonalDataDocs(new PersonalDataProtector(keys));
        ReplayTargets targets = new ReplayTargets(personalData, ProjectionHarness.BLIND_INDEX);
        ReplayService service = new ReplayService(fixture.store(false), fixture.client(), fixture.server(),
                ReadModelFixture.DATABASE, store, targets, personalData, Clock.systemUTC(), 1, 4,
                Integer.getInteger("replay.batch-size", 500));
        service.start();
        try {
            for (String target : List.of("tracking-ledger", "registration-flows", "case-summary")) {
                if (targets.find(target).isEmpty()) {
                    continue;
                }
                String replayId = "bench-" + target;
                long started = System.nanoTime();
                service.handle(new StartReplayCommand(replayId, target, null), "benchmark");
                ReplayView view;
                do {
                    Thread.sleep(100);
                    view = service.handle(new FindReplayQuery(replayId));
                } while (!view.state().finished());
                double seconds = (System.nanoTime() - started) / 1e9;
                System.out.printf("replay of %s: %d events in %.1f s = %.0f events/s (runner's own figure %.0f/s), state %s%n",
                        target, view.eventsRead(), seconds, view.eventsRead() / seconds, view.eventsPerSecond(),
                        view.state());
                assertThat(view.eventsRead()).isEqualTo(history.size());
            }
        } finally {
            service.stop();
            store.shutDown();
        }
    }
}
