package cn.pes.casework.command.comparison;

import cn.pes.casework.command.clientcase.CaseRuleViolation;
import cn.pes.casework.events.comparison.ComparisonBatchCompleted;
import cn.pes.casework.events.comparison.ComparisonBatchImported;
import cn.pes.casework.events.comparison.ComparisonRowsProcessed;
import cn.pes.casework.events.comparison.CompleteComparisonBatchCommand;
import cn.pes.casework.events.comparison.MatchCounts;
import cn.pes.casework.events.comparison.RecordComparisonProgressCommand;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * An imported batch of external records (信息比对批次, TRK-2) and how far its matching has come. Created
 * by {@link ComparisonImportHandler} in the transaction that stages its rows; the matching worker
 * reports each chunk and the end. A chunk already recorded (a resend after a restart) records nothing,
 * so the counts stay exact however often the worker repeats itself.
 */
@Aggregate
public class ComparisonBatch {

    @AggregateIdentifier
    private String batchId;
    private int validRows;
    private int throughLine;
    private MatchCounts total;
    private boolean completed;

    protected ComparisonBatch() {
    }

    ComparisonBatch(ComparisonBatchImported imported) {
        apply(imported);
    }

    @CommandHandler
    void handle(RecordComparisonProgressCommand command) {
        MatchCounts chunk = command.chunk();
        if (chunk == null || chunk.rows() < 1) {
            throw CaseRuleViolation.invalid("TRK-2", "CHUNK_EMPTY", "chunk");
        }
        if (completed || command.throughLine() <= throughLine) {
            return;
        }
        if (total.rows() + chunk.rows() > validRows) {
            throw CaseRuleViolation.conflict("TRK-2", "MORE_ROWS_THAN_IMPORTED", "chunk");
        }
        apply(new ComparisonRowsProcessed(batchId, command.throughLine(), chunk, total.plus(chunk)));
    }

    /** Only once every valid row is counted: a batch never completes with rows unaccounted for. */
    @CommandHandler
    void handle(CompleteComparisonBatchCommand command) {
        if (command.completedOn() == null) {
            throw CaseRuleViolation.invalid("INPUT", "MISSING", "completedOn");
        }
        if (completed) {
            return;
        }
        if (total.rows() != validRows) {
            throw CaseRuleViolation.conflict("TRK-2", "ROWS_NOT_ALL_MATCHED", "batchId");
        }
        apply(new ComparisonBatchCompleted(batchId, total, command.completedOn()));
    }

    @EventSourcingHandler
    void on(ComparisonBatchImported event) {
        batchId = event.batchId();
        validRows = event.validRows();
        total = MatchCounts.NONE;
    }

    @EventSourcingHandler
    void on(ComparisonRowsProcessed event) {
        throughLine = event.throughLine();
        total = event.total();
    }

    @EventSourcingHandler
    void on(ComparisonBatchCompleted event) {
        completed = true;
    }
}
