package cn.pes.casework.query.entrepreneurship;

import cn.pes.casework.events.entrepreneurship.EntrepreneurshipTrainingCompleted;
import cn.pes.casework.events.entrepreneurship.EntrepreneurshipTrainingDroppedOut;
import cn.pes.casework.events.entrepreneurship.EntrepreneurshipTrainingEnrolled;
import cn.pes.casework.events.entrepreneurship.GuaranteeLoanApplied;
import cn.pes.casework.events.entrepreneurship.GuaranteeLoanApproved;
import cn.pes.casework.events.entrepreneurship.GuaranteeLoanDisbursed;
import cn.pes.casework.events.entrepreneurship.GuaranteeLoanEligibilityAssessed;
import cn.pes.casework.events.entrepreneurship.GuaranteeLoanOverdue;
import cn.pes.casework.events.entrepreneurship.GuaranteeLoanRepaid;
import cn.pes.casework.events.entrepreneurship.LoanInterestSubsidised;
import cn.pes.casework.query.common.Docs;
import cn.pes.casework.query.projection.Buckets;
import cn.pes.casework.query.projection.FieldKeys;
import cn.pes.casework.query.projection.ProjectionWriter;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.bson.Document;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Entrepreneurship figures per agency and month (创业服务月度统计), by the day each thing happened:
 * <ul>
 * <li>{@value #FIGURES}: {@code {_id: "agencyId|yyyy-MM|NN", agencyId, month, cases: {<caseKey>: part},
 * seq}}, part = {@code {trainees: [trainingId], completed: [trainingId], droppedOut: [trainingId], applied:
 * [loanId], refused: [loanId], approved: [{id, amount}], disbursed: [{id, amount}], repaid: [loanId],
 * overdue: [loanId], subsidies: [{id: "loanId|periodFrom", amount}]}}. Sets by ID, never increments, so a
 * redelivered event changes nothing.</li>
 * <li>{@value #CASES}: {@code {_id: caseId, trainings: {<trainingKey>: agencyId}, loans: {<loanKey>: agencyId},
 * lastSequence}} — where a training or loan counts, which only its first event names.</li>
 * </ul>
 * Months: trainees by {@code startsOn}, completions by {@code completedOn}, drop-outs by
 * {@code droppedOutOn}; applications by {@code appliedOn}, refusals by {@code assessedOn}, approvals by
 * {@code approvedOn}, disbursements by {@code disbursedOn}, repayment in full by {@code repaidOn}, overdue
 * by {@code overdueSince}, interest subsidy by {@code paidOn}. Training counts at the enrolling agency,
 * loans at the handling one. No personal data, so erasure changes nothing here.
 */
@Component
@ProcessingGroup(EntrepreneurshipFiguresProjection.PROCESSING_GROUP)
public class EntrepreneurshipFiguresProjection {

    public static final String PROCESSING_GROUP = "entrepreneurship-figures";
    public static final String FIGURES = "entrepreneurship_figures";
    public static final String CASES = "entrepreneurship_figure_cases";
    /** Fixed: changing it needs a rebuild of the read model (reset the group's tokens). */
    public static final int BUCKETS = 16;

    static final String TRAINEES = "trainees";
    static final String COMPLETED = "completed";
    static final String DROPPED_OUT = "droppedOut";
    static final String APPLIED = "applied";
    static final String REFUSED = "refused";
    static final String APPROVED = "approved";
    static final String DISBURSED = "disbursed";
    static final String REPAID = "repaid";
    static final String OVERDUE = "overdue";
    static final String SUBSIDIES = "subsidies";

    private final ProjectionWriter writer;

    public EntrepreneurshipFiguresProjection(ProjectionWriter writer) {
        this.writer = writer;
    }

    static String figuresId(String agencyId, YearMonth month, String caseId) {
        return Buckets.of(agencyId + "|" + month, caseId, BUCKETS);
    }

    static List<String> figuresIds(String agencyId, YearMonth month) {
        return Buckets.all(agencyId + "|" + month, BUCKETS);
    }

    @ResetHandler
    void reset() {
        writer.drop(FIGURES, CASES);
    }

    @EventHandler
    void on(EntrepreneurshipTrainingEnrolled event, @SequenceNumber long sequence) {
        remember(event.caseId(), "trainings", event.trainingId(), event.agencyId(), sequence);
        count(event.agencyId(), event.startsOn(), event.caseId(), sequence, part -> withId(part, TRAINEES, event.trainingId()));
    }

    @EventHandler
    void on(EntrepreneurshipTrainingCompleted event, @SequenceNumber long sequence) {
        count(agencyOf(event.caseId(), "trainings", event.trainingId()), event.completedOn(), event.caseId(), sequence,
              part -> withId(part, COMPLETED, event.trainingId()));
    }

    @EventHandler
    void on(EntrepreneurshipTrainingDroppedOut event, @SequenceNumber long sequence) {
        count(agencyOf(event.caseId(), "trainings", event.trainingId()), event.droppedOutOn(), event.caseId(), sequence,
              part -> withId(part, DROPPED_OUT, event.trainingId()));
    }

    @EventHandler
    void on(GuaranteeLoanApplied event, @SequenceNumber long sequence) {
        remember(event.caseId(), "loans", event.loanId(), event.agencyId(), sequence);
        count(event.agencyId(), event.appliedOn(), event.caseId(), sequence, part -> withId(part, APPLIED, event.loanId()));
    }

    @EventHandler
    void on(GuaranteeLoanEligibilityAssessed event, @SequenceNumber long sequence) {
        if (event.eligible()) {
            return;
        }
        count(agencyOf(event.caseId(), "loans", event.loanId()), event.assessedOn(), event.caseId(), sequence,
              part -> withId(part, REFUSED, event.loanId()));
    }

    /** The approval names its agency; the application's is used only if it does not. */
    @EventHandler
    void on(GuaranteeLoanApproved event, @SequenceNumber long sequence) {
        String agencyId = agencyOf(event.caseId(), "loans", event.loanId());
        count(agencyId != null ? agencyId : event.agencyId(), event.approvedOn(), event.caseId(), sequence,
              part -> withAmount(part, APPROVED, event.loanId(), event.amount()));
    }

    @EventHandler
    void on(GuaranteeLoanDisbursed event, @SequenceNumber long sequence) {
        count(agencyOf(event.caseId(), "loans", event.loanId()), event.disbursedOn(), event.caseId(), sequence,
              part -> withAmount(part, DISBURSED, event.loanId(), event.amount()));
    }

    @EventHandler
    void on(GuaranteeLoanRepaid event, @SequenceNumber long sequence) {
        count(agencyOf(event.caseId(), "loans", event.loanId()), event.repaidOn(), event.caseId(), sequence,
              part -> withId(part, REPAID, event.loanId()));
    }

    @EventHandler
    void on(GuaranteeLoanOverdue event, @SequenceNumber long sequence) {
        count(agencyOf(event.caseId(), "loans", event.loanId()), event.overdueSince(), event.caseId(), sequence,
              part -> withId(part, OVERDUE, event.loanId()));
    }

    @EventHandler
    void on(LoanInterestSubsidised event, @SequenceNumber long sequence) {
        String id = event.loanId() + "|" + event.periodFrom();
        count(agencyOf(event.caseId(), "loans", event.loanId()), event.paidOn(), event.caseId(), sequence,
              part -> withAmount(part, SUBSIDIES, id, event.subsidy()));
    }

    private void remember(String caseId, String kind, String id, String agencyId, long sequence) {
        if (id == null || agencyId == null) {
            return;
        }
        writer.updateDocument(CASES, caseId, sequence,
                              doc -> Docs.subDocumentForUpdate(doc, kind).put(FieldKeys.encode(id), agencyId));
    }

    private String agencyOf(String caseId, String kind, String id) {
        Document agencies = Docs.subDocument(writer.findDocument(CASES, caseId), kind);
        return agencies == null || id == null ? null : agencies.getString(FieldKeys.encode(id));
    }

    /**
     * Without an agency or a date there is no document to count in: the command side refuses both
     * missing, so this only guards against a broken stream.
     */
    private void count(String agencyId, LocalDate day, String caseId, long sequence,
                       java.util.function.Consumer<Document> change) {
        if (agencyId == null || day == null || caseId == null) {
            return;
        }
        YearMonth month = YearMonth.from(day);
        writer.updatePart(FIGURES, figuresId(agencyId, month, caseId),
                          new Document("agencyId", agencyId).append("month", month.toString()), caseId, sequence,
                          current -> {
                              Document part = current == null ? new Document() : current;
                              change.accept(part);
                              return part;
                          });
    }

    /** A set kept sorted, so that the same history always gives the same document. */
    private static void withId(Document part, String key, String id) {
        if (id == null) {
            return;
        }
        List<String> ids = new ArrayList<>(part.getList(key, String.class, List.of()));
        if (!ids.contains(id)) {
            ids.add(id);
            ids.sort(null);
        }
        part.put(key, ids);
    }

    private static void withAmount(Document part, String key, String id, BigDecimal amount) {
        if (id == null) {
            return;
        }
        List<Document> items = new ArrayList<>(part.getList(key, Document.class, List.of()));
        items.removeIf(item -> id.equals(item.getString("id")));
        items.add(new Document("id", id).append("amount", Docs.amount(amount)));
        items.sort(Comparator.comparing(item -> item.getString("id")));
        part.put(key, items);
    }
}
