package cn.pes.casework.query.comparison;

import cn.pes.casework.query.projection.SharedDocuments;
import cn.pes.casework.events.comparison.ComparisonBatchStatus;
import cn.pes.casework.events.comparison.ComparisonBatchView;
import cn.pes.casework.events.comparison.ComparisonBatchesView;
import cn.pes.casework.events.comparison.ExternalRecordKind;
import cn.pes.casework.events.comparison.FindComparisonBatchQuery;
import cn.pes.casework.events.comparison.FindComparisonBatchesQuery;
import cn.pes.casework.events.comparison.RecordFileFormat;
import cn.pes.casework.events.comparison.RowProblem;
import cn.pes.casework.query.common.Docs;
import cn.pes.casework.query.mongo.ReadModelStore;
import cn.pes.casework.query.projection.GuardedUpsert;
import cn.pes.casework.security.agency.Agency;
import cn.pes.casework.security.agency.AgencyDirectory;
import com.mongodb.client.model.Filters;
import org.axonframework.queryhandling.QueryHandler;
import org.bson.Document;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** An imported batch, and the batches of an agency and those it covers ({@link AgencyDirectory#coveredBy}). */
@Component
public class ComparisonBatchQueries {

    private static final Comparator<ComparisonBatchView> LATEST_FIRST =
            Comparator.comparing(ComparisonBatchView::importedAt, Comparator.nullsLast(Comparator.reverseOrder()))
                      .thenComparing(ComparisonBatchView::batchId, Comparator.nullsLast(Comparator.reverseOrder()));

    private final ReadModelStore store;
    private final AgencyDirectory agencies;

    public ComparisonBatchQueries(ReadModelStore store, AgencyDirectory agencies) {
        this.store = store;
        this.agencies = agencies;
    }

    /** Null when no such batch has been projected (yet). */
    @QueryHandler
    public ComparisonBatchView handle(FindComparisonBatchQuery query) {
        if (query.batchId() == null) {
            return null;
        }
        Document doc = store.collection(ComparisonBatchesProjection.BATCHES).find(Filters.eq("_id", query.batchId())).first();
        return doc == null || doc.getString("agencyId") == null ? null : view(doc.getString("_id"), doc, true);
    }

    @QueryHandler
    public ComparisonBatchesView handle(FindComparisonBatchesQuery query) {
        List<String> ids = query.agencyId() == null ? List.of()
                : agencies.coveredBy(query.agencyId()).stream().map(Agency::id).toList();
        List<ComparisonBatchView> batches = new ArrayList<>();
        if (!ids.isEmpty()) {
            SharedDocuments.find(store.collection(ComparisonBatchesProjection.AGENCY_INDEX), ids)
                 .forEach(doc -> {
                     Document parts = Docs.subDocument(doc, GuardedUpsert.CASES);
                     if (parts != null) {
                         parts.values().forEach(part -> batches.add(view(((Document) part).getString("batchId"),
                                                                         (Document) part, false)));
                     }
                 });
        }
        batches.sort(LATEST_FIRST);
        return new ComparisonBatchesView(query.agencyId(), batches);
    }

    private static ComparisonBatchView view(String batchId, Document doc, boolean withProblems) {
        List<RowProblem> problems = new ArrayList<>();
        if (withProblems) {
            for (Document problem : doc.getList("problems", Document.class, List.of())) {
                problems.add(new RowProblem(Docs.intValue(problem, "line", 0), problem.getString("field"),
                                            problem.getString("code"), problem.getInteger("duplicateOf")));
            }
        }
        return new ComparisonBatchView(batchId, Docs.enumValue(doc, "kind", ExternalRecordKind.class),
                                       doc.getString("source"), Docs.date(doc, "referenceDate"), doc.getString("fileName"),
                                       Docs.enumValue(doc, "format", RecordFileFormat.class), doc.getString("uploaderId"),
                                       doc.getString("agencyId"), Docs.instant(doc, "importedAt"),
                                       Docs.intValue(doc, "linesRead", 0), Docs.intValue(doc, "validRows", 0),
                                       Docs.intValue(doc, "problemCount", 0), problems,
                                       ComparisonBatchesProjection.counts(Docs.subDocument(doc, "processed")),
                                       Docs.enumValue(doc, "status", ComparisonBatchStatus.class),
                                       Docs.instant(doc, "completedAt"));
    }
}
