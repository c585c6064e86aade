package cn.pes.casework.query.entrepreneurship;

import cn.pes.casework.events.entrepreneurship.Business;
import cn.pes.casework.events.entrepreneurship.EntrepreneurshipTrainingCompleted;
import cn.pes.casework.events.entrepreneurship.EntrepreneurshipTrainingDroppedOut;
import cn.pes.casework.events.entrepreneurship.EntrepreneurshipTrainingEnrolled;
import cn.pes.casework.events.entrepreneurship.ExistingLoan;
import cn.pes.casework.events.entrepreneurship.ExistingLoanType;
import cn.pes.casework.events.entrepreneurship.GuaranteeLoanApplied;
import cn.pes.casework.events.entrepreneurship.GuaranteeLoanApproved;
import cn.pes.casework.events.entrepreneurship.GuaranteeLoanDeclined;
import cn.pes.casework.events.entrepreneurship.GuaranteeLoanDisbursed;
import cn.pes.casework.events.entrepreneurship.GuaranteeLoanEligibilityAssessed;
import cn.pes.casework.events.entrepreneurship.GuaranteeLoanOverdue;
import cn.pes.casework.events.entrepreneurship.GuaranteeLoanRepaid;
import cn.pes.casework.events.entrepreneurship.GuaranteeLoanView;
import cn.pes.casework.events.entrepreneurship.InterestSubsidyLine;
import cn.pes.casework.events.entrepreneurship.KeyGroupClaim;
import cn.pes.casework.events.entrepreneurship.LegalForm;
import cn.pes.casework.events.entrepreneurship.LoanApplication;
import cn.pes.casework.events.entrepreneurship.LoanHolder;
import cn.pes.casework.events.entrepreneurship.LoanInterestSubsidised;
import cn.pes.casework.events.entrepreneurship.LoanKeyGroup;
import cn.pes.casework.events.entrepreneurship.LoanRepaymentLine;
import cn.pes.casework.events.entrepreneurship.LoanRepaymentRecorded;
import cn.pes.casework.events.entrepreneurship.LoanStage;
import cn.pes.casework.events.entrepreneurship.OverdueSource;
import cn.pes.casework.events.entrepreneurship.TrainingStatus;
import cn.pes.casework.events.entrepreneurship.TrainingType;
import cn.pes.casework.events.entrepreneurship.TrainingView;
import cn.pes.casework.events.shared.RefusalReason;
import cn.pes.casework.query.common.Docs;
import org.bson.Document;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * The stored form of a person's entrepreneurship trainings (创业培训) and guarantee loans (创业担保贷款),
 * shared by the read models that keep them, so that the case page, the loan pipeline and the training
 * roll always read a loan or a training the same way.
 * <p>
 * training = {@code {trainingId, institutionId, institutionName, trainingType, agencyId, startsOn, status,
 * completedOn, certificateNumber, droppedOutOn, dropOutReason}};
 * loan = {@code {loanId, agencyId, stage, application, appliedOn, failedConditions: [{ruleId, code, field}],
 * qualifyingGroups, ageOnApplication, amountLimit, maxTermMonths, policyVersion, amountApproved, termMonths,
 * lender, guaranteeContractNumber, approvedOn, declinedOn, declineReason, disbursedOn, amountDisbursed,
 * maturesOn, outstanding, repayments: [..], interestSubsidies: [..], overdueSince, overdueSource, repaidOn}}.
 * Amounts are decimal strings, dates ISO strings. Every change is idempotent by the item's own ID (a
 * repayment's, a subsidy period's start), so the same event applied twice gives the same document.
 */
final class EntrepreneurshipDocs {

    static final String TRAININGS = "trainings";
    static final String LOANS = "loans";

    private EntrepreneurshipDocs() {
    }

    // Trainings

    static Document training(EntrepreneurshipTrainingEnrolled event) {
        return new Document("trainingId", event.trainingId())
                .append("institutionId", event.institutionId())
                .append("institutionName", event.institutionName())
                .append("trainingType", Docs.name(event.trainingType()))
                .append("agencyId", event.agencyId())
                .append("startsOn", Docs.date(event.startsOn()))
                .append("status", TrainingStatus.ENROLLED.name());
    }

    static void completed(Document training, EntrepreneurshipTrainingCompleted event) {
        training.put("status", TrainingStatus.COMPLETED.name());
        training.put("completedOn", Docs.date(event.completedOn()));
        training.put("certificateNumber", event.certificateNumber());
    }

    static void droppedOut(Document training, EntrepreneurshipTrainingDroppedOut event) {
        training.put("status", TrainingStatus.DROPPED_OUT.name());
        training.put("droppedOutOn", Docs.date(event.droppedOutOn()));
        training.put("dropOutReason", event.reason());
    }

    /** Adds the training unless the document already has it (a redelivered enrolment). */
    static void addTraining(Document doc, EntrepreneurshipTrainingEnrolled event) {
        List<Document> trainings = listForUpdate(doc, TRAININGS);
        if (find(trainings, "trainingId", event.trainingId()) == null) {
            trainings.add(training(event));
        }
    }

    static TrainingView trainingView(String caseId, Document training) {
        return new TrainingView(caseId, training.getString("trainingId"), training.getString("institutionId"),
                                training.getString("institutionName"),
                                Docs.enumValue(training, "trainingType", TrainingType.class),
                                training.getString("agencyId"), Docs.date(training, "startsOn"),
                                Docs.enumValue(training, "status", TrainingStatus.class),
                                Docs.date(training, "completedOn"), training.getString("certificateNumber"),
                                Docs.date(training, "droppedOutOn"), training.getString("dropOutReason"));
    }

    static final Comparator<TrainingView> EARLIEST_START_FIRST =
            Comparator.comparing(TrainingView::startsOn, Comparator.nullsLast(Comparator.naturalOrder()))
                      .thenComparing(TrainingView::trainingId, Comparator.nullsLast(Comparator.naturalOrder()));

    // Loans

    /** Adds the loan unless the document already has it (a redelivered application). */
    static void addLoan(Document doc, GuaranteeLoanApplied event) {
        List<Document> loans = listForUpdate(doc, LOANS);
        if (find(loans, "loanId", event.loanId()) != null) {
            return;
        }
        loans.add(new Document("loanId", event.loanId())
                          .append("agencyId", event.agencyId())
                          .append("stage", null)
                          .append("application", application(event.application()))
                          .append("appliedOn", Docs.date(event.appliedOn()))
                          .append("outstanding", "0")
                          .append("repayments", new ArrayList<Document>())
                          .append("interestSubsidies", new ArrayList<Document>()));
    }

    static void assessed(Document loan, GuaranteeLoanEligibilityAssessed event) {
        List<Document> failed = new ArrayList<>();
        for (RefusalReason reason : event.failedConditions()) {
            failed.add(new Document("ruleId", reason.ruleId()).append("code", reason.code()).append("field", reason.field()));
        }
        loan.put("failedConditions", failed);
        loan.put("qualifyingGroups", Docs.names(event.qualifyingGroups()));
        loan.put("ageOnApplication", event.ageOnApplication());
        loan.put("amountLimit", Docs.amount(event.amountLimit()));
        loan.put("maxTermMonths", event.maxTermMonths());
        loan.put("policyVersion", event.policyVersion());
        loan.put("assessedOn", Docs.date(event.assessedOn()));
        loan.put("stage", (event.eligible() ? LoanStage.ELIGIBLE : LoanStage.REFUSED).name());
    }

    static void approved(Document loan, GuaranteeLoanApproved event) {
        loan.put("amountApproved", Docs.amount(event.amount()));
        loan.put("termMonths", event.termMonths());
        loan.put("lender", event.lender());
        loan.put("guaranteeContractNumber", event.guaranteeContractNumber());
        loan.put("approvedOn", Docs.date(event.approvedOn()));
        loan.put("stage", LoanStage.APPROVED.name());
    }

    static void declined(Document loan, GuaranteeLoanDeclined event) {
        loan.put("declinedOn", Docs.date(event.declinedOn()));
        loan.put("declineReason", event.reason());
        loan.put("stage", LoanStage.DECLINED.name());
    }

    static void disbursed(Document loan, GuaranteeLoanDisbursed event) {
        loan.put("disbursedOn", Docs.date(event.disbursedOn()));
        loan.put("amountDisbursed", Docs.amount(event.amount()));
        loan.put("maturesOn", Docs.date(event.maturesOn()));
        loan.put("outstanding", Docs.amount(event.amount()));
        loan.put("stage", LoanStage.DISBURSED.name());
    }

    /** An overdue loan stays overdue through later repayments, until it is repaid in full. */
    static void repayment(Document loan, LoanRepaymentRecorded event) {
        List<Document> repayments = listForUpdate(loan, "repayments");
        if (find(repayments, "repaymentId", event.repaymentId()) != null) {
            return;
        }
        repayments.add(new Document("repaymentId", event.repaymentId())
                               .append("paidOn", Docs.date(event.paidOn()))
                               .append("principal", Docs.amount(event.principal()))
                               .append("interest", Docs.amount(event.interest()))
                               .append("outstandingAfter", Docs.amount(event.outstandingAfter())));
        loan.put("outstanding", Docs.amount(event.outstandingAfter()));
    }

    static void overdue(Document loan, GuaranteeLoanOverdue event) {
        loan.put("overdueSince", Docs.date(event.overdueSince()));
        loan.put("overdueSource", Docs.name(event.source()));
        if (event.outstanding() != null) {
            loan.put("outstanding", Docs.amount(event.outstanding()));
        }
        if (!LoanStage.REPAID.name().equals(loan.getString("stage"))) {
            loan.put("stage", LoanStage.OVERDUE.name());
        }
    }

    static void repaid(Document loan, GuaranteeLoanRepaid event) {
        loan.put("repaidOn", Docs.date(event.repaidOn()));
        loan.put("afterMaturity", event.afterMaturity());
        loan.put("outstanding", "0");
        loan.put("stage", LoanStage.REPAID.name());
    }

    /** A period is identified by its first day: periods of one loan do not overlap. */
    static void interestSubsidised(Document loan, LoanInterestSubsidised event) {
        List<Document> periods = listForUpdate(loan, "interestSubsidies");
        if (find(periods, "periodFrom", Docs.date(event.periodFrom())) != null) {
            return;
        }
        periods.add(new Document("periodFrom", Docs.date(event.periodFrom()))
                            .append("periodTo", Docs.date(event.periodTo()))
                            .append("interest", Docs.amount(event.interest()))
                            .append("subsidy", Docs.amount(event.subsidy()))
                            .append("paidOn", Docs.date(event.paidOn())));
        periods.sort(Comparator.comparing(p -> p.getString("periodFrom")));
    }

    static GuaranteeLoanView loanView(String caseId, Document loan) {
        List<RefusalReason> failed = new ArrayList<>();
        for (Document reason : loan.getList("failedConditions", Document.class, List.of())) {
            failed.add(new RefusalReason(reason.getString("ruleId"), reason.getString("code"), reason.getString("field")));
        }
        List<LoanRepaymentLine> repayments = new ArrayList<>();
        for (Document r : loan.getList("repayments", Document.class, List.of())) {
            repayments.add(new LoanRepaymentLine(r.getString("repaymentId"), Docs.date(r, "paidOn"), Docs.amount(r, "principal"),
                                                 Docs.amount(r, "interest"), Docs.amount(r, "outstandingAfter")));
        }
        List<InterestSubsidyLine> subsidies = new ArrayList<>();
        BigDecimal subsidised = BigDecimal.ZERO;
        for (Document s : loan.getList("interestSubsidies", Document.class, List.of())) {
            subsidies.add(new InterestSubsidyLine(Docs.date(s, "periodFrom"), Docs.date(s, "periodTo"),
                                                  Docs.amount(s, "interest"), Docs.amount(s, "subsidy"), Docs.date(s, "paidOn")));
            BigDecimal subsidy = Docs.amount(s, "subsidy");
            subsidised = subsidy == null ? subsidised : subsidised.add(subsidy);
        }
        return new GuaranteeLoanView(caseId, loan.getString("loanId"), loan.getString("agencyId"),
                                     Docs.enumValue(loan, "stage", LoanStage.class),
                                     application(Docs.subDocument(loan, "application")), Docs.date(loan, "appliedOn"),
                                     failed, Docs.enumSet(loan, "qualifyingGroups", LoanKeyGroup.class),
                                     loan.getInteger("ageOnApplication"), Docs.amount(loan, "amountLimit"),
                                     loan.getInteger("maxTermMonths"), loan.getString("policyVersion"),
                                     Docs.amount(loan, "amountApproved"), loan.getInteger("termMonths"),
                                     loan.getString("lender"), loan.getString("guaranteeContractNumber"),
                                     Docs.date(loan, "approvedOn"), Docs.date(loan, "declinedOn"),
                                     loan.getString("declineReason"), Docs.date(loan, "disbursedOn"),
                                     Docs.date(loan, "maturesOn"), outstanding(loan), repayments, subsidies, subsidised,
                                     Docs.date(loan, "overdueSince"),
                                     Docs.enumValue(loan, "overdueSource", OverdueSource.class), Docs.date(loan, "repaidOn"));
    }

    static BigDecimal outstanding(Document loan) {
        BigDecimal outstanding = Docs.amount(loan, "outstanding");
        return outstanding == null ? BigDecimal.ZERO : outstanding;
    }

    static final Comparator<GuaranteeLoanView> EARLIEST_APPLICATION_FIRST =
            Comparator.comparing(GuaranteeLoanView::appliedOn, Comparator.nullsLast(Comparator.naturalOrder()))
                      .thenComparing(GuaranteeLoanView::loanId, Comparator.nullsLast(Comparator.naturalOrder()));

    static Document application(LoanApplication application) {
        if (application == null) {
            return null;
        }
        Business business = application.business();
        List<Document> existing = new ArrayList<>();
        for (ExistingLoan loan : application.existingLoans()) {
            existing.add(new Document("holder", Docs.name(loan.holder())).append("type", Docs.name(loan.type()))
                                                                         .append("amount", Docs.amount(loan.amount())));
        }
        List<Document> claims = new ArrayList<>();
        for (KeyGroupClaim claim : application.claimedGroups()) {
            claims.add(new Document("group", Docs.name(claim.group())).append("evidence", claim.evidence()));
        }
        return new Document("business", business == null ? null
                : new Document("name", business.name()).append("legalForm", Docs.name(business.legalForm()))
                                                       .append("registrationNumber", business.registrationNumber())
                                                       .append("registeredInCity", business.registeredInCity()))
                .append("projectDescription", application.projectDescription())
                .append("amountRequested", Docs.amount(application.amountRequested()))
                .append("termMonthsRequested", application.termMonthsRequested())
                .append("existingLoans", existing)
                .append("claimedGroups", claims);
    }

    static LoanApplication application(Document doc) {
        if (doc == null) {
            return null;
        }
        Document b = Docs.subDocument(doc, "business");
        Business business = b == null ? null : new Business(b.getString("name"), Docs.enumValue(b, "legalForm", LegalForm.class),
                                                            b.getString("registrationNumber"), Docs.bool(b, "registeredInCity"));
        List<ExistingLoan> existing = new ArrayList<>();
        for (Document loan : doc.getList("existingLoans", Document.class, List.of())) {
            existing.add(new ExistingLoan(Docs.enumValue(loan, "holder", LoanHolder.class),
                                          Docs.enumValue(loan, "type", ExistingLoanType.class), Docs.amount(loan, "amount")));
        }
        List<KeyGroupClaim> claims = new ArrayList<>();
        for (Document claim : doc.getList("claimedGroups", Document.class, List.of())) {
            claims.add(new KeyGroupClaim(Docs.enumValue(claim, "group", LoanKeyGroup.class), claim.getString("evidence")));
        }
        return new LoanApplication(business, doc.getString("projectDescription"), Docs.amount(doc, "amountRequested"),
                                   Docs.intValue(doc, "termMonthsRequested", 0), existing, claims);
    }

    // Lists

    static List<Document> listForUpdate(Document doc, String key) {
        List<Document> list = doc.getList(key, Document.class);
        if (list == null) {
            list = new ArrayList<>();
            doc.put(key, list);
        }
        return list;
    }

    static Document find(List<Document> list, String idKey, String id) {
        for (Document item : list) {
            if (Objects.equals(item.getString(idKey), id)) {
                return item;
            }
        }
        return null;
    }

    /** The item of the case document's list, or null (an event about something never recorded: a broken stream). */
    static Document item(Document doc, String listKey, String idKey, String id) {
        return id == null ? null : find(listForUpdate(doc, listKey), idKey, id);
    }

    /** Parts are kept in the batch beside the case document: they must not share its mutable state. */
    static Document copy(Document document) {
        return document == null ? null : Document.parse(document.toJson());
    }
}
