package cn.pes.casework.query.audittrail;

import cn.pes.casework.events.audit.FindOfficerActionsQuery;
import cn.pes.casework.events.audit.RecordedActionsView;
import cn.pes.casework.events.shared.CaseMetadata;
import cn.pes.casework.events.shared.Channel;
import cn.pes.casework.events.tracking.EmploymentStatus;
import cn.pes.casework.query.projection.ProjectionWriter;
import cn.pes.casework.query.support.CaseEvents;
import cn.pes.casework.query.support.ProjectionGroups;
import cn.pes.casework.query.support.ProjectionTestBase;
import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * How fast the officer-actions read model is built (a replay, in batches of 200 as the processors run
 * them) and read (an officer's year): prints numbers, not a test (its name keeps it out of the default
 * run). {@code ./mvnw -o -B verify -pl query-side -am -Dtest=OfficerActionsBenchmark
 * -Dsurefire.failIfNoSpecifiedTests=false -Dactions.events=20000}. In-memory embedded store.
 */
class OfficerActionsBenchmark extends ProjectionTestBase {

    @Test
    void buildAndReadTimes() {
        int total = Integer.getInteger("actions.events", 20_000);
        int officers = 20;
        ProjectionWriter writer = new ProjectionWriter(fixture.store(false));
        ProjectionGroups groups = new ProjectionGroups(writer,
                List.of(new AnnotationEventHandlerAdapter(new OfficerActionsProjection(writer))));
        CaseEvents payloads = CaseEvents.newCase();
        Instant start = Instant.parse("2026-01-01T01:00:00Z");
        List<EventMessage<?>> events = new ArrayList<>(total);
        for (int i = 0; i < total; i++) {
            String caseId = "case-" + (i / 10);
            // Ten events per case, one officer per case, spread over the year.
            events.add(new GenericDomainEventMessage<>("ClientCase", caseId, i % 10,
                    payloads.phoneContact(1, "c-" + i, LocalDate.of(2026, 11, 2), EmploymentStatus.UNEMPLOYED, "990101001"),
                    Map.of(CaseMetadata.OFFICER, "W-" + ((i / 10) % officers), CaseMetadata.AGENCY, "990101001",
                           CaseMetadata.CHANNEL, Channel.WINDOW.name(), CaseMetadata.CORRELATION_ID, "req-" + i),
                    "e-" + i, start.plusSeconds(1_500L * i)));
        }
        long buildStart = System.nanoTime();
        for (int from = 0; from < total; from += 200) {
            groups.deliverBatch(events.subList(from, Math.min(total, from + 200)));
        }
        double buildSeconds = (System.nanoTime() - buildStart) / 1e9;

        long readStart = System.nanoTime();
        RecordedActionsView year = null;
        for (int i = 0; i < 5; i++) {
            year = new OfficerActionsQueries(fixture.store(false)).handle(new FindOfficerActionsQuery("W-3",
                    LocalDate.of(2026, 1, 1), LocalDate.of(2026, 12, 31)));
        }
        double readMillis = (System.nanoTime() - readStart) / 1e6 / 5;
        assertThat(year.actions()).isNotEmpty();
        System.out.printf("officer-actions: built from %d events in %.1f s (%.0f events/s); an officer's year "
                        + "(%d actions, %d days x %d buckets read by _id) in %.0f ms%n", total, buildSeconds,
                total / buildSeconds, year.actions().size(), 365, OfficerActionsProjection.OFFICER_BUCKETS, readMillis);
    }
}
