package cn.pes.casework.command.comparison;

import cn.pes.casework.command.clientcase.PersonCaseIndex;
import cn.pes.casework.command.comparison.ComparisonStaging.StagedBatch;
import cn.pes.casework.command.comparison.RecordFileReader.StagedRow;
import cn.pes.casework.events.comparison.ComparisonBatchStatus;
import cn.pes.casework.events.comparison.ExternalRecordKind;
import cn.pes.casework.events.comparison.RowProblem;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.jdbc.datasource.init.ResourceDatabasePopulator;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The staging tables and the batched case lookup on both databases: the embedded H2 and PostgreSQL (a
 * database of its own on the local server, {@code -Dpes.test.postgres=...} to point elsewhere).
 */
class ComparisonStagingTest {

    private static final String POSTGRES = System.getProperty("pes.test.postgres", "jdbc:postgresql://127.0.0.1:5432/");
    private static final String POSTGRES_USER = System.getProperty("pes.test.postgres.user", "postgres");

    @Test
    void stagedRowsAreReadInChunksAndRemovedOnH2() {
        stagesAndRemoves(new DriverManagerDataSource("jdbc:h2:mem:staging-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1",
                "sa", ""), "db/command/schema-h2.sql");
    }

    @Test
    void stagedRowsAreReadInChunksAndRemovedOnPostgres() throws SQLException {
        String database = "pes_it_comparison_" + System.currentTimeMillis();
        try (Connection admin = DriverManager.getConnection(POSTGRES + "postgres", POSTGRES_USER, "");
             Statement statement = admin.createStatement()) {
            statement.execute("CREATE DATABASE " + database);
        }
        try {
            stagesAndRemoves(new DriverManagerDataSource(POSTGRES + database, POSTGRES_USER, ""),
                    "db/command/schema-postgresql.sql");
        } finally {
            try (Connection admin = DriverManager.getConnection(POSTGRES + "postgres", POSTGRES_USER, "");
                 Statement statement = admin.createStatement()) {
                statement.execute("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
            }
        }
    }

    private static void stagesAndRemoves(DataSource dataSource, String schema) {
        new ResourceDatabasePopulator(new ClassPathResource(schema)).execute(dataSource);
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);
        ComparisonStaging staging = new ComparisonStaging(jdbc);
        List<StagedRow> rows = new ArrayList<>();
        for (int line = 2; line <= 8; line++) {
            rows.add(new StagedRow(line, "hash-" + line, LocalDate.of(2026, 10, line), line % 2 == 0 ? "甲公司" : null));
        }
        List<RowProblem> problems = List.of(new RowProblem(9, "idNumber", "ID_NUMBER_FORMAT", null),
                new RowProblem(10, "row", "DUPLICATE_ROW", 2));
        StagedBatch batch = new StagedBatch("cmp-a", ComparisonBatchStatus.PROCESSING,
                ExternalRecordKind.FULL_TIME_SCHOOL, "市教育局", LocalDate.of(2026, 10, 31), "W1", "990101001", 9, 7, 2,
                problems);
        staging.insert(batch, rows);
        staging.insert(new StagedBatch("cmp-b", ComparisonBatchStatus.PROCESSING, ExternalRecordKind.DEATH, "市民政局",
                LocalDate.of(2026, 10, 31), "W1", "990101001", 1, 0, 0, List.of()), List.of());

        assertThat(staging.find("cmp-a")).contains(batch);
        assertThat(staging.unfinished()).containsExactly("cmp-a", "cmp-b");
        assertThat(staging.nextRows("cmp-a", 3)).containsExactlyElementsOf(rows.subList(0, 3));
        assertThat(staging.remove("cmp-a", 2, 4)).isEqualTo(3);
        assertThat(staging.remove("cmp-a", 2, 4)).as("a chunk removed twice").isZero();
        assertThat(staging.nextRows("cmp-a", 3)).containsExactlyElementsOf(rows.subList(3, 6));

        staging.markCompleted("cmp-b");
        assertThat(staging.unfinished()).containsExactly("cmp-a");
        assertThat(staging.find("cmp-b").orElseThrow().status()).isEqualTo(ComparisonBatchStatus.COMPLETED);

        for (int i = 0; i < 700; i++) {
            jdbc.update("INSERT INTO person_case (id_number_hash, case_id) VALUES (?, ?)", "person-" + i, "case-" + i);
        }
        List<String> asked = new ArrayList<>(List.of("unknown", "person-3", "person-3"));
        for (int i = 0; i < 700; i++) {
            asked.add("person-" + i);
        }
        Map<String, String> cases = new PersonCaseIndex(jdbc).casesOf(asked);
        // More than one statement's worth of hashes, one of them asked twice.
        assertThat(cases).hasSize(700).containsEntry("person-3", "case-3").containsEntry("person-699", "case-699")
                .doesNotContainKey("unknown");
    }
}
