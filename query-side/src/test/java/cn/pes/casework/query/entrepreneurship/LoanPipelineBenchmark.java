package cn.pes.casework.query.entrepreneurship;

import cn.pes.casework.events.entrepreneurship.EntrepreneurshipFigures;
import cn.pes.casework.events.entrepreneurship.FindEntrepreneurshipFiguresQuery;
import cn.pes.casework.events.entrepreneurship.FindLoanPipelineQuery;
import cn.pes.casework.events.entrepreneurship.GuaranteeLoanApproved;
import cn.pes.casework.events.entrepreneurship.GuaranteeLoanDisbursed;
import cn.pes.casework.events.entrepreneurship.GuaranteeLoanRepaid;
import cn.pes.casework.events.entrepreneurship.LoanPipelineView;
import cn.pes.casework.events.entrepreneurship.LoanRepaymentRecorded;
import cn.pes.casework.events.entrepreneurship.LoanStage;
import cn.pes.casework.query.common.PersonalDataDocs;
import cn.pes.casework.query.support.CaseEvents;
import cn.pes.casework.query.support.EntrepreneurshipProjections;
import cn.pes.casework.query.support.ProjectionTestBase;
import cn.pes.casework.security.protection.PersonalDataProtector;
import org.axonframework.eventhandling.EventMessage;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

import static cn.pes.casework.query.entrepreneurship.EntrepreneurshipStory.applied;
import static cn.pes.casework.query.entrepreneurship.EntrepreneurshipStory.eligible;
import static cn.pes.casework.query.entrepreneurship.EntrepreneurshipStory.yuan;

/**
 * How the entrepreneurship read models keep up and how long a county's loan pipeline takes to read
 * as the loans grow: prints events/s and milliseconds per question, not a test (its name keeps it out
 * of the default run). Run with
 * {@code ./mvnw -o -B verify -pl query-side -am -Dtest=LoanPipelineBenchmark -Dsurefire.failIfNoSpecifiedTests=false}
 * and {@code -Dloans.count=20000} to change the size. Each loan: a person, the application and its
 * assessment, then (most) approval and disbursement, a repayment, and for every third the rest repaid;
 * spread over a county's office and its two streets. On the in-memory embedded read-model store.
 */
class LoanPipelineBenchmark extends ProjectionTestBase {

    private static final String[] AGENCIES = {"990101", CaseEvents.STREET_AGENCY, EntrepreneurshipStory.STREET_2};

    @Test
    void pipelineTimePerQuestion() {
        int loans = Integer.getInteger("loans.count", 5_000);
        EntrepreneurshipProjections models = new EntrepreneurshipProjections(fixture.store(false), CLOCK,
                new PersonalDataDocs(new PersonalDataProtector(keys)));
        LocalDate first = LocalDate.of(2023, 1, 2);

        long loadStart = System.nanoTime();
        List<EventMessage<?>> batch = new ArrayList<>();
        long events = 0;
        for (int i = 0; i < loans; i++) {
            CaseEvents c = CaseEvents.newCase();
            String agency = AGENCIES[i % AGENCIES.length];
            LocalDate on = first.plusDays((i * 13L) % 1300);
            String loanId = "loan-" + i;
            batch.add(c.next(c.openedWithKey(CaseEvents.person(idNumber(i), "创" + i))));
            batch.add(c.next(applied(c, loanId, agency, "100000", 24, on.toString())));
            batch.add(c.next(eligible(c, loanId, on.toString())));
            if (i % 10 != 0) {
                batch.add(c.next(new GuaranteeLoanApproved(c.caseId(), loanId, yuan("100000"), 24, "农商银行", "DB-" + i,
                        on.plusDays(10), agency)));
                batch.add(c.next(new GuaranteeLoanDisbursed(c.caseId(), loanId, yuan("100000"), on.plusDays(15),
                        on.plusDays(15).plusMonths(24))));
                batch.add(c.next(new LoanRepaymentRecorded(c.caseId(), loanId, "r1-" + i, on.plusDays(60), yuan("40000"),
                        yuan("800"), yuan("60000"))));
                if (i % 3 == 0) {
                    batch.add(c.next(new LoanRepaymentRecorded(c.caseId(), loanId, "r2-" + i, on.plusDays(90), yuan("60000"),
                            yuan("600"), yuan("0"))));
                    batch.add(c.next(new GuaranteeLoanRepaid(c.caseId(), loanId, on.plusDays(90), false)));
                }
            }
            if (batch.size() > 2_000) {
                events += batch.size();
                models.deliverBatch(batch);
                batch.clear();
            }
        }
        events += batch.size();
        models.deliverBatch(batch);
        double loadSeconds = (System.nanoTime() - loadStart) / 1e9;
        System.out.printf("entrepreneurship models: %d loans, %d events projected in %.1f s (%.0f events/s)%n", loans,
                          events, loadSeconds, events / loadSeconds);

        measure("county pipeline, all stages", () -> models.loanPipeline.handle(new FindLoanPipelineQuery("990101", null, null)));
        measure("county pipeline, overdue only",
                () -> models.loanPipeline.handle(new FindLoanPipelineQuery("990101", LoanStage.OVERDUE, null)));
        measure("street pipeline, all stages",
                () -> models.loanPipeline.handle(new FindLoanPipelineQuery(CaseEvents.STREET_AGENCY, null, null)));
        measure("county month figures", () -> models.figures.handle(new FindEntrepreneurshipFiguresQuery(List.of(AGENCIES),
                YearMonth.of(2024, 6))));
    }

    private static void measure(String what, java.util.function.Supplier<Object> question) {
        Object answer = question.get();
        int rounds = 5;
        long start = System.nanoTime();
        for (int round = 0; round < rounds; round++) {
            answer = question.get();
        }
        double millis = (System.nanoTime() - start) / 1e6 / rounds;
        String size = answer instanceof LoanPipelineView view
                ? view.lines().size() + " lines, " + view.applied() + " applied, outstanding " + view.outstandingBalance()
                : answer instanceof EntrepreneurshipFigures figures ? figures.loansApproved() + " approved" : "";
        System.out.printf("%s: %.1f ms per question (%s)%n", what, millis, size);
    }

    private static String idNumber(int i) {
        String body = String.format("110105%s%03d", LocalDate.of(1980, 1, 1).plusDays(i % 9000)
                .format(java.time.format.DateTimeFormatter.BASIC_ISO_DATE), i % 1000);
        return body + check(body);
    }

    private static char check(String body17) {
        int[] weights = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
        int sum = 0;
        for (int k = 0; k < 17; k++) {
            sum += (body17.charAt(k) - '0') * weights[k];
        }
        return "10X98765432".charAt(sum % 11);
    }
}
