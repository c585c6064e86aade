package cn.pes.casework.query.comparison;

import cn.pes.casework.events.comparison.ComparisonBatchStatus;
import cn.pes.casework.events.comparison.ComparisonBatchView;
import cn.pes.casework.events.comparison.ComparisonBatchesView;
import cn.pes.casework.events.comparison.ExternalRecordKind;
import cn.pes.casework.events.comparison.FindComparisonBatchQuery;
import cn.pes.casework.events.comparison.FindComparisonBatchesQuery;
import cn.pes.casework.events.comparison.MatchCounts;
import cn.pes.casework.events.comparison.RecordFileFormat;
import cn.pes.casework.events.comparison.RowProblem;
import cn.pes.casework.query.common.PersonalDataDocs;
import cn.pes.casework.query.comparison.ComparisonProjections.BatchEvents;
import cn.pes.casework.query.support.ProjectionTestBase;
import cn.pes.casework.security.protection.PersonalDataProtector;
import org.axonframework.eventhandling.DomainEventMessage;
import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static cn.pes.casework.query.support.CaseEvents.OTHER_STREET_AGENCY;
import static cn.pes.casework.query.support.CaseEvents.STREET_AGENCY;
import static org.assertj.core.api.Assertions.assertThat;

class ComparisonBatchesProjectionTest extends ProjectionTestBase {

    private static final String COUNTY = "990101";
    private static final String OTHER_COUNTY = "990102";
    private static final Instant IMPORTED_A = Instant.parse("2026-11-10T01:00:00Z");
    private static final Instant PROGRESS_A = Instant.parse("2026-11-10T01:02:00Z");
    private static final Instant COMPLETED_A = Instant.parse("2026-11-10T01:05:00Z");
    private static final List<RowProblem> PROBLEMS = List.of(new RowProblem(3, "idNumber", "ID_NUMBER_CHECK_DIGIT", null),
                                                             new RowProblem(5, "row", "DUPLICATE_ROW", 2));
    private static final MatchCounts FIRST_CHUNK = new MatchCounts(2, 1, 0, 1, 0, 0);
    private static final MatchCounts SECOND_CHUNK = new MatchCounts(2, 0, 1, 0, 0, 1);
    private static final MatchCounts TOTAL = new MatchCounts(4, 1, 1, 1, 0, 1);

    private ComparisonProjections models;
    private BatchEvents a;
    private List<DomainEventMessage<?>> streamA;

    @BeforeEach
    void feed() {
        models = new ComparisonProjections(fixture.store(serverSideGuards()), new PersonalDataDocs(new PersonalDataProtector(keys)));
        a = new BatchEvents("batch-a");
        streamA = new ArrayList<>();
        streamA.add(a.next(a.imported(ExternalRecordKind.SOCIAL_INSURANCE_ENROLMENT, STREET_AGENCY,
                                      LocalDate.of(2026, 11, 10), 4, PROBLEMS), IMPORTED_A));
        streamA.add(a.next(a.processed(4, FIRST_CHUNK, FIRST_CHUNK), PROGRESS_A));
        streamA.add(a.next(a.processed(7, SECOND_CHUNK, TOTAL), PROGRESS_A.plusSeconds(60)));
        streamA.add(a.next(a.completed(TOTAL, LocalDate.of(2026, 11, 10)), COMPLETED_A));
    }

    private ComparisonBatchView batch(String batchId) {
        return models.batches.handle(new FindComparisonBatchQuery(batchId));
    }

    private List<String> listed(String agencyId) {
        ComparisonBatchesView view = models.batches.handle(new FindComparisonBatchesQuery(agencyId));
        assertThat(view.agencyId()).isEqualTo(agencyId);
        return view.batches().stream().map(ComparisonBatchView::batchId).toList();
    }

    @Test
    void aBatchIsFollowedFromItsImportThroughItsProgressToItsCompletion() {
        models.deliver(streamA.get(0));
        ComparisonBatchView imported = batch("batch-a");
        assertThat(imported.kind()).isEqualTo(ExternalRecordKind.SOCIAL_INSURANCE_ENROLMENT);
        assertThat(imported.source()).isEqualTo("市社保中心");
        assertThat(imported.referenceDate()).isEqualTo(LocalDate.of(2026, 11, 9));
        assertThat(imported.fileName()).isEqualTo("batch-a.csv");
        assertThat(imported.format()).isEqualTo(RecordFileFormat.CSV);
        assertThat(imported.uploaderId()).isEqualTo("officer-7");
        assertThat(imported.agencyId()).isEqualTo(STREET_AGENCY);
        assertThat(imported.importedAt()).isEqualTo(IMPORTED_A);
        assertThat(imported.linesRead()).isEqualTo(6);
        assertThat(imported.validRows()).isEqualTo(4);
        assertThat(imported.problemCount()).isEqualTo(2);
        assertThat(imported.problems()).containsExactlyElementsOf(PROBLEMS);
        assertThat(imported.processed()).isEqualTo(MatchCounts.NONE);
        assertThat(imported.status()).isEqualTo(ComparisonBatchStatus.PROCESSING);
        assertThat(imported.completedAt()).isNull();

        models.deliver(streamA.get(1));
        assertThat(batch("batch-a").processed()).isEqualTo(FIRST_CHUNK);
        assertThat(batch("batch-a").status()).isEqualTo(ComparisonBatchStatus.PROCESSING);

        models.deliver(streamA.get(2), streamA.get(3));
        ComparisonBatchView completed = batch("batch-a");
        assertThat(completed.processed()).isEqualTo(TOTAL);
        assertThat(completed.processed().matched()).isEqualTo(2);
        assertThat(completed.status()).isEqualTo(ComparisonBatchStatus.COMPLETED);
        assertThat(completed.completedAt()).isEqualTo(COMPLETED_A);
        assertThat(completed.importedAt()).isEqualTo(IMPORTED_A);
        assertThat(completed.problems()).hasSize(2);
        assertThat(batch("batch-x")).isNull();
        assertThat(batch(null)).isNull();
    }

    @Test
    void redeliveredAndLateEventsChangeNothing() {
        models.deliver(streamA);
        Map<String, List<Document>> before = fixture.dump();
        // A restart redelivers the whole stream; an old progress event arrives after the completion.
        models.deliver(streamA);
        models.deliver(a.at(1, a.processed(4, FIRST_CHUNK, FIRST_CHUNK), PROGRESS_A));
        assertThat(fixture.dump()).isEqualTo(before);
        assertThat(batch("batch-a").processed()).isEqualTo(TOTAL);
        assertThat(batch("batch-a").status()).isEqualTo(ComparisonBatchStatus.COMPLETED);
    }

    @Test
    void inABatchOfEventsTheViewIsTheSameAsOneByOne() {
        models.deliverBatch(streamA);
        ComparisonBatchView batched = batch("batch-a");
        Map<String, List<Document>> dump = fixture.dump();
        fixture.reset();
        models.deliver(streamA);
        assertThat(batch("batch-a")).isEqualTo(batched);
        assertThat(fixture.dump()).isEqualTo(dump);
    }

    @Test
    void anAgencysListHoldsItsOwnBatchesAndThoseOfTheAgenciesItCoversLatestFirstWithoutProblems() {
        BatchEvents county = new BatchEvents("batch-county");
        BatchEvents other = new BatchEvents("batch-other");
        models.deliver(streamA);
        models.deliver(county.next(county.imported(ExternalRecordKind.DEATH, COUNTY, LocalDate.of(2026, 11, 12), 10,
                                                   List.of()), Instant.parse("2026-11-12T03:00:00Z")));
        models.deliver(other.next(other.imported(ExternalRecordKind.ENLISTMENT, OTHER_STREET_AGENCY,
                                                 LocalDate.of(2026, 11, 11), 3, PROBLEMS),
                                  Instant.parse("2026-11-11T03:00:00Z")));

        assertThat(listed(COUNTY)).containsExactly("batch-county", "batch-a");
        assertThat(listed(STREET_AGENCY)).containsExactly("batch-a");
        assertThat(listed(OTHER_COUNTY)).containsExactly("batch-other");
        assertThat(listed("9901")).containsExactly("batch-county", "batch-other", "batch-a");
        assertThat(listed("990101002")).isEmpty();

        ComparisonBatchView listedA = models.batches.handle(new FindComparisonBatchesQuery(STREET_AGENCY)).batches().get(0);
        assertThat(listedA.problems()).isEmpty();
        assertThat(listedA.problemCount()).isEqualTo(2);
        assertThat(listedA.processed()).isEqualTo(TOTAL);
        assertThat(listedA.status()).isEqualTo(ComparisonBatchStatus.COMPLETED);
        assertThat(listedA.importedAt()).isEqualTo(IMPORTED_A);
        assertThat(listedA.completedAt()).isEqualTo(COMPLETED_A);
        assertThat(listedA.kind()).isEqualTo(ExternalRecordKind.SOCIAL_INSURANCE_ENROLMENT);
    }
}
