package cn.pes.casework.query.entrepreneurship;

import cn.pes.casework.query.projection.SharedDocuments;
import cn.pes.casework.events.entrepreneurship.FindLoanPipelineQuery;
import cn.pes.casework.events.entrepreneurship.LoanPipelineLine;
import cn.pes.casework.events.entrepreneurship.LoanPipelineView;
import cn.pes.casework.events.entrepreneurship.LoanStage;
import cn.pes.casework.events.shared.PersonalData;
import cn.pes.casework.query.common.Docs;
import cn.pes.casework.query.common.PersonalDataDocs;
import cn.pes.casework.query.mongo.ReadModelStore;
import cn.pes.casework.query.projection.GuardedUpsert;
import cn.pes.casework.security.agency.Agency;
import cn.pes.casework.security.agency.AgencyDirectory;
import org.axonframework.queryhandling.QueryHandler;
import org.bson.Document;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import static cn.pes.casework.query.entrepreneurship.EntrepreneurshipDocs.LOANS;

/**
 * A county's loans are those handled by the county office and its streets, the city's those of every
 * agency, a street's its own ({@link AgencyDirectory#coveredBy}). A loan is overdue on {@code asOf} when
 * the bank or the deadline said so from a day not after it, or when it was disbursed, not repaid, and
 * {@code asOf} is after the day its term ended (overdue from the next day) even before the deadline's
 * event arrives. Answers with personal data as stored; the web layer masks it.
 */
@Component
public class LoanPipelineQueries {

    private static final Comparator<LoanPipelineLine> LATEST_APPLICATION_FIRST =
            Comparator.comparing(LoanPipelineLine::appliedOn, Comparator.nullsLast(Comparator.reverseOrder()))
                      .thenComparing(LoanPipelineLine::loanId, Comparator.nullsLast(Comparator.reverseOrder()));

    private final ReadModelStore store;
    private final Clock clock;
    private final PersonalDataDocs personalData;
    private final AgencyDirectory agencies;

    public LoanPipelineQueries(ReadModelStore store, Clock clock, PersonalDataDocs personalData, AgencyDirectory agencies) {
        this.store = store;
        this.clock = clock;
        this.personalData = personalData;
        this.agencies = agencies;
    }

    @QueryHandler
    public LoanPipelineView handle(FindLoanPipelineQuery query) {
        LocalDate asOf = query.asOf() != null ? query.asOf() : LocalDate.now(clock);
        List<String> ids = new ArrayList<>();
        if (query.agencyId() != null) {
            agencies.coveredBy(query.agencyId()).stream().map(Agency::id)
                    .forEach(agencyId -> ids.addAll(LoanPipelineProjection.pipelineIds(agencyId)));
        }
        Totals totals = new Totals();
        List<LoanPipelineLine> lines = new ArrayList<>();
        if (!ids.isEmpty()) {
            SharedDocuments.find(store.collection(LoanPipelineProjection.PIPELINES), ids)
                 .forEach(doc -> {
                     Document cases = Docs.subDocument(doc, GuardedUpsert.CASES);
                     if (cases != null) {
                         cases.values().forEach(part -> addPart((Document) part, query.stage(), asOf, totals, lines));
                     }
                 });
        }
        lines.sort(LATEST_APPLICATION_FIRST);
        return new LoanPipelineView(query.agencyId(), asOf, totals.applied, totals.refused, totals.awaitingApproval,
                                    totals.approved, totals.approvedAmount, totals.disbursed, totals.disbursedAmount,
                                    totals.outstandingBalance, totals.overdue, totals.overdueBalance, totals.repaid, lines);
    }

    private void addPart(Document part, LoanStage stageFilter, LocalDate asOf, Totals totals, List<LoanPipelineLine> lines) {
        PersonalData person = null;
        boolean opened = false;
        for (Document loan : part.getList(LOANS, Document.class, List.of())) {
            LoanStage stage = stageOn(loan, asOf);
            totals.add(loan, stage);
            if (stageFilter != null && stageFilter != stage) {
                continue;
            }
            if (!opened) {
                // Opened only for parts that are listed: every opening is a decryption.
                person = personalData.read(part, "person");
                opened = true;
            }
            lines.add(line(part.getString("caseId"), person, loan, stage, asOf));
        }
    }

    /** The stage on {@code asOf}: see the class comment for "overdue". */
    static LoanStage stageOn(Document loan, LocalDate asOf) {
        LoanStage stage = Docs.enumValue(loan, "stage", LoanStage.class);
        if (stage == LoanStage.OVERDUE) {
            LocalDate since = Docs.date(loan, "overdueSince");
            return since != null && since.isAfter(asOf) ? LoanStage.DISBURSED : LoanStage.OVERDUE;
        }
        if (stage == LoanStage.DISBURSED) {
            LocalDate maturesOn = Docs.date(loan, "maturesOn");
            return maturesOn != null && asOf.isAfter(maturesOn) ? LoanStage.OVERDUE : LoanStage.DISBURSED;
        }
        return stage;
    }

    private static LoanPipelineLine line(String caseId, PersonalData person, Document loan, LoanStage stage, LocalDate asOf) {
        Document application = Docs.subDocument(loan, "application");
        Document business = Docs.subDocument(application, "business");
        return new LoanPipelineLine(caseId, loan.getString("loanId"), person, loan.getString("agencyId"), stage,
                                    business == null ? null : business.getString("name"),
                                    Docs.amount(application, "amountRequested"), Docs.amount(loan, "amountApproved"),
                                    EntrepreneurshipDocs.outstanding(loan), Docs.date(loan, "appliedOn"),
                                    Docs.date(loan, "approvedOn"), Docs.date(loan, "disbursedOn"),
                                    Docs.date(loan, "maturesOn"), overdueSince(loan, stage));
    }

    private static LocalDate overdueSince(Document loan, LoanStage stage) {
        if (stage != LoanStage.OVERDUE) {
            return null;
        }
        LocalDate since = Docs.date(loan, "overdueSince");
        LocalDate maturesOn = Docs.date(loan, "maturesOn");
        return since != null ? since : maturesOn == null ? null : maturesOn.plusDays(1);
    }

    /** The figures over every loan, whatever the stage filter. */
    private static final class Totals {
        int applied;
        int refused;
        int awaitingApproval;
        int approved;
        BigDecimal approvedAmount = BigDecimal.ZERO;
        int disbursed;
        BigDecimal disbursedAmount = BigDecimal.ZERO;
        BigDecimal outstandingBalance = BigDecimal.ZERO;
        int overdue;
        BigDecimal overdueBalance = BigDecimal.ZERO;
        int repaid;

        void add(Document loan, LoanStage stage) {
            applied++;
            if (stage == LoanStage.REFUSED) {
                refused++;
            } else if (stage == LoanStage.ELIGIBLE) {
                awaitingApproval++;
            } else if (stage == LoanStage.REPAID) {
                repaid++;
            }
            BigDecimal amountApproved = Docs.amount(loan, "amountApproved");
            if (loan.getString("approvedOn") != null) {
                approved++;
                approvedAmount = amountApproved == null ? approvedAmount : approvedAmount.add(amountApproved);
            }
            if (loan.getString("disbursedOn") != null) {
                disbursed++;
                BigDecimal amount = Docs.amount(loan, "amountDisbursed");
                disbursedAmount = amount == null ? disbursedAmount : disbursedAmount.add(amount);
            }
            BigDecimal outstanding = EntrepreneurshipDocs.outstanding(loan);
            outstandingBalance = outstandingBalance.add(outstanding);
            if (stage == LoanStage.OVERDUE) {
                overdue++;
                overdueBalance = overdueBalance.add(outstanding);
            }
        }
    }
}
