package cn.pes.casework.command.comparison;

import cn.pes.casework.command.clientcase.CaseRuleViolation;
import cn.pes.casework.events.comparison.ComparisonBatchCompleted;
import cn.pes.casework.events.comparison.ComparisonBatchImported;
import cn.pes.casework.events.comparison.ComparisonImportReceipt;
import cn.pes.casework.events.comparison.ComparisonRowsProcessed;
import cn.pes.casework.events.comparison.CompleteComparisonBatchCommand;
import cn.pes.casework.events.comparison.ExternalRecordKind;
import cn.pes.casework.events.comparison.ImportExternalRecordsCommand;
import cn.pes.casework.events.comparison.MatchCounts;
import cn.pes.casework.events.comparison.RecordComparisonProgressCommand;
import cn.pes.casework.events.comparison.RecordFileFormat;
import cn.pes.casework.events.comparison.RowProblem;
import cn.pes.casework.security.protection.BlindIndex;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.h2.Driver;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;
import org.springframework.jdbc.datasource.init.ResourceDatabasePopulator;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A batch of external records (TRK-2): imported with its rows staged in an in-memory H2 of the command
 * side's schema, its chunks recorded once each, completed only when every valid row is counted.
 */
class ComparisonBatchTest {

    private static final LocalDate REFERENCE = LocalDate.of(2026, 10, 31);
    private static final LocalDate TODAY = LocalDate.of(2026, 11, 3);
    private static final String SOURCE = "市社保中心";
    private static final String UPLOADER = "W990101001A";
    private static final String AGENCY = "990101001";

    private static final String CSV = """
            身份证号,姓名,日期,单位名称
            %1$s,张三,2026-10-08,东湖机械厂
            bad,李四,2026-10-08,东湖机械厂
            %2$s,王五,2026-10-09,中心区食品厂
            %1$s,张三,2026/10/8,东湖机械厂
            """.formatted(TestIdNumbers.person(1), TestIdNumbers.person(2));

    private FixtureConfiguration<ComparisonBatch> fixture;
    private JdbcTemplate jdbc;
    private final List<String> offered = new ArrayList<>();

    @BeforeEach
    void setUp() {
        SimpleDriverDataSource dataSource = new SimpleDriverDataSource(new Driver(),
                "jdbc:h2:mem:comparison-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa", "");
        new ResourceDatabasePopulator(new ClassPathResource("db/command/schema-h2.sql")).execute(dataSource);
        jdbc = new JdbcTemplate(dataSource);
        fixture = new AggregateTestFixture<>(ComparisonBatch.class);
        fixture.registerAnnotatedCommandHandler(new ComparisonImportHandler(fixture.getRepository(),
                new ComparisonStaging(jdbc), new BlindIndex(BlindIndex.DEVELOPMENT_KEY), ComparisonProperties.defaults(),
                offered::add));
    }

    @AfterEach
    void tearDown() {
        jdbc.execute("SHUTDOWN");
    }

    private static ImportExternalRecordsCommand importing(RecordFileFormat format, byte[] content, LocalDate referenceDate) {
        return new ImportExternalRecordsCommand("社保参保2026年10月.csv", format, content,
                ExternalRecordKind.SOCIAL_INSURANCE_ENROLMENT, " " + SOURCE + " ", referenceDate, UPLOADER, AGENCY, TODAY);
    }

    private static ImportExternalRecordsCommand importingCsv() {
        return importing(RecordFileFormat.CSV, CSV.getBytes(StandardCharsets.UTF_8), REFERENCE);
    }

    private static final List<RowProblem> PROBLEMS = List.of(new RowProblem(3, "idNumber", "ID_NUMBER_FORMAT", null),
            new RowProblem(5, "row", "DUPLICATE_ROW", 2));

    private static ComparisonBatchImported imported(String batchId, int validRows) {
        return new ComparisonBatchImported(batchId, ExternalRecordKind.SOCIAL_INSURANCE_ENROLMENT, SOURCE, REFERENCE,
                "社保参保2026年10月.csv", RecordFileFormat.CSV, 4, validRows, 2, PROBLEMS, UPLOADER, AGENCY, TODAY);
    }

    @Test
    void anImportRecordsTheBatchStagesItsValidRowsByBlindIndexAndQueuesItForMatching() {
        fixture.givenNoPriorActivity()
                .when(importingCsv())
                .expectSuccessfulHandlerExecution()
                .expectResultMessagePayloadMatching(org.hamcrest.Matchers.<Object>instanceOf(ComparisonImportReceipt.class));

        String batchId = jdbc.queryForObject("SELECT batch_id FROM comparison_batch", String.class);
        assertThat(batchId).matches("cmp-[0-9a-f]{20}");
        assertThat(offered).containsExactly(batchId);
        List<String> staged = jdbc.queryForList("SELECT CONCAT(line, ' ', id_number_hash, ' ', record_date, ' ', organisation)"
                + " FROM comparison_row ORDER BY line", String.class);
        BlindIndex blindIndex = new BlindIndex(BlindIndex.DEVELOPMENT_KEY);
        assertThat(staged).containsExactly(
                "2 " + blindIndex.ofIdNumber(TestIdNumbers.person(1)) + " 2026-10-08 东湖机械厂",
                "4 " + blindIndex.ofIdNumber(TestIdNumbers.person(2)) + " 2026-10-09 中心区食品厂");
        assertThat(String.join(";", staged)).doesNotContain(TestIdNumbers.person(1));
    }

    @Test
    void theSameFileUploadedByAnotherAgencyIsAnotherBatch() {
        ImportExternalRecordsCommand here = importingCsv();
        ImportExternalRecordsCommand there = new ImportExternalRecordsCommand(here.fileName(), here.format(),
                here.content(), here.kind(), here.source(), here.referenceDate(), "W990102A", "990102",
                here.importedOn());
        var file = new RecordFileReader(new BlindIndex(BlindIndex.DEVELOPMENT_KEY), 200_000, 1000)
                .read(RecordFileFormat.CSV, CSV.getBytes(StandardCharsets.UTF_8),
                        ExternalRecordKind.SOCIAL_INSURANCE_ENROLMENT, REFERENCE);

        assertThat(ComparisonImportHandler.batchId(there, SOURCE, file))
                .isNotEqualTo(ComparisonImportHandler.batchId(here, SOURCE, file))
                .isEqualTo(ComparisonImportHandler.batchId(there, SOURCE, file));
    }

    @Test
    void anImportAnswersItsReceiptAndItsEventCarriesTheProblems() {
        String batchId = ComparisonImportHandler.batchId(importingCsv(), SOURCE,
                new RecordFileReader(new BlindIndex(BlindIndex.DEVELOPMENT_KEY), 200_000, 1000)
                        .read(RecordFileFormat.CSV, CSV.getBytes(StandardCharsets.UTF_8),
                                ExternalRecordKind.SOCIAL_INSURANCE_ENROLMENT, REFERENCE));

        fixture.givenNoPriorActivity()
                .when(importingCsv())
                .expectEvents(imported(batchId, 2))
                .expectResultMessagePayload(new ComparisonImportReceipt(batchId, false, 4, 2, 2, PROBLEMS));
    }

    @Test
    void theSameBatchImportedAgainRecordsNothingAndAnswersWhatWasStored() {
        fixture.givenCommands(importingCsv())
                .when(importingCsv())
                .expectNoEvents()
                .expectResultMessagePayloadMatching(org.hamcrest.Matchers.<Object>hasToString(
                        org.hamcrest.Matchers.containsString("alreadyImported=true, linesRead=4, validRows=2, problemCount=2")));
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM comparison_row", Integer.class)).isEqualTo(2);
    }

    @Test
    void theSameRecordsSavedAsAWorkbookAreTheSameBatch() throws Exception {
        String csv = "身份证号,日期,单位名称\n" + TestIdNumbers.person(1) + ",2026-10-08,东湖机械厂\n"
                + TestIdNumbers.person(2) + ",2026-10-09,中心区食品厂\n";
        byte[] workbook = ComparisonFileReaderTest.workbook(false);

        fixture.givenCommands(importing(RecordFileFormat.CSV, csv.getBytes(StandardCharsets.UTF_8), REFERENCE))
                .when(importing(RecordFileFormat.XLSX, workbook, REFERENCE))
                .expectNoEvents()
                .expectResultMessagePayloadMatching(org.hamcrest.Matchers.<Object>hasToString(
                        org.hamcrest.Matchers.containsString("alreadyImported=true")));
    }

    @Test
    void aReferenceDateAfterTheImportRefusesTheFileAndStoresNothing() {
        fixture.givenNoPriorActivity()
                .when(importing(RecordFileFormat.CSV, CSV.getBytes(StandardCharsets.UTF_8), TODAY.plusDays(1)))
                .expectException(CaseRuleViolation.class)
                .expectExceptionMessage("TRK-2 REFERENCE_DATE_AFTER_IMPORT")
                .expectNoEvents();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM comparison_batch", Integer.class)).isZero();
        assertThat(offered).isEmpty();
    }

    @Test
    void aFileWithoutDataRowsIsRefused() {
        fixture.givenNoPriorActivity()
                .when(importing(RecordFileFormat.CSV, "身份证号,日期,单位名称\n".getBytes(StandardCharsets.UTF_8), REFERENCE))
                .expectException(CaseRuleViolation.class)
                .expectExceptionMessage("TRK-2 NO_DATA_ROWS")
                .expectNoEvents();
    }

    @Test
    void aChunkIsRecordedWithTheRunningTotal() {
        MatchCounts first = new MatchCounts(2, 1, 0, 0, 0, 1);
        MatchCounts second = new MatchCounts(1, 0, 1, 0, 0, 0);
        fixture.given(imported("cmp-1", 3), new ComparisonRowsProcessed("cmp-1", 3, first, first))
                .when(new RecordComparisonProgressCommand("cmp-1", 4, second))
                .expectEvents(new ComparisonRowsProcessed("cmp-1", 4, second, first.plus(second)));
    }

    @Test
    void aChunkNotBeyondTheLastRecordedLineRecordsNothing() {
        MatchCounts first = new MatchCounts(2, 1, 0, 0, 0, 1);
        fixture.given(imported("cmp-1", 3), new ComparisonRowsProcessed("cmp-1", 3, first, first))
                .when(new RecordComparisonProgressCommand("cmp-1", 3, first))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void moreRowsThanImportedAreRefused() {
        fixture.given(imported("cmp-1", 1))
                .when(new RecordComparisonProgressCommand("cmp-1", 4, new MatchCounts(2, 0, 0, 0, 0, 2)))
                .expectException(CaseRuleViolation.class)
                .expectNoEvents();
    }

    @Test
    void theBatchCompletesWithItsTotalOnceEveryRowIsCounted() {
        MatchCounts total = new MatchCounts(3, 1, 1, 0, 0, 1);
        fixture.given(imported("cmp-1", 3), new ComparisonRowsProcessed("cmp-1", 5, total, total))
                .when(new CompleteComparisonBatchCommand("cmp-1", TODAY))
                .expectEvents(new ComparisonBatchCompleted("cmp-1", total, TODAY));
    }

    @Test
    void aBatchWithRowsUncountedDoesNotComplete() {
        MatchCounts part = new MatchCounts(2, 1, 0, 0, 0, 1);
        fixture.given(imported("cmp-1", 3), new ComparisonRowsProcessed("cmp-1", 3, part, part))
                .when(new CompleteComparisonBatchCommand("cmp-1", TODAY))
                .expectException(CaseRuleViolation.class)
                .expectExceptionMessage("TRK-2 ROWS_NOT_ALL_MATCHED");
    }

    @Test
    void completingAgainRecordsNothing() {
        MatchCounts total = new MatchCounts(3, 1, 1, 0, 0, 1);
        fixture.given(imported("cmp-1", 3), new ComparisonRowsProcessed("cmp-1", 5, total, total),
                        new ComparisonBatchCompleted("cmp-1", total, TODAY))
                .when(new CompleteComparisonBatchCommand("cmp-1", TODAY.plusDays(1)))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }
}
