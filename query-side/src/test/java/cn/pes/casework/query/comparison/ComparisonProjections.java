package cn.pes.casework.query.comparison;

import cn.pes.casework.events.comparison.ComparisonBatchCompleted;
import cn.pes.casework.events.comparison.ComparisonBatchImported;
import cn.pes.casework.events.comparison.ComparisonRowsProcessed;
import cn.pes.casework.events.comparison.ExternalRecordKind;
import cn.pes.casework.events.comparison.MatchCounts;
import cn.pes.casework.events.comparison.RecordFileFormat;
import cn.pes.casework.events.comparison.RowProblem;
import cn.pes.casework.query.caselookup.CaseLookupProjection;
import cn.pes.casework.query.casesummary.CaseSummaryProjection;
import cn.pes.casework.query.common.PersonalDataDocs;
import cn.pes.casework.query.entrepreneurship.CaseEntrepreneurshipProjection;
import cn.pes.casework.query.mongo.ReadModelStore;
import cn.pes.casework.query.projection.ProjectionWriter;
import cn.pes.casework.query.subsidypipeline.SubsidyPipelineProjection;
import cn.pes.casework.query.support.ProjectionGroups;
import cn.pes.casework.query.support.ProjectionHarness;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;

import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The comparison read models and those reconciliation reads (case, lookup, subsidies, loans), fed as
 * {@link ProjectionHarness} feeds the others.
 */
final class ComparisonProjections {

    static final int MAX_NUMBERS = 50;

    private final ProjectionWriter writer;
    private final Map<String, AnnotationEventHandlerAdapter> groups = new LinkedHashMap<>();

    final ComparisonBatchQueries batches;
    final StatusChangeProposalQueries proposals;
    final ReconciliationQueries reconciliation;

    ComparisonProjections(ReadModelStore store, PersonalDataDocs personalData) {
        this.writer = new ProjectionWriter(store);
        groups.put(ComparisonBatchesProjection.PROCESSING_GROUP,
                   new AnnotationEventHandlerAdapter(new ComparisonBatchesProjection(writer)));
        groups.put(StatusChangeProposalsProjection.PROCESSING_GROUP,
                   new AnnotationEventHandlerAdapter(new StatusChangeProposalsProjection(writer, personalData)));
        groups.put(CaseSummaryProjection.PROCESSING_GROUP,
                   new AnnotationEventHandlerAdapter(new CaseSummaryProjection(writer, personalData)));
        groups.put(CaseLookupProjection.PROCESSING_GROUP, new AnnotationEventHandlerAdapter(
                new CaseLookupProjection(writer, ProjectionHarness.BLIND_INDEX, personalData)));
        groups.put(SubsidyPipelineProjection.PROCESSING_GROUP,
                   new AnnotationEventHandlerAdapter(new SubsidyPipelineProjection(writer, personalData)));
        groups.put(CaseEntrepreneurshipProjection.PROCESSING_GROUP,
                   new AnnotationEventHandlerAdapter(new CaseEntrepreneurshipProjection(writer)));
        batches = new ComparisonBatchQueries(store, ProjectionHarness.AGENCIES);
        proposals = new StatusChangeProposalQueries(store, personalData, ProjectionHarness.AGENCIES);
        reconciliation = new ReconciliationQueries(store, ProjectionHarness.BLIND_INDEX, personalData, MAX_NUMBERS);
    }

    void deliver(List<? extends EventMessage<?>> messages) {
        new ProjectionGroups(writer, groups.values()).deliver(messages);
    }

    void deliver(EventMessage<?>... messages) {
        deliver(List.of(messages));
    }

    void deliverBatch(List<? extends EventMessage<?>> messages) {
        new ProjectionGroups(writer, groups.values()).deliverBatch(messages);
    }

    /** The stream of one batch aggregate, as the command side writes it. */
    static final class BatchEvents {

        static final String AGGREGATE_TYPE = "ComparisonBatch";

        final String batchId;
        private long nextSequence;

        BatchEvents(String batchId) {
            this.batchId = batchId;
        }

        DomainEventMessage<?> next(Object payload, Instant recordedAt) {
            return at(nextSequence++, payload, recordedAt);
        }

        DomainEventMessage<?> at(long sequence, Object payload, Instant recordedAt) {
            return new GenericDomainEventMessage<>(AGGREGATE_TYPE, batchId, sequence, payload, Map.of(),
                                                   batchId + "#" + sequence, recordedAt);
        }

        ComparisonBatchImported imported(ExternalRecordKind kind, String agencyId, LocalDate importedOn, int validRows,
                                         List<RowProblem> problems) {
            return new ComparisonBatchImported(batchId, kind, "市社保中心", importedOn.minusDays(1), batchId + ".csv",
                                               RecordFileFormat.CSV, validRows + problems.size(), validRows,
                                               problems.size(), problems, "officer-7", agencyId, importedOn);
        }

        ComparisonRowsProcessed processed(int throughLine, MatchCounts chunk, MatchCounts total) {
            return new ComparisonRowsProcessed(batchId, throughLine, chunk, total);
        }

        ComparisonBatchCompleted completed(MatchCounts total, LocalDate completedOn) {
            return new ComparisonBatchCompleted(batchId, total, completedOn);
        }
    }
}
