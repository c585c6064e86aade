package cn.pes.casework.platform.demo;

import cn.pes.casework.events.tracking.FindTrackingLedgerQuery;
import cn.pes.casework.events.tracking.TrackingLedgerView;
import cn.pes.casework.platform.PlatformApplication;
import cn.pes.casework.platform.PlatformTestConfiguration;
import cn.pes.casework.query.catchup.CatchUpModule;
import cn.pes.casework.query.catchup.ReadModelCatchUp;
import cn.pes.casework.query.projection.ProjectionProcessingConfiguration;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.queryhandling.QueryGateway;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static cn.pes.casework.platform.support.Eventually.eventually;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A city loaded with the read models' processors and live feed stopped (as for a large city) is then
 * built by the catch-up, with one read of the stream, which goes on following the stream from there.
 */
@SpringBootTest(classes = PlatformApplication.class, webEnvironment = SpringBootTest.WebEnvironment.NONE,
        properties = {"spring.config.name=platform", "pes.demo.persons=60", "pes.demo.seed=11",
                "pes.demo.projections-during-load=false", "pes.projections.catch-up.min-events=1",
                "pes.projections.catch-up.chunk-size=50"})
class SyntheticCityCatchUpTest {

    private static final List<String> STREETS = List.of("990101001", "990101002", "990102001", "990102002",
            "990103001");

    @DynamicPropertySource
    static void dataDir(DynamicPropertyRegistry registry) {
        String dir = PlatformTestConfiguration.freshDataDir("pes-demo-catch-up-");
        registry.add("pes.data-dir", () -> dir);
    }

    @Autowired
    DemoCityLoader loader;
    @Autowired
    CatchUpModule catchUp;
    @Autowired
    EventStore events;
    @Autowired
    EventProcessingConfiguration processing;
    @Autowired
    QueryGateway queries;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    Clock clock;

    @Test
    void theCatchUpBuildsEveryReadModelAfterTheLoadAndFollowsFromTheHead() throws Exception {
        DemoCityLoader.Result result = loader.completion().get(4, TimeUnit.MINUTES);
        assertThat(result.failures()).isEmpty();
        long stored = jdbc.queryForObject("SELECT COUNT(*) FROM DomainEventEntry", Long.class);

        ReadModelCatchUp.Outcome outcome = catchUp.lastRun().get(4, TimeUnit.MINUTES);

        assertThat(outcome).as("the catch-up ran after the load").isNotNull();
        assertThat(outcome.completed()).isTrue();
        assertThat(outcome.failed()).isEmpty();
        assertThat(outcome.caughtUp()).containsExactlyInAnyOrderElementsOf(ProjectionProcessingConfiguration.PROCESSING_GROUPS);
        // The whole stream in one read (the clocks' deadlines may add a few events while it runs).
        assertThat(outcome.events()).isGreaterThanOrEqualTo(stored - 50).isGreaterThan(500);

        YearMonth pastMonth = YearMonth.from(LocalDate.now(clock)).minusMonths(2);
        int rows = STREETS.stream()
                .map(agency -> queries.query(new FindTrackingLedgerQuery(agency, pastMonth), TrackingLedgerView.class).join())
                .mapToInt(view -> view.rows().size()).sum();
        assertThat(rows).as("ledgers built by the catch-up").isPositive();

        // At the head the same run follows every group: the processors hold none of them.
        eventually(Duration.ofSeconds(60), () -> {
            long head = events.createHeadToken().position().orElseThrow();
            assertThat(catchUp.positions()).containsOnlyKeys(ProjectionProcessingConfiguration.PROCESSING_GROUPS);
            catchUp.positions().forEach((group, position) -> assertThat(position).as(group).isGreaterThanOrEqualTo(head));
            for (String group : ProjectionProcessingConfiguration.PROCESSING_GROUPS) {
                StreamingEventProcessor processor = processing.eventProcessor(group, StreamingEventProcessor.class)
                                                              .orElseThrow();
                assertThat(processor.processingStatus()).as(group).isEmpty();
            }
        });
    }
}
