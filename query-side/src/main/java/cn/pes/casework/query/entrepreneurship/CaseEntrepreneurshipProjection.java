package cn.pes.casework.query.entrepreneurship;

import cn.pes.casework.events.entrepreneurship.EntrepreneurshipTrainingCompleted;
import cn.pes.casework.events.entrepreneurship.EntrepreneurshipTrainingDroppedOut;
import cn.pes.casework.events.entrepreneurship.EntrepreneurshipTrainingEnrolled;
import cn.pes.casework.events.entrepreneurship.GuaranteeLoanApplied;
import cn.pes.casework.events.entrepreneurship.GuaranteeLoanApproved;
import cn.pes.casework.events.entrepreneurship.GuaranteeLoanDeclined;
import cn.pes.casework.events.entrepreneurship.GuaranteeLoanDisbursed;
import cn.pes.casework.events.entrepreneurship.GuaranteeLoanEligibilityAssessed;
import cn.pes.casework.events.entrepreneurship.GuaranteeLoanOverdue;
import cn.pes.casework.events.entrepreneurship.GuaranteeLoanRepaid;
import cn.pes.casework.events.entrepreneurship.LoanInterestSubsidised;
import cn.pes.casework.events.entrepreneurship.LoanRepaymentRecorded;
import cn.pes.casework.query.projection.ProjectionWriter;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.bson.Document;
import org.springframework.stereotype.Component;

import java.util.function.Consumer;

import static cn.pes.casework.query.entrepreneurship.EntrepreneurshipDocs.LOANS;
import static cn.pes.casework.query.entrepreneurship.EntrepreneurshipDocs.TRAININGS;

/**
 * A person's entrepreneurship services (创业服务) for the case page and the loan page:
 * {@value #COLLECTION} = {@code {_id: caseId, trainings: [training], loans: [loan], lastSequence}} in the
 * forms of {@link EntrepreneurshipDocs}. No personal data (the views carry none), so erasure changes
 * nothing here. Dates are the events' own.
 */
@Component
@ProcessingGroup(CaseEntrepreneurshipProjection.PROCESSING_GROUP)
public class CaseEntrepreneurshipProjection {

    public static final String PROCESSING_GROUP = "case-entrepreneurship";
    public static final String COLLECTION = "case_entrepreneurship";

    private final ProjectionWriter writer;

    public CaseEntrepreneurshipProjection(ProjectionWriter writer) {
        this.writer = writer;
    }

    @ResetHandler
    void reset() {
        writer.drop(COLLECTION);
    }

    @EventHandler
    void on(EntrepreneurshipTrainingEnrolled event, @SequenceNumber long sequence) {
        writer.updateDocument(COLLECTION, event.caseId(), sequence, doc -> EntrepreneurshipDocs.addTraining(doc, event));
    }

    @EventHandler
    void on(EntrepreneurshipTrainingCompleted event, @SequenceNumber long sequence) {
        training(event.caseId(), event.trainingId(), sequence, t -> EntrepreneurshipDocs.completed(t, event));
    }

    @EventHandler
    void on(EntrepreneurshipTrainingDroppedOut event, @SequenceNumber long sequence) {
        training(event.caseId(), event.trainingId(), sequence, t -> EntrepreneurshipDocs.droppedOut(t, event));
    }

    @EventHandler
    void on(GuaranteeLoanApplied event, @SequenceNumber long sequence) {
        writer.updateDocument(COLLECTION, event.caseId(), sequence, doc -> EntrepreneurshipDocs.addLoan(doc, event));
    }

    @EventHandler
    void on(GuaranteeLoanEligibilityAssessed event, @SequenceNumber long sequence) {
        loan(event.caseId(), event.loanId(), sequence, l -> EntrepreneurshipDocs.assessed(l, event));
    }

    @EventHandler
    void on(GuaranteeLoanApproved event, @SequenceNumber long sequence) {
        loan(event.caseId(), event.loanId(), sequence, l -> EntrepreneurshipDocs.approved(l, event));
    }

    @EventHandler
    void on(GuaranteeLoanDeclined event, @SequenceNumber long sequence) {
        loan(event.caseId(), event.loanId(), sequence, l -> EntrepreneurshipDocs.declined(l, event));
    }

    @EventHandler
    void on(GuaranteeLoanDisbursed event, @SequenceNumber long sequence) {
        loan(event.caseId(), event.loanId(), sequence, l -> EntrepreneurshipDocs.disbursed(l, event));
    }

    @EventHandler
    void on(LoanRepaymentRecorded event, @SequenceNumber long sequence) {
        loan(event.caseId(), event.loanId(), sequence, l -> EntrepreneurshipDocs.repayment(l, event));
    }

    @EventHandler
    void on(GuaranteeLoanOverdue event, @SequenceNumber long sequence) {
        loan(event.caseId(), event.loanId(), sequence, l -> EntrepreneurshipDocs.overdue(l, event));
    }

    @EventHandler
    void on(GuaranteeLoanRepaid event, @SequenceNumber long sequence) {
        loan(event.caseId(), event.loanId(), sequence, l -> EntrepreneurshipDocs.repaid(l, event));
    }

    @EventHandler
    void on(LoanInterestSubsidised event, @SequenceNumber long sequence) {
        loan(event.caseId(), event.loanId(), sequence, l -> EntrepreneurshipDocs.interestSubsidised(l, event));
    }

    private void training(String caseId, String trainingId, long sequence, Consumer<Document> change) {
        writer.updateDocument(COLLECTION, caseId, sequence, doc -> {
            Document training = EntrepreneurshipDocs.item(doc, TRAININGS, "trainingId", trainingId);
            if (training != null) {
                change.accept(training);
            }
        });
    }

    private void loan(String caseId, String loanId, long sequence, Consumer<Document> change) {
        writer.updateDocument(COLLECTION, caseId, sequence, doc -> {
            Document loan = EntrepreneurshipDocs.item(doc, LOANS, "loanId", loanId);
            if (loan != null) {
                change.accept(loan);
            }
        });
    }
}
