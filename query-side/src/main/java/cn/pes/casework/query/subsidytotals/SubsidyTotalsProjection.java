package cn.pes.casework.query.subsidytotals;

import cn.pes.casework.events.subsidy.SubsidyPaid;
import cn.pes.casework.query.common.Docs;
import cn.pes.casework.query.projection.Buckets;
import cn.pes.casework.query.projection.ProjectionWriter;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.bson.Document;
import org.springframework.stereotype.Component;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Skills subsidy payments by paying department and month of payment (SUB-5, SUB-6):
 * {@value #PAYMENTS}: {@code {_id: "departmentId|yyyy-MM|NN", departmentId, month, cases: {<caseKey>:
 * part}, seq: {<caseKey>: n}}}, part = {@code {payments: [{applicationId, subsidyAmount,
 * allowanceAmount}]}} — the case's payments that month, amounts as decimal strings. A case may have
 * several (one per occupation and level, SUB-7), each listed once by application.
 * <p>
 * Months are those of {@code paidOn}, whenever the payment was recorded. No personal data, not even
 * sealed: erasure changes nothing here. Spread over {@value #BUCKETS} documents per department and
 * month by case ID, as the registration flows are.
 */
@Component
@ProcessingGroup(SubsidyTotalsProjection.PROCESSING_GROUP)
public class SubsidyTotalsProjection {

    public static final String PROCESSING_GROUP = "subsidy-totals";
    public static final String PAYMENTS = "subsidy_payments";
    /** Fixed: changing it needs a rebuild of the read model (reset the group's tokens). */
    public static final int BUCKETS = 16;

    static final String PAYMENT_LIST = "payments";

    private final ProjectionWriter writer;

    public SubsidyTotalsProjection(ProjectionWriter writer) {
        this.writer = writer;
    }

    static String paymentsId(String departmentId, YearMonth month, String caseId) {
        return Buckets.of(departmentId + "|" + month, caseId, BUCKETS);
    }

    /** Every document of a department's month, for reading it by {@code _id}. */
    static List<String> paymentsIds(String departmentId, YearMonth month) {
        return Buckets.all(departmentId + "|" + month, BUCKETS);
    }

    @ResetHandler
    void reset() {
        writer.drop(PAYMENTS);
    }

    /**
     * Without a department or a payment date there is no month to count it in; the command side
     * requires both, so this only guards against a broken stream.
     */
    @EventHandler
    void on(SubsidyPaid event, @SequenceNumber long sequence) {
        if (event.departmentId() == null || event.paidOn() == null) {
            return;
        }
        YearMonth month = YearMonth.from(event.paidOn());
        Document payment = new Document("applicationId", event.applicationId())
                .append("subsidyAmount", Docs.amount(event.subsidyAmount()))
                .append("allowanceAmount", Docs.amount(event.allowanceAmount()));
        Document onInsert = new Document("departmentId", event.departmentId()).append("month", month.toString());
        writer.updatePart(PAYMENTS, paymentsId(event.departmentId(), month, event.caseId()), onInsert, event.caseId(),
                          sequence, part -> {
                              Document changed = part == null ? new Document() : part;
                              List<Document> payments = new ArrayList<>(changed.getList(PAYMENT_LIST, Document.class, List.of()));
                              payments.removeIf(p -> event.applicationId().equals(p.getString("applicationId")));
                              payments.add(payment);
                              // Sorted, so that the same history always gives the same document.
                              payments.sort(Comparator.comparing(p -> p.getString("applicationId")));
                              changed.put(PAYMENT_LIST, payments);
                              return changed;
                          });
    }
}
