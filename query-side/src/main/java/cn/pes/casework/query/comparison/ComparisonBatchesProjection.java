package cn.pes.casework.query.comparison;

import cn.pes.casework.events.comparison.ComparisonBatchCompleted;
import cn.pes.casework.events.comparison.ComparisonBatchImported;
import cn.pes.casework.events.comparison.ComparisonBatchStatus;
import cn.pes.casework.events.comparison.ComparisonRowsProcessed;
import cn.pes.casework.events.comparison.MatchCounts;
import cn.pes.casework.events.comparison.RowProblem;
import cn.pes.casework.query.common.Docs;
import cn.pes.casework.query.projection.GuardedUpsert;
import cn.pes.casework.query.projection.ProjectionWriter;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.bson.Document;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Imported batches of external records (信息比对批次) as their uploaders follow them:
 * <ul>
 * <li>{@value #BATCHES}: {@code {_id: batchId, kind, source, referenceDate, fileName, format, uploaderId,
 * agencyId, importedAt, linesRead, validRows, problemCount, problems: [{line, field, code, duplicateOf}],
 * processed: counts, status, completedAt, lastSequence}}, counts = {@code {rows, proposed, contactOnly,
 * notActive, beforeRegistration, noCase}}.</li>
 * <li>{@value #AGENCY_INDEX}: {@code {_id: agencyId, cases: {<batchKey>: batch without problems}, seq}} —
 * the batches uploaded at the agency, copied from the batch document as it stands, so that an agency's
 * list is a key lookup per covered agency instead of a scan (the embedded store has no secondary indexes).</li>
 * </ul>
 * The batch's events form the batch aggregate's stream: the guards are by batch ID. Times are the
 * events' own ({@code @Timestamp}); {@code processed} is the running total the progress event carries,
 * so a redelivered or skipped chunk cannot make it drift.
 */
@Component
@ProcessingGroup(ComparisonBatchesProjection.PROCESSING_GROUP)
public class ComparisonBatchesProjection {

    public static final String PROCESSING_GROUP = "comparison-batches";
    public static final String BATCHES = "comparison_batches";
    public static final String AGENCY_INDEX = "comparison_batches_by_agency";

    /** Lists leave the problems out; the guard fields are the index's own. */
    private static final Set<String> LEFT_OUT_OF_LISTS = Set.of("_id", "problems", GuardedUpsert.LAST_SEQUENCE);

    private final ProjectionWriter writer;

    public ComparisonBatchesProjection(ProjectionWriter writer) {
        this.writer = writer;
    }

    @ResetHandler
    void reset() {
        writer.drop(BATCHES, AGENCY_INDEX);
    }

    @EventHandler
    void on(ComparisonBatchImported event, @SequenceNumber long sequence, @Timestamp Instant recordedAt) {
        change(event.batchId(), sequence, doc -> {
            doc.put("kind", Docs.name(event.kind()));
            doc.put("source", event.source());
            doc.put("referenceDate", Docs.date(event.referenceDate()));
            doc.put("fileName", event.fileName());
            doc.put("format", Docs.name(event.format()));
            doc.put("uploaderId", event.uploaderId());
            doc.put("agencyId", event.agencyId());
            doc.put("importedAt", Docs.instant(recordedAt));
            doc.put("linesRead", event.linesRead());
            doc.put("validRows", event.validRows());
            doc.put("problemCount", event.problemCount());
            List<Document> problems = new ArrayList<>();
            for (RowProblem problem : event.problems()) {
                problems.add(new Document("line", problem.line()).append("field", problem.field())
                                                                 .append("code", problem.code())
                                                                 .append("duplicateOf", problem.duplicateOf()));
            }
            doc.put("problems", problems);
            if (doc.get("processed") == null) {
                doc.put("processed", counts(MatchCounts.NONE));
            }
            if (doc.get("status") == null) {
                doc.put("status", ComparisonBatchStatus.PROCESSING.name());
            }
        });
    }

    @EventHandler
    void on(ComparisonRowsProcessed event, @SequenceNumber long sequence) {
        change(event.batchId(), sequence, doc -> doc.put("processed", counts(event.total())));
    }

    @EventHandler
    void on(ComparisonBatchCompleted event, @SequenceNumber long sequence, @Timestamp Instant recordedAt) {
        change(event.batchId(), sequence, doc -> {
            doc.put("processed", counts(event.total()));
            doc.put("status", ComparisonBatchStatus.COMPLETED.name());
            doc.put("completedAt", Docs.instant(recordedAt));
        });
    }

    /** Changes the batch, then copies it (without its problems) into its agency's index. */
    private void change(String batchId, long sequence, Consumer<Document> change) {
        if (!writer.updateDocument(BATCHES, batchId, sequence, change)) {
            return;
        }
        Document batch = writer.findDocument(BATCHES, batchId);
        String agencyId = batch == null ? null : batch.getString("agencyId");
        if (agencyId == null) {
            return;
        }
        Document part = new Document("batchId", batchId);
        batch.forEach((key, value) -> {
            if (!LEFT_OUT_OF_LISTS.contains(key)) {
                part.put(key, value);
            }
        });
        // The batch document stays in the writer's buffer: the part must not share its mutable sub-document.
        part.put("processed", new Document(Docs.subDocument(batch, "processed")));
        writer.updatePart(AGENCY_INDEX, agencyId, new Document("agencyId", agencyId), batchId, sequence, current -> part);
    }

    static Document counts(MatchCounts counts) {
        return new Document("rows", counts.rows()).append("proposed", counts.proposed())
                                                  .append("contactOnly", counts.contactOnly())
                                                  .append("notActive", counts.notActive())
                                                  .append("beforeRegistration", counts.beforeRegistration())
                                                  .append("noCase", counts.noCase());
    }

    static MatchCounts counts(Document doc) {
        if (doc == null) {
            return MatchCounts.NONE;
        }
        return new MatchCounts(Docs.intValue(doc, "rows", 0), Docs.intValue(doc, "proposed", 0),
                               Docs.intValue(doc, "contactOnly", 0), Docs.intValue(doc, "notActive", 0),
                               Docs.intValue(doc, "beforeRegistration", 0), Docs.intValue(doc, "noCase", 0));
    }
}
