package cn.pes.casework.query.entrepreneurship;

import cn.pes.casework.events.entrepreneurship.GuaranteeLoanApplied;
import cn.pes.casework.events.entrepreneurship.GuaranteeLoanApproved;
import cn.pes.casework.events.entrepreneurship.GuaranteeLoanDeclined;
import cn.pes.casework.events.entrepreneurship.GuaranteeLoanDisbursed;
import cn.pes.casework.events.entrepreneurship.GuaranteeLoanEligibilityAssessed;
import cn.pes.casework.events.entrepreneurship.GuaranteeLoanOverdue;
import cn.pes.casework.events.entrepreneurship.GuaranteeLoanRepaid;
import cn.pes.casework.events.entrepreneurship.LoanInterestSubsidised;
import cn.pes.casework.events.entrepreneurship.LoanRepaymentRecorded;
import cn.pes.casework.events.erasure.PersonalDataErased;
import cn.pes.casework.events.registration.CaseOpened;
import cn.pes.casework.events.registration.PersonalDetailsUpdated;
import cn.pes.casework.events.shared.PersonalData;
import cn.pes.casework.query.common.PersonalDataDocs;
import cn.pes.casework.query.projection.ProjectionWriter;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.bson.Document;
import org.springframework.stereotype.Component;

import java.util.function.Consumer;

import static cn.pes.casework.query.entrepreneurship.EntrepreneurshipDocs.LOANS;

/**
 * The guarantee loan pipeline (创业担保贷款台账) by the agency handling each loan:
 * <ul>
 * <li>{@value #CASES}: {@code {_id: caseId, person, loans: [loan], lastSequence}} — the person (sealed with
 * the case's key, as in every read model) and the case's loans in the form of {@link EntrepreneurshipDocs}.</li>
 * <li>{@value #PIPELINES}: {@code {_id: "agencyId|NN", agencyId, cases: {<caseKey>: part}, seq}}, part =
 * {@code {caseId, person, loans: [loan]}} — the case's loans handled by that agency, copied from the case
 * document as it stands.</li>
 * </ul>
 * Kept by the handling agency, not by county: a county's pipeline reads its own and its streets'
 * documents ({@link LoanPipelineQueries}), so the agency directory can change without a rebuild.
 * Finished loans stay: the pipeline's figures count every loan ever handled.
 */
@Component
@ProcessingGroup(LoanPipelineProjection.PROCESSING_GROUP)
public class LoanPipelineProjection {

    public static final String PROCESSING_GROUP = "loan-pipeline";
    public static final String CASES = "loan_pipeline_cases";
    public static final String PIPELINES = "loan_pipelines";

    private final ProjectionWriter writer;
    private final PersonalDataDocs personalData;
    private final CaseParts parts;

    public LoanPipelineProjection(ProjectionWriter writer, PersonalDataDocs personalData) {
        this.writer = writer;
        this.personalData = personalData;
        this.parts = new CaseParts(writer, CASES, PIPELINES, LOANS, loan -> loan.getString("agencyId"),
                                   agencyId -> new Document("agencyId", agencyId));
    }

    static java.util.List<String> pipelineIds(String agencyId) {
        return CaseParts.ids(agencyId);
    }

    @ResetHandler
    void reset() {
        writer.drop(CASES, PIPELINES);
    }

    @EventHandler
    void on(CaseOpened event, @SequenceNumber long sequence) {
        person(event.caseId(), event.person(), sequence);
    }

    @EventHandler
    void on(PersonalDetailsUpdated event, @SequenceNumber long sequence) {
        person(event.caseId(), event.person(), sequence);
    }

    /** The lines keep their place; only the person reads as erased. */
    @EventHandler
    void on(PersonalDataErased event, @SequenceNumber long sequence) {
        person(event.caseId(), PersonalData.erased(event.caseId()), sequence);
    }

    private void person(String caseId, PersonalData person, long sequence) {
        Document stored = personalData.write(caseId, person);
        parts.changeCase(caseId, sequence, doc -> doc.put("person", stored));
    }

    @EventHandler
    void on(GuaranteeLoanApplied event, @SequenceNumber long sequence) {
        parts.changeCase(event.caseId(), sequence, doc -> EntrepreneurshipDocs.addLoan(doc, event));
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

    private void loan(String caseId, String loanId, long sequence, Consumer<Document> change) {
        parts.changeItem(caseId, loanId, "loanId", sequence, change);
    }
}
