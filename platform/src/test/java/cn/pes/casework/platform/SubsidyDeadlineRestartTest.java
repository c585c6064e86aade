package cn.pes.casework.platform;

import cn.pes.casework.platform.support.Caseworker;
import cn.pes.casework.platform.support.TestIds;
import cn.pes.casework.security.Role;
import org.junit.jupiter.api.Test;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static cn.pes.casework.platform.support.Eventually.eventually;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A subsidy clock is durable (SUB-3): a review deadline scheduled before a stop fires after the next
 * start. The certificate is recorded as received two months ago, so its review day is already over
 * when the deadline is scheduled; the first run polls for due deadlines only once an hour, so it
 * stops with the deadline still waiting in {@code scheduled_tasks}; the second run polls often and
 * records {@code SubsidyReviewDeadlineMissed}. On the embedded H2 event store and on PostgreSQL.
 */
class SubsidyDeadlineRestartTest {

    @Test
    void reviewDeadlineScheduledBeforeAStopFiresAfterTheStartOnH2() {
        String dataDir = PlatformTestConfiguration.freshDataDir("pes-subsidy-restart-");
        reviewDeadlineSurvivesARestart(List.of("--pes.data-dir=" + dataDir));
    }

    @Test
    void reviewDeadlineScheduledBeforeAStopFiresAfterTheStartOnPostgres() {
        String dataDir = PlatformTestConfiguration.freshDataDir("pes-subsidy-restart-pg-");
        String database = PostgresCaseLifecycleTest.freshDatabase("pes_it_subsidy_restart");
        reviewDeadlineSurvivesARestart(List.of("--pes.data-dir=" + dataDir,
                "--spring.datasource.url=" + PostgresCaseLifecycleTest.SERVER + database,
                "--spring.datasource.username=" + PostgresCaseLifecycleTest.USER, "--spring.datasource.password=",
                "--pes.security.allow-development-keys=true"));
    }

    private static void reviewDeadlineSurvivesARestart(List<String> arguments) {
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
        LocalDate receivedOn = today.minusMonths(2);
        String caseId;

        try (ConfigurableApplicationContext first = start(arguments, "1h")) {
            Caseworker caseworker = officer(first, "990101001");
            caseId = caseworker.registerAtWindow(TestIds.adult(), "重启补贴");
            caseworker.post("/api/cases/" + caseId + "/subsidies", Map.of(
                            "certificate", Map.of("occupation", "电工", "level", "LEVEL_5",
                                    "certificateNumber", "RESTART-" + System.nanoTime(), "issuingBody", "鉴定中心",
                                    "issuedOn", receivedOn.minusDays(30).toString()),
                            "place", "INSURED", "departmentId", "990101", "receivedOn", receivedOn.toString()))
                    .expectStatus().isCreated();
            JdbcTemplate jdbc = first.getBean(JdbcTemplate.class);
            assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM scheduled_tasks WHERE execution_time <= ?",
                    Long.class, java.sql.Timestamp.from(Clock.systemUTC().instant())))
                    .as("the review deadline is due and waiting").isGreaterThanOrEqualTo(1);
            assertThat(payloadTypes(first, caseId)).doesNotContain("SubsidyReviewDeadlineMissed");
        }

        try (ConfigurableApplicationContext second = start(arguments, "200ms")) {
            eventually(Duration.ofSeconds(30), () -> assertThat(payloadTypes(second, caseId))
                    .contains("SubsidyReviewDeadlineMissed"));
            String metaData = new String(second.getBean(JdbcTemplate.class).queryForObject("SELECT metaData FROM"
                    + " DomainEventEntry WHERE aggregateIdentifier = ? AND payloadType LIKE ?", byte[].class, caseId,
                    "%.SubsidyReviewDeadlineMissed"), java.nio.charset.StandardCharsets.UTF_8);
            assertThat(metaData).contains("platform-clock");
        }
    }

    private static ConfigurableApplicationContext start(List<String> arguments, String pollingInterval) {
        List<String> all = new ArrayList<>(arguments);
        all.add("--server.port=0");
        all.add("--db-scheduler.polling-interval=" + pollingInterval);
        return PlatformApplication.application().run(all.toArray(String[]::new));
    }

    private static Caseworker officer(ConfigurableApplicationContext context, String agencyId) {
        int port = ((WebServerApplicationContext) context).getWebServer().getPort();
        return new Caseworker(Caseworker.client(port), "officer-subsidy-restart", agencyId,
                java.time.Instant::now, Role.CASEWORKER);
    }

    private static List<String> payloadTypes(ConfigurableApplicationContext context, String caseId) {
        return context.getBean(JdbcTemplate.class).queryForList("SELECT payloadType FROM DomainEventEntry"
                        + " WHERE aggregateIdentifier = ? ORDER BY sequenceNumber", String.class, caseId).stream()
                .map(type -> type.substring(type.lastIndexOf('.') + 1)).toList();
    }
}
