package cn.pes.casework.platform.demo;

import cn.pes.casework.events.entrepreneurship.ApplyForGuaranteeLoanCommand;
import cn.pes.casework.events.entrepreneurship.FindGuaranteeLoanQuery;
import cn.pes.casework.events.entrepreneurship.FindLoanPipelineQuery;
import cn.pes.casework.events.entrepreneurship.GuaranteeLoanView;
import cn.pes.casework.events.entrepreneurship.LoanPipelineView;
import cn.pes.casework.events.entrepreneurship.RecordInterestSubsidyCommand;
import cn.pes.casework.events.fair.CloseRecruitmentFairCommand;
import cn.pes.casework.events.fair.EnrolFairEmployerCommand;
import cn.pes.casework.events.fair.FindRecruitmentFairQuery;
import cn.pes.casework.events.fair.InviteToFairCommand;
import cn.pes.casework.events.fair.RecordFairAttendanceCommand;
import cn.pes.casework.events.fair.RecruitmentFairView;
import cn.pes.casework.events.jobseeking.FindJobSeekingProfileQuery;
import cn.pes.casework.events.jobseeking.JobSeekingProfileView;
import cn.pes.casework.events.jobseeking.PublishJobSeekingCommand;
import cn.pes.casework.events.jobseeking.ReferJobSeekerCommand;
import cn.pes.casework.events.subsidy.CaseSubsidiesView;
import cn.pes.casework.events.subsidy.ApproveSubsidyCommand;
import cn.pes.casework.events.subsidy.BeginSubsidyReviewCommand;
import cn.pes.casework.events.subsidy.FindCaseSubsidiesQuery;
import cn.pes.casework.events.subsidy.RecordSubsidyPaymentCommand;
import cn.pes.casework.events.subsidy.SubsidyStage;
import cn.pes.casework.events.subsidy.SubmitCertificateCommand;
import cn.pes.casework.platform.PlatformApplication;
import cn.pes.casework.platform.PlatformTestConfiguration;
import cn.pes.casework.security.agency.Agency;
import cn.pes.casework.events.statistics.AreaStatistics;
import cn.pes.casework.events.statistics.FindAreaStatisticsQuery;
import cn.pes.casework.events.statistics.MonthlyFigures;
import cn.pes.casework.events.tracking.FindTrackingLedgerQuery;
import cn.pes.casework.events.tracking.TrackingLedgerView;
import cn.pes.casework.security.agency.AgencyDirectory;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.queryhandling.QueryGateway;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import static cn.pes.casework.platform.support.Eventually.eventually;
import static org.assertj.core.api.Assertions.assertThat;

/** A city of 150 persons loaded into a fresh platform at startup, through the command path. */
@SpringBootTest(classes = PlatformApplication.class, webEnvironment = SpringBootTest.WebEnvironment.NONE,
        properties = {"spring.config.name=platform", "pes.demo.persons=150", "pes.demo.seed=7",
                // Clocks looked at all the time, so that one firing between two commands of a case would.
                "db-scheduler.polling-interval=50ms"})
class SyntheticCityPlatformTest {

    private static final List<String> AGENCIES = List.of("990101", "990101001", "990101002", "990102",
            "990102001", "990102002", "990103", "990103001");

    @DynamicPropertySource
    static void dataDir(DynamicPropertyRegistry registry) {
        String dir = PlatformTestConfiguration.freshDataDir("pes-demo-city-");
        registry.add("pes.data-dir", () -> dir);
    }

    @Autowired
    DemoCityLoader loader;
    @Autowired
    QueryGateway queries;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    Clock clock;
    @Autowired
    CommandGateway commands;
    @Autowired
    AgencyDirectory agencies;

    @Test
    void aLoadedCityHasCasesLedgersAndMonthlyStatistics() throws Exception {
        DemoCityLoader.Result result = loader.completion().get(4, TimeUnit.MINUTES);

        assertThat(result.failures()).isEmpty();
        assertThat(result.sent()).isGreaterThan(150);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM person_case", Integer.class)).isEqualTo(150);

        YearMonth today = YearMonth.from(LocalDate.now(clock));
        YearMonth pastMonth = today.minusMonths(2);
        eventually(Duration.ofSeconds(60), () -> {
            int rows = AGENCIES.stream()
                    .map(agency -> queries.query(new FindTrackingLedgerQuery(agency, pastMonth), TrackingLedgerView.class)
                            .join())
                    .mapToInt(view -> view.rows().size()).sum();
            assertThat(rows).isGreaterThan(20);
        });
        eventually(Duration.ofSeconds(60), () -> {
            AreaStatistics statistics = queries.query(new FindAreaStatisticsQuery(AGENCIES, today.minusMonths(17),
                    today, null), AreaStatistics.class).join();
            assertThat(statistics.months().stream().filter(m -> m.newRegistrations() > 0).count())
                    .isGreaterThanOrEqualTo(12);
            assertThat(statistics.months().stream().mapToInt(MonthlyFigures::newRegistrations).sum())
                    .isGreaterThanOrEqualTo(140);
            assertThat(statistics.months().stream().mapToInt(MonthlyFigures::reEmployed).sum()).isPositive();
        });
    }

    /**
     * Every service of the plan reaches its read model: a subsidy application, a referral and a
     * guarantee loan of the city's cases can be found, and no loan is overdue.
     */
    @Test
    void aLoadedCityShowsSubsidiesReferralsAndLoans() throws Exception {
        List<PlannedCommand> plan = loadedWithoutRefusals();

        SubmitCertificateCommand submitted = first(plan, SubmitCertificateCommand.class);
        ReferJobSeekerCommand referred = first(plan, ReferJobSeekerCommand.class);
        ApplyForGuaranteeLoanCommand applied = first(plan, ApplyForGuaranteeLoanCommand.class);
        eventually(Duration.ofSeconds(60), () -> {
            CaseSubsidiesView subsidies = queries.query(new FindCaseSubsidiesQuery(submitted.caseId(), null),
                    CaseSubsidiesView.class).join();
            assertThat(subsidies).isNotNull();
            assertThat(subsidies.applications()).anySatisfy(line ->
                    assertThat(line.applicationId()).isEqualTo(submitted.applicationId()));
            JobSeekingProfileView profile = queries.query(new FindJobSeekingProfileQuery(referred.caseId()),
                    JobSeekingProfileView.class).join();
            assertThat(profile).isNotNull();
            assertThat(profile.referrals()).anySatisfy(referral ->
                    assertThat(referral.referralId()).isEqualTo(referred.referralId()));
            GuaranteeLoanView loan = queries.query(new FindGuaranteeLoanQuery(applied.caseId(), applied.loanId()),
                    GuaranteeLoanView.class).join();
            assertThat(loan).isNotNull();
            assertThat(loan.appliedOn()).isEqualTo(applied.appliedOn());
        });
        String city = agencies.all().stream().filter(agency -> agency.level() == Agency.Level.CITY).map(Agency::id)
                .findFirst().orElseThrow();
        eventually(Duration.ofSeconds(60), () -> {
            LoanPipelineView pipeline = queries.query(new FindLoanPipelineQuery(city, null, null),
                    LoanPipelineView.class).join();
            assertThat(pipeline.applied()).isEqualTo(plan.stream()
                    .filter(c -> c.command() instanceof ApplyForGuaranteeLoanCommand).count());
            assertThat(pipeline.disbursed()).isPositive();
            assertThat(pipeline.overdue()).isZero();
        });
    }

    /**
     * SUB-4, SUB-5: an approval whose publicity is over and which the city has not paid yet waits for
     * payment once the platform's clock has ended the publicity (a deadline), and its payment is not due
     * yet: the city's approvals are recent enough that no payment deadline runs out at load.
     */
    @Test
    void anApprovedSubsidyWaitsForPaymentInTime() throws Exception {
        loader.completion().get(4, TimeUnit.MINUTES);
        LocalDate today = LocalDate.now(clock);
        List<PlannedCommand> plan = plan(today);
        Set<String> paid = commands(plan, RecordSubsidyPaymentCommand.class).stream()
                .map(RecordSubsidyPaymentCommand::applicationId).collect(Collectors.toSet());
        // Publicity is 5 working days from the day after the approval: over within 10 calendar days.
        ApproveSubsidyCommand approved = plan.stream().map(PlannedCommand::command)
                .filter(ApproveSubsidyCommand.class::isInstance).map(ApproveSubsidyCommand.class::cast)
                .filter(approve -> approve.decidedOn().isBefore(today.minusDays(12)))
                .filter(approve -> !paid.contains(approve.applicationId())).findFirst()
                .orElseThrow(() -> new AssertionError("the city of the test leaves no approval before its last days unpaid"));

        eventually(Duration.ofSeconds(90), () -> {
            CaseSubsidiesView subsidies = queries.query(new FindCaseSubsidiesQuery(approved.caseId(), null),
                    CaseSubsidiesView.class).join();
            assertThat(subsidies).isNotNull();
            assertThat(subsidies.applications()).anySatisfy(line -> {
                assertThat(line.applicationId()).isEqualTo(approved.applicationId());
                assertThat(line.stage()).isEqualTo(SubsidyStage.AWAITING_PAYMENT);
                assertThat(line.dueOn()).isAfter(today);
            });
        });
    }

    /**
     * The follow-ups arrive: a fair's invitations, attendance and referrals are counted by the fair as planned, a
     * subsidy paid after the platform's clock ended its publicity is paid (the amount the approval set,
     * or the platform would have refused it), and a loan's interest subsidies are on the loan.
     */
    @Test
    void aLoadedCityShowsItsFairsSubsidyPaymentsAndInterestSubsidies() throws Exception {
        List<PlannedCommand> plan = loadedWithoutRefusals();

        // A closed fair where someone was referred.
        Set<String> closedFairs = commands(plan, CloseRecruitmentFairCommand.class).stream()
                .map(CloseRecruitmentFairCommand::fairId).collect(Collectors.toSet());
        String fairId = commands(plan, ReferJobSeekerCommand.class).stream().map(ReferJobSeekerCommand::fairId)
                .filter(closedFairs::contains).findFirst()
                .orElseThrow(() -> new AssertionError("the city of the test refers nobody at a closed fair"));
        long referrals = commands(plan, ReferJobSeekerCommand.class).stream()
                .filter(refer -> fairId.equals(refer.fairId())).count();
        long invited = commands(plan, InviteToFairCommand.class).stream()
                .filter(invite -> invite.fairId().equals(fairId)).count();
        long attended = commands(plan, RecordFairAttendanceCommand.class).stream()
                .filter(attend -> attend.fairId().equals(fairId)).count();
        long employers = commands(plan, EnrolFairEmployerCommand.class).stream()
                .filter(enrol -> enrol.fairId().equals(fairId)).count();
        RecordSubsidyPaymentCommand paid = first(plan, RecordSubsidyPaymentCommand.class);
        RecordInterestSubsidyCommand subsidised = first(plan, RecordInterestSubsidyCommand.class);
        long periods = commands(plan, RecordInterestSubsidyCommand.class).stream()
                .filter(s -> s.loanId().equals(subsidised.loanId())).count();
        eventually(Duration.ofSeconds(60), () -> {
            RecruitmentFairView fair = queries.query(new FindRecruitmentFairQuery(fairId),
                    RecruitmentFairView.class).join();
            assertThat(fair).isNotNull();
            assertThat(fair.fair().closed()).isTrue();
            assertThat(fair.fair().employers()).isEqualTo(employers);
            assertThat(fair.fair().invited()).isEqualTo(invited);
            assertThat(fair.fair().attended()).isEqualTo(attended);
            assertThat(fair.fair().referrals()).isEqualTo(referrals);
            CaseSubsidiesView subsidies = queries.query(new FindCaseSubsidiesQuery(paid.caseId(), null),
                    CaseSubsidiesView.class).join();
            assertThat(subsidies.applications()).anySatisfy(line -> {
                assertThat(line.applicationId()).isEqualTo(paid.applicationId());
                assertThat(line.stage()).isEqualTo(SubsidyStage.PAID);
            });
            GuaranteeLoanView loan = queries.query(new FindGuaranteeLoanQuery(subsidised.caseId(), subsidised.loanId()),
                    GuaranteeLoanView.class).join();
            assertThat(loan.interestSubsidies()).hasSize((int) periods);
        });
    }

    /**
     * No clock decides on half a history: the plan decides every job-seeking registration (JOB-2) and every
     * subsidy review (SUB-3) in time, but the clocks of all but the latest were past due when their cases
     * went in, back to back. The scheduler is paused until every case is in.
     */
    @Test
    void noClockRecordsADeadlineMissedThatThePlanMet() throws Exception {
        List<PlannedCommand> plan = loadedWithoutRefusals();
        assertThat(commands(plan, PublishJobSeekingCommand.class)).isNotEmpty();
        assertThat(commands(plan, BeginSubsidyReviewCommand.class)).isNotEmpty();

        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM DomainEventEntry WHERE payloadType LIKE"
                + " '%ReviewDeadlineMissed'", Integer.class)).isZero();
    }

    /** Waits for the load, which the platform accepted in full, and gives its plan. */
    private List<PlannedCommand> loadedWithoutRefusals() throws Exception {
        DemoCityLoader.Result result = loader.completion().get(4, TimeUnit.MINUTES);
        assertThat(result.failures()).isEmpty();
        return plan(LocalDate.now(clock));
    }

    private List<PlannedCommand> plan(LocalDate today) {
        return SyntheticCity.plan(7, 150, today, agencies.all().stream()
                .filter(agency -> agency.level() != Agency.Level.CITY).map(Agency::id)
                .sorted(Comparator.naturalOrder()).toList());
    }

    private static <T> List<T> commands(List<PlannedCommand> plan, Class<T> type) {
        return plan.stream().map(PlannedCommand::command).filter(type::isInstance).map(type::cast).toList();
    }

    private static <T> T first(List<PlannedCommand> plan, Class<T> type) {
        return plan.stream().map(PlannedCommand::command).filter(type::isInstance).map(type::cast).findFirst()
                .orElseThrow(() -> new AssertionError("the city of the test plans no " + type.getSimpleName()));
    }

    @Test
    void aStoreThatHoldsCasesIsNotLoadedAgain() throws Exception {
        loader.completion().get(4, TimeUnit.MINUTES);
        DemoCityLoader afterRestart = new DemoCityLoader(commands, jdbc, agencies, clock, 150, 7, 4);

        afterRestart.start();

        assertThat(afterRestart.completion().get(10, TimeUnit.SECONDS).sent()).isZero();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM person_case", Integer.class)).isEqualTo(150);
    }
}
