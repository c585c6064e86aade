package cn.pes.casework.query.entrepreneurship;

import cn.pes.casework.events.entrepreneurship.CaseEntrepreneurshipView;
import cn.pes.casework.events.entrepreneurship.EntrepreneurshipFigures;
import cn.pes.casework.events.entrepreneurship.FindCaseEntrepreneurshipQuery;
import cn.pes.casework.events.entrepreneurship.FindEntrepreneurshipFiguresQuery;
import cn.pes.casework.events.entrepreneurship.FindGuaranteeLoanQuery;
import cn.pes.casework.events.entrepreneurship.FindLoanPipelineQuery;
import cn.pes.casework.events.entrepreneurship.FindTrainingRollQuery;
import cn.pes.casework.events.entrepreneurship.GuaranteeLoanView;
import cn.pes.casework.events.entrepreneurship.InterestSubsidyLine;
import cn.pes.casework.events.entrepreneurship.LoanKeyGroup;
import cn.pes.casework.events.entrepreneurship.LoanPipelineLine;
import cn.pes.casework.events.entrepreneurship.LoanPipelineView;
import cn.pes.casework.events.entrepreneurship.LoanRepaymentLine;
import cn.pes.casework.events.entrepreneurship.LoanStage;
import cn.pes.casework.events.entrepreneurship.OverdueSource;
import cn.pes.casework.events.entrepreneurship.TrainingRollEntry;
import cn.pes.casework.events.entrepreneurship.TrainingRollView;
import cn.pes.casework.events.entrepreneurship.TrainingStatus;
import cn.pes.casework.events.entrepreneurship.TrainingType;
import cn.pes.casework.events.entrepreneurship.TrainingView;
import cn.pes.casework.events.casefile.CaseHistoryView;
import cn.pes.casework.events.casefile.FindCaseHistoryQuery;
import cn.pes.casework.events.casefile.HistoryEntry;
import cn.pes.casework.query.common.PersonalDataDocs;
import cn.pes.casework.query.support.EntrepreneurshipProjections;
import cn.pes.casework.security.protection.PersonalDataProtector;
import cn.pes.casework.query.support.ProjectionTestBase;
import org.axonframework.eventhandling.DomainEventMessage;
import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import static cn.pes.casework.query.entrepreneurship.EntrepreneurshipStory.STREET_2;
import static cn.pes.casework.query.entrepreneurship.EntrepreneurshipStory.date;
import static cn.pes.casework.query.entrepreneurship.EntrepreneurshipStory.yuan;
import static cn.pes.casework.query.support.CaseEvents.OTHER_STREET_AGENCY;
import static cn.pes.casework.query.support.CaseEvents.STREET_AGENCY;
import static org.assertj.core.api.Assertions.assertThat;

class EntrepreneurshipProjectionsTest extends ProjectionTestBase {

    private static final String CITY = "9901";
    private static final String COUNTY = "990101";
    private static final String OTHER_COUNTY = "990102";
    private static final List<String> COUNTY_AGENCIES = List.of(COUNTY, STREET_AGENCY, STREET_2);
    private static final List<String> ALL_AGENCIES = List.of(CITY, COUNTY, STREET_AGENCY, STREET_2, OTHER_COUNTY, OTHER_STREET_AGENCY);

    private EntrepreneurshipProjections models;
    private EntrepreneurshipStory story;

    @BeforeEach
    void feed() {
        models = new EntrepreneurshipProjections(fixture.store(serverSideGuards()), CLOCK,
                                                 new PersonalDataDocs(new PersonalDataProtector(keys)));
        story = new EntrepreneurshipStory();
    }

    private LoanPipelineView pipeline(String agencyId, LoanStage stage, String asOf) {
        return models.loanPipeline.handle(new FindLoanPipelineQuery(agencyId, stage, asOf == null ? null : date(asOf)));
    }

    private EntrepreneurshipFigures figures(String month, List<String> agencies) {
        return models.figures.handle(new FindEntrepreneurshipFiguresQuery(agencies, YearMonth.parse(month)));
    }

    private TrainingRollView roll(String institutionId, String month, String agencyId) {
        return models.trainingRolls.handle(new FindTrainingRollQuery(institutionId, YearMonth.parse(month), agencyId));
    }

    private static EntrepreneurshipFigures figures(int trainees, int completed, int droppedOut, int applied, int refused,
                                                   int approved, String amountApproved, int disbursed, String amountDisbursed,
                                                   int repaid, int overdue, String subsidy) {
        return new EntrepreneurshipFigures(trainees, completed, droppedOut, applied, refused, approved, yuan(amountApproved),
                                           disbursed, yuan(amountDisbursed), repaid, overdue, yuan(subsidy));
    }

    @Test
    void aLoanFromApplicationToRepaymentShowsInFullOnTheCase() {
        models.deliver(story.events);

        CaseEntrepreneurshipView view = models.caseEntrepreneurship.handle(new FindCaseEntrepreneurshipQuery(story.a.caseId()));

        assertThat(view.trainings()).containsExactly(new TrainingView(story.a.caseId(), "t-a", "inst-1", "市创业学院",
                TrainingType.START_YOUR_BUSINESS, STREET_AGENCY, date("2026-03-02"), TrainingStatus.COMPLETED, date("2026-03-20"),
                "SYB-2026-001", null, null));
        GuaranteeLoanView expected = new GuaranteeLoanView(story.a.caseId(), "loan-a", STREET_AGENCY, LoanStage.REPAID,
                EntrepreneurshipStory.application("200000", 24), date("2026-04-01"), List.of(), Set.of(LoanKeyGroup.VETERAN), 36,
                yuan("200000"), 36, "loan-2026", yuan("150000"), 24, "工商银行东湖支行", "DB-2026-7", date("2026-04-15"), null, null,
                date("2026-04-20"), date("2028-04-20"), yuan("0"),
                List.of(new LoanRepaymentLine("r-1", date("2026-10-20"), yuan("50000"), yuan("1000"), yuan("100000")),
                        new LoanRepaymentLine("r-2", date("2026-11-10"), yuan("100000"), yuan("500"), yuan("0"))),
                List.of(new InterestSubsidyLine(date("2026-04-20"), date("2026-10-19"), yuan("3000"), yuan("1500"), date("2026-11-05"))),
                yuan("1500"), null, null, date("2026-11-10"));
        assertThat(view.loans()).containsExactly(expected);
        assertThat(models.caseEntrepreneurship.handle(new FindGuaranteeLoanQuery(story.a.caseId(), "loan-a"))).isEqualTo(expected);
        assertThat(models.caseEntrepreneurship.handle(new FindGuaranteeLoanQuery(story.a.caseId(), "loan-b"))).isNull();
        assertThat(models.caseEntrepreneurship.handle(new FindGuaranteeLoanQuery("no-such-case", "loan-a"))).isNull();
        assertThat(models.caseEntrepreneurship.handle(new FindCaseEntrepreneurshipQuery("no-such-case")))
                .isEqualTo(new CaseEntrepreneurshipView("no-such-case", List.of(), List.of()));
    }

    @Test
    void refusedAndOverdueLoansKeepTheirConditionsAndOverdueFacts() {
        models.deliver(story.events);

        GuaranteeLoanView refused = models.caseEntrepreneurship.handle(new FindGuaranteeLoanQuery(story.c.caseId(), "loan-c"));
        assertThat(refused.stage()).isEqualTo(LoanStage.REFUSED);
        assertThat(refused.failedConditions()).extracting(r -> r.code()).containsExactly("OVER_AGE_LIMIT", "AMOUNT_OVER_LIMIT");
        assertThat(refused.outstanding()).isEqualByComparingTo("0");

        GuaranteeLoanView overdue = models.caseEntrepreneurship.handle(new FindGuaranteeLoanQuery(story.b.caseId(), "loan-b"));
        assertThat(overdue.stage()).isEqualTo(LoanStage.OVERDUE);
        assertThat(overdue.overdueSince()).isEqualTo(date("2026-11-02"));
        assertThat(overdue.overdueSource()).isEqualTo(OverdueSource.LENDER_REPORT);
        assertThat(overdue.outstanding()).isEqualByComparingTo("100000");
    }

    @Test
    void theCountyPipelineCountsItsStreetsLoansAndALoanPastMaturityIsOverdue() {
        models.deliver(story.events);

        LoanPipelineView county = pipeline(COUNTY, null, null);
        assertThat(county.asOf()).isEqualTo(date("2026-11-27"));
        assertThat(List.of(county.applied(), county.refused(), county.awaitingApproval(), county.approved(), county.disbursed(),
                           county.overdue(), county.repaid())).containsExactly(3, 1, 0, 2, 2, 1, 1);
        assertThat(county.approvedAmount()).isEqualByComparingTo("200000");
        assertThat(county.disbursedAmount()).isEqualByComparingTo("200000");
        assertThat(county.outstandingBalance()).isEqualByComparingTo("50000");
        assertThat(county.overdueBalance()).isEqualByComparingTo("50000");
        assertThat(county.lines()).extracting(LoanPipelineLine::loanId).containsExactly("loan-c", "loan-a", "loan-d");
        LoanPipelineLine d = county.lines().get(2);
        assertThat(d.stage()).isEqualTo(LoanStage.OVERDUE);
        assertThat(d.overdueSince()).isEqualTo(date("2026-01-11"));
        assertThat(d.person().name()).isEqualTo("丁");
        assertThat(d.businessName()).isEqualTo("东湖早餐店");
        assertThat(d.amountRequested()).isEqualByComparingTo("50000");

        // The term ends on 2026-01-10: overdue from the next day.
        assertThat(pipeline(COUNTY, LoanStage.OVERDUE, "2026-01-10").lines()).isEmpty();
        assertThat(pipeline(COUNTY, LoanStage.OVERDUE, "2026-01-10").overdue()).isZero();
        assertThat(pipeline(COUNTY, LoanStage.DISBURSED, "2026-01-10").lines()).extracting(LoanPipelineLine::loanId)
                                                                           .containsExactly("loan-d");
        assertThat(pipeline(COUNTY, LoanStage.OVERDUE, "2026-01-11").lines()).extracting(LoanPipelineLine::loanId)
                                                                          .containsExactly("loan-d");
    }

    @Test
    void theCitySeesEveryCountyAndAStreetOnlyItsOwnLoans() {
        models.deliver(story.events);

        LoanPipelineView city = pipeline(CITY, null, "2026-11-27");
        assertThat(List.of(city.applied(), city.refused(), city.awaitingApproval(), city.approved(), city.disbursed(),
                           city.overdue(), city.repaid())).containsExactly(4, 1, 0, 3, 3, 2, 1);
        assertThat(city.approvedAmount()).isEqualByComparingTo("300000");
        assertThat(city.outstandingBalance()).isEqualByComparingTo("150000");
        assertThat(city.overdueBalance()).isEqualByComparingTo("150000");

        LoanPipelineView overdue = pipeline(CITY, LoanStage.OVERDUE, "2026-11-27");
        assertThat(overdue.lines()).extracting(LoanPipelineLine::loanId).containsExactly("loan-b", "loan-d");
        assertThat(overdue.applied()).as("figures over all loans whatever the filter").isEqualTo(4);

        LoanPipelineView street = pipeline(OTHER_STREET_AGENCY, null, "2026-11-27");
        assertThat(street.lines()).extracting(LoanPipelineLine::loanId).containsExactly("loan-b");
        assertThat(street.lines().get(0).person().name()).isEqualTo("乙");
        assertThat(pipeline(STREET_2, null, "2026-11-27").lines()).extracting(LoanPipelineLine::loanId).containsExactly("loan-c");
        assertThat(pipeline("no-such-agency", null, "2026-11-27").lines()).isEmpty();
    }

    @Test
    void monthlyFiguresCountEachThingByTheDayItHappenedAtItsAgency() {
        models.deliver(story.events);

        assertThat(figures("2026-03", List.of(STREET_AGENCY))).isEqualTo(figures(1, 1, 0, 0, 0, 0, "0", 0, "0", 0, 0, "0"));
        assertThat(figures("2026-03", List.of(OTHER_STREET_AGENCY))).isEqualTo(figures(1, 0, 1, 0, 0, 0, "0", 0, "0", 0, 0, "0"));
        assertThat(figures("2026-03", ALL_AGENCIES)).isEqualTo(figures(2, 1, 1, 0, 0, 0, "0", 0, "0", 0, 0, "0"));
        assertThat(figures("2026-04", List.of(STREET_AGENCY)))
                .isEqualTo(figures(0, 0, 0, 1, 0, 1, "150000", 1, "150000", 0, 0, "0"));
        assertThat(figures("2026-11", COUNTY_AGENCIES)).isEqualTo(figures(0, 0, 0, 1, 1, 0, "0", 0, "0", 1, 0, "1500"));
        assertThat(figures("2026-11", List.of(OTHER_STREET_AGENCY))).isEqualTo(figures(0, 0, 0, 0, 0, 0, "0", 0, "0", 0, 1, "0"));
        assertThat(figures("2024-12", List.of(STREET_AGENCY))).isEqualTo(figures(0, 0, 0, 1, 0, 1, "50000", 0, "0", 0, 0, "0"));
        assertThat(figures("2025-01", List.of(STREET_AGENCY))).isEqualTo(figures(0, 0, 0, 0, 0, 0, "0", 1, "50000", 0, 0, "0"));

        List<String> twice = new ArrayList<>(COUNTY_AGENCIES);
        twice.addAll(COUNTY_AGENCIES);
        assertThat(figures("2026-11", twice)).as("an agency named twice counts once").isEqualTo(figures("2026-11", COUNTY_AGENCIES));
        assertThat(figures("2026-11", List.of())).isEqualTo(EntrepreneurshipFiguresQueries.NONE);
    }

    @Test
    void aTrainingRollListsOnlyTraineesOfAgenciesTheReaderCovers() {
        models.deliver(story.events);

        TrainingRollView county = roll("inst-1", "2026-03", COUNTY);
        assertThat(county.entries()).extracting(entry -> entry.training().trainingId()).containsExactly("t-a");
        assertThat(List.of(county.enrolled(), county.completed(), county.droppedOut())).containsExactly(1, 1, 0);
        assertThat(county.entries().get(0).person().name()).isEqualTo("甲");

        TrainingRollView city = roll("inst-1", "2026-03", CITY);
        assertThat(city.entries()).extracting(entry -> entry.training().trainingId()).containsExactly("t-a", "t-e");
        assertThat(List.of(city.enrolled(), city.completed(), city.droppedOut())).containsExactly(2, 1, 1);
        TrainingView dropped = city.entries().get(1).training();
        assertThat(dropped.status()).isEqualTo(TrainingStatus.DROPPED_OUT);
        assertThat(dropped.droppedOutOn()).isEqualTo(date("2026-03-25"));
        assertThat(dropped.dropOutReason()).isEqualTo("外出务工");

        assertThat(roll("inst-1", "2026-03", OTHER_STREET_AGENCY).entries()).extracting(e -> e.training().trainingId())
                                                                           .containsExactly("t-e");
        assertThat(roll("inst-1", "2026-04", CITY).entries()).isEmpty();
        assertThat(roll("inst-2", "2026-03", CITY).entries()).isEmpty();
    }

    @Test
    void anErasedPersonReadsAsErasedInTheRollAndThePipeline() {
        List<DomainEventMessage<?>> events = new ArrayList<>(story.events);
        events.add(story.a.next(story.a.erased(date("2026-11-20"))));
        models.deliver(events);

        TrainingRollEntry entry = roll("inst-1", "2026-03", COUNTY).entries().get(0);
        assertThat(entry.person().erased()).isTrue();
        assertThat(entry.training().status()).isEqualTo(TrainingStatus.COMPLETED);
        LoanPipelineLine line = pipeline(STREET_AGENCY, LoanStage.REPAID, null).lines().get(0);
        assertThat(line.loanId()).isEqualTo("loan-a");
        assertThat(line.person().erased()).isTrue();
    }

    @Test
    void personsAreStoredSealedAndUnreadableOnceTheKeyIsDestroyedWhileCountsStay() {
        models.deliver(story.events);
        assertThat(model().toString()).as("stored sealed").doesNotContain("110105199001011111", "甲").contains("sealed");
        LoanPipelineView before = pipeline(CITY, null, "2026-11-27");
        EntrepreneurshipFigures march = figures("2026-03", ALL_AGENCIES);

        keys.destroy(story.a.caseId(), "admin-1");

        assertThat(roll("inst-1", "2026-03", CITY).entries().get(0).person().erased()).isTrue();
        assertThat(roll("inst-1", "2026-03", CITY).entries().get(1).person().name()).isEqualTo("戊");
        LoanPipelineView after = pipeline(CITY, null, "2026-11-27");
        assertThat(after.lines()).filteredOn(line -> line.loanId().equals("loan-a"))
                                 .singleElement().satisfies(line -> assertThat(line.person().erased()).isTrue());
        assertThat(List.of(after.applied(), after.approved(), after.overdue(), after.repaid()))
                .isEqualTo(List.of(before.applied(), before.approved(), before.overdue(), before.repaid()));
        assertThat(figures("2026-03", ALL_AGENCIES)).isEqualTo(march);
    }

    @Test
    void redeliveryAndBatchesChangeNothing() {
        models.deliverBatch(story.events);
        Map<String, List<Document>> before = model();

        models.deliverBatch(story.events);
        models.deliver(story.events);
        List<DomainEventMessage<?>> twice = new ArrayList<>(story.events);
        twice.addAll(story.events);
        models.deliverBatch(twice);

        assertThat(model()).isEqualTo(before);
        assertThat(pipeline(CITY, null, "2026-11-27").applied()).isEqualTo(4);
        assertThat(figures("2026-11", COUNTY_AGENCIES)).isEqualTo(figures(0, 0, 0, 1, 1, 0, "0", 0, "0", 1, 0, "1500"));
    }

    @Test
    void eachEventEntersTheCaseHistoryWithoutPersonalData() {
        projections.deliver(story.events.toArray(DomainEventMessage[]::new));

        CaseHistoryView history = projections.caseHistory.handle(new FindCaseHistoryQuery(story.a.caseId()));
        assertThat(history.entries()).extracting(HistoryEntry::title).containsExactly(
                "建立档案", "创业培训报名", "创业培训结业", "申请创业担保贷款", "贷款资格审核通过", "贷款审批通过", "贷款发放",
                "贷款还款", "财政贴息", "贷款还款", "贷款结清");
        assertThat(history.entries()).extracting(HistoryEntry::description).contains(
                "报名参加市创业学院的创办你的企业（SYB）培训，2026-03-02 开课",
                "担保审核通过，核准贷款 150000 元，期限 24 个月，贷款银行：工商银行东湖支行，担保合同编号 DB-2026-7",
                "还款本金 50000 元、利息 1000 元，尚欠本金 100000 元");
        assertThat(history.entries()).allSatisfy(entry -> {
            assertThat(entry.description()).doesNotContain("甲", "110105199001011111", "东湖早餐店");
        });
        CaseHistoryView refused = projections.caseHistory.handle(new FindCaseHistoryQuery(story.c.caseId()));
        assertThat(refused.entries().get(2).description())
                .isEqualTo("不符合创业担保贷款条件：超过年龄上限（女不超过55周岁、男不超过60周岁）（ENT-3）；申请金额超过额度上限（ENT-5）（政策版本 loan-2026）");
        CaseHistoryView overdue = projections.caseHistory.handle(new FindCaseHistoryQuery(story.b.caseId()));
        assertThat(overdue.entries().get(overdue.entries().size() - 1).description())
                .isEqualTo("贷款自 2026-11-02 起逾期（银行报告逾期），逾期本金 100000 元");
    }

    private Map<String, List<Document>> model() {
        Map<String, List<Document>> model = new TreeMap<>(fixture.dump());
        model.keySet().retainAll(List.of(CaseEntrepreneurshipProjection.COLLECTION, LoanPipelineProjection.CASES,
                                         LoanPipelineProjection.PIPELINES, TrainingRollsProjection.CASES,
                                         TrainingRollsProjection.ROLLS, EntrepreneurshipFiguresProjection.FIGURES,
                                         EntrepreneurshipFiguresProjection.CASES));
        return model;
    }
}
