package cn.pes.casework.platform.demo;

import cn.pes.casework.command.policy.SubsidyPolicy;
import cn.pes.casework.events.entrepreneurship.RecordInterestSubsidyCommand;
import cn.pes.casework.events.fair.CloseRecruitmentFairCommand;
import cn.pes.casework.events.fair.EnrolFairEmployerCommand;
import cn.pes.casework.events.fair.InviteToFairCommand;
import cn.pes.casework.events.fair.PlanRecruitmentFairCommand;
import cn.pes.casework.events.fair.RecordFairAttendanceCommand;
import cn.pes.casework.events.subsidy.RaiseSubsidyObjectionCommand;
import cn.pes.casework.events.subsidy.RecordSubsidyPaymentCommand;
import cn.pes.casework.events.subsidy.ResolveSubsidyObjectionCommand;
import java.time.YearMonth;

import cn.pes.casework.command.employer.UnifiedSocialCreditCode;
import cn.pes.casework.events.cancellation.CancelRegistrationCommand;
import cn.pes.casework.events.employer.CloseVacancyCommand;
import cn.pes.casework.events.employer.PostVacancyCommand;
import cn.pes.casework.events.employer.PublishVacancyCommand;
import cn.pes.casework.events.employer.RegisterEmployerCommand;
import cn.pes.casework.events.employer.RejectVacancyCommand;
import cn.pes.casework.events.entrepreneurship.ApplyForGuaranteeLoanCommand;
import cn.pes.casework.events.entrepreneurship.ApproveGuaranteeLoanCommand;
import cn.pes.casework.events.entrepreneurship.CompleteEntrepreneurshipTrainingCommand;
import cn.pes.casework.events.entrepreneurship.DeclineGuaranteeLoanCommand;
import cn.pes.casework.events.entrepreneurship.EnrolInEntrepreneurshipTrainingCommand;
import cn.pes.casework.events.entrepreneurship.ExistingLoanType;
import cn.pes.casework.events.entrepreneurship.RecordLoanDisbursementCommand;
import cn.pes.casework.events.entrepreneurship.RecordLoanRepaymentCommand;
import cn.pes.casework.events.entrepreneurship.RecordTrainingDropOutCommand;
import cn.pes.casework.events.jobseeking.PublishJobSeekingCommand;
import cn.pes.casework.events.jobseeking.RecordReferralOutcomeCommand;
import cn.pes.casework.events.jobseeking.ReferJobSeekerCommand;
import cn.pes.casework.events.jobseeking.ReferralOutcome;
import cn.pes.casework.events.jobseeking.RegisterJobSeekingCommand;
import cn.pes.casework.events.registration.ApproveRegistrationCommand;
import cn.pes.casework.events.subsidy.ApproveSubsidyCommand;
import cn.pes.casework.events.subsidy.BeginSubsidyReviewCommand;
import cn.pes.casework.events.subsidy.RejectSubsidyCommand;
import cn.pes.casework.events.subsidy.SubmitCertificateCommand;
import cn.pes.casework.events.employment.RecordEmploymentCommand;
import cn.pes.casework.events.registration.RegisterUnemploymentCommand;
import cn.pes.casework.events.shared.IdNumberFormat;
import cn.pes.casework.events.tracking.ContactMethod;
import cn.pes.casework.events.tracking.RecordTrackingContactCommand;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.Period;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

/** The plan of a synthetic city, without running it: deterministic for a seed and valid for the rules. */
class SyntheticCityTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 27);
    private static final List<String> AGENCIES = List.of("990101", "990101001", "990101002", "990102",
            "990102001", "990102002", "990103", "990103001");

    @Test
    void theSameSeedPlansTheSameCommands() {
        List<PlannedCommand> first = SyntheticCity.plan(2026, 150, TODAY, AGENCIES);
        List<PlannedCommand> second = SyntheticCity.plan(2026, 150, TODAY, AGENCIES);

        assertThat(first).isNotEmpty();
        assertThat(SyntheticCity.digest(second)).isEqualTo(SyntheticCity.digest(first));
    }

    @Test
    void anotherSeedPlansAnotherCity() {
        assertThat(SyntheticCity.digest(SyntheticCity.plan(2027, 150, TODAY, AGENCIES)))
                .isNotEqualTo(SyntheticCity.digest(SyntheticCity.plan(2026, 150, TODAY, AGENCIES)));
    }

    @Test
    void everyPersonHasAValidUniqueIdNumberAndIsOfWorkingAge() {
        List<PlannedCommand> plan = SyntheticCity.plan(2026, 150, TODAY, AGENCIES);
        List<RegisterUnemploymentCommand> registrations = plan.stream().map(PlannedCommand::command)
                .filter(RegisterUnemploymentCommand.class::isInstance).map(RegisterUnemploymentCommand.class::cast)
                .toList();

        assertThat(registrations).hasSize(150);
        assertThat(new HashSet<>(SyntheticCity.idNumbers(plan))).hasSize(150);
        assertThat(registrations).allSatisfy(registration -> {
            String idNumber = registration.person().idNumber();
            assertThat(IdNumberFormat.problemOf(idNumber)).isNull();
            int age = Period.between(IdNumberFormat.birthDateOf(idNumber), registration.applicationDate()).getYears();
            assertThat(age).isBetween(16, 60);
            assertThat(registration.person().name()).hasSizeBetween(2, 3);
            assertThat(registration.person().phone()).matches("1\\d{10}");
        });
        // Men's numbers end their sequence with an odd digit: both sexes appear.
        assertThat(registrations.stream().map(r -> (r.person().idNumber().charAt(16) - '0') % 2)
                .collect(Collectors.toSet())).containsExactlyInAnyOrder(0, 1);
        assertThat(registrations.stream().map(RegisterUnemploymentCommand::newCaseId).distinct()).hasSize(150);
    }

    @Test
    void historySpreadsOverEighteenMonthsInDateOrderAndNeverAfterToday() {
        List<PlannedCommand> plan = SyntheticCity.plan(2026, 150, TODAY, AGENCIES);

        assertThat(plan).isSortedAccordingTo((a, b) -> a.on().compareTo(b.on()));
        assertThat(plan.get(plan.size() - 1).on()).isBeforeOrEqualTo(TODAY);
        assertThat(plan.get(0).on()).isAfterOrEqualTo(TODAY.minusDays(SyntheticCity.HISTORY_DAYS));
        Set<java.time.YearMonth> registrationMonths = plan.stream()
                .filter(c -> c.command() instanceof RegisterUnemploymentCommand)
                .map(c -> java.time.YearMonth.from(c.on())).collect(Collectors.toSet());
        assertThat(registrationMonths).hasSizeGreaterThanOrEqualTo(15);
    }

    @Test
    void contactsUseAllThreeMethodsAndSomeCasesEndInWorkOrCancellation() {
        List<PlannedCommand> plan = SyntheticCity.plan(2026, 150, TODAY, AGENCIES);

        List<RecordTrackingContactCommand> contacts = plan.stream().map(PlannedCommand::command)
                .filter(RecordTrackingContactCommand.class::isInstance).map(RecordTrackingContactCommand.class::cast)
                .toList();
        assertThat(contacts.stream().map(RecordTrackingContactCommand::method).collect(Collectors.toSet()))
                .containsExactlyInAnyOrder(ContactMethod.values());
        long phone = contacts.stream().filter(c -> c.method() == ContactMethod.PHONE).count();
        assertThat(phone).isGreaterThan(contacts.size() / 2);
        assertThat(contacts).allSatisfy(c -> assertThat(c.recordedOn()).isEqualTo(c.contactDate()));
        long employedByContact = contacts.stream().filter(c -> c.employment() != null).count();
        long employedByRecord = plan.stream().filter(c -> c.command() instanceof RecordEmploymentCommand).count();
        long cancelled = plan.stream().filter(c -> c.command() instanceof CancelRegistrationCommand).count();
        assertThat(employedByContact + employedByRecord).isBetween(30L, 140L);
        assertThat(cancelled).isPositive().isLessThan(employedByContact + employedByRecord);
    }

    @Test
    void officersActAtTheCaseAgencyWithSeededCorrelation() {
        List<PlannedCommand> plan = SyntheticCity.plan(2026, 150, TODAY, AGENCIES);

        assertThat(plan).allSatisfy(c -> {
            assertThat(AGENCIES).contains(c.agencyId());
            assertThat(c.officerId()).startsWith("demo-officer-" + c.agencyId());
            assertThat(c.correlationId()).isNotBlank();
        });
        assertThat(plan.stream().map(PlannedCommand::correlationId).distinct()).hasSize(plan.size());
    }

    /** A larger city, so that every service shows up often enough for the rates to mean something. */
    private static final int LARGE_CITY = 1000;

    @Test
    void servicesAreForAMinorityAndTheCityStaysAtFiveToNineCommandsPerPerson() {
        List<PlannedCommand> plan = SyntheticCity.plan(2026, LARGE_CITY, TODAY, AGENCIES);

        // About one of them is the fairs': their organisation, invitations and attendance.
        assertThat((double) plan.size() / LARGE_CITY).isBetween(5.0, 9.0);
        Map<Class<?>, Long> counts = plan.stream()
                .collect(Collectors.groupingBy(c -> c.command().getClass(), Collectors.counting()));
        assertThat(counts).containsKeys(SubmitCertificateCommand.class, BeginSubsidyReviewCommand.class,
                ApproveSubsidyCommand.class, RejectSubsidyCommand.class, RegisterEmployerCommand.class,
                PostVacancyCommand.class, PublishVacancyCommand.class, CloseVacancyCommand.class,
                RegisterJobSeekingCommand.class, PublishJobSeekingCommand.class, ReferJobSeekerCommand.class,
                RecordReferralOutcomeCommand.class, EnrolInEntrepreneurshipTrainingCommand.class,
                CompleteEntrepreneurshipTrainingCommand.class, ApplyForGuaranteeLoanCommand.class,
                ApproveGuaranteeLoanCommand.class, RecordLoanDisbursementCommand.class,
                RecordLoanRepaymentCommand.class, RecordInterestSubsidyCommand.class, RecordSubsidyPaymentCommand.class,
                PlanRecruitmentFairCommand.class, EnrolFairEmployerCommand.class,
                InviteToFairCommand.class, RecordFairAttendanceCommand.class, CloseRecruitmentFairCommand.class);
        assertThat(counts.get(RegisterEmployerCommand.class)).isBetween(24L, 60L);
        assertThat(counts.get(ApproveSubsidyCommand.class)).isGreaterThan(counts.get(RejectSubsidyCommand.class));
        // A minority of persons: a fifth or so seek jobs through the agency, a few percent the others.
        assertThat(casesWith(plan, RegisterJobSeekingCommand.class)).isBetween(50L, 300L);
        assertThat(casesWith(plan, SubmitCertificateCommand.class)).isBetween(5L, 100L);
        assertThat(casesWith(plan, EnrolInEntrepreneurshipTrainingCommand.class)).isBetween(5L, 80L);
        assertThat(casesWith(plan, ApplyForGuaranteeLoanCommand.class)).isBetween(3L, 40L);
        List<ReferralOutcome> outcomes = commands(plan, RecordReferralOutcomeCommand.class).stream()
                .map(RecordReferralOutcomeCommand::outcome).toList();
        assertThat(outcomes).contains(ReferralOutcome.HIRED, ReferralOutcome.NOT_HIRED);
    }

    @Test
    void everyCommandIsRecordedOnItsOwnDayAndACaseStartsWithItsRegistration() {
        List<PlannedCommand> plan = SyntheticCity.plan(2026, LARGE_CITY, TODAY, AGENCIES);

        assertThat(plan).allSatisfy(c -> {
            LocalDate ownDay = ownDay(c.command());
            if (ownDay != null) {
                assertThat(ownDay).as(c.command().getClass().getSimpleName()).isEqualTo(c.on());
            }
        });
        byCase(plan).values().forEach(commands -> {
            assertThat(commands.get(0).command()).isInstanceOf(RegisterUnemploymentCommand.class);
            assertThat(commands).isSortedAccordingTo((a, b) -> a.on().compareTo(b.on()));
        });
        // Only employers' and fairs' commands go to organisations; they come first in the loader, but for a
        // fair's commands that name the persons, and the subsidy payments: those follow every case's.
        assertThat(plan.stream().filter(c -> !c.forCase()).map(c -> c.command().getClass().getPackageName())
                .distinct()).containsExactlyInAnyOrder(RegisterEmployerCommand.class.getPackageName(),
                PlanRecruitmentFairCommand.class.getPackageName());
        assertThat(plan.stream().filter(PlannedCommand::followUp).map(c -> c.command().getClass().getSimpleName())
                .distinct()).containsExactlyInAnyOrder(InviteToFairCommand.class.getSimpleName(),
                RecordFairAttendanceCommand.class.getSimpleName(), CloseRecruitmentFairCommand.class.getSimpleName(),
                RecordSubsidyPaymentCommand.class.getSimpleName());
    }

    @Test
    void servicesThatNeedARegistrationHappenWhileItIsActive() {
        List<PlannedCommand> plan = SyntheticCity.plan(2026, LARGE_CITY, TODAY, AGENCIES);

        byCase(plan).values().forEach(commands -> {
            LocalDate registeredOn = registeredOn(commands);
            LocalDate endsOn = spellEnd(commands);
            for (PlannedCommand c : commands) {
                Object command = c.command();
                boolean needsActive = command instanceof RegisterJobSeekingCommand
                        || command instanceof ReferJobSeekerCommand
                        || command instanceof EnrolInEntrepreneurshipTrainingCommand
                        || command instanceof RecordReferralOutcomeCommand outcome
                        && outcome.outcome() != ReferralOutcome.HIRED;
                if (needsActive) {
                    assertThat(registeredOn).isNotNull();
                    assertThat(c.on()).isAfterOrEqualTo(registeredOn);
                    if (endsOn != null) {
                        assertThat(c.on()).isBefore(endsOn);
                    }
                }
                if (command instanceof ApplyForGuaranteeLoanCommand apply) {
                    // ENT-2: registered unemployed on the application day, the spell ending on the first day of work.
                    assertThat(apply.appliedOn()).isAfterOrEqualTo(registeredOn);
                    if (endsOn != null) {
                        assertThat(apply.appliedOn()).isBefore(endsOn);
                    }
                }
            }
        });
    }

    @Test
    void subsidiesAreForRegisteredPersonsWithinTheirTimeLimits() {
        List<PlannedCommand> plan = SyntheticCity.plan(2026, LARGE_CITY, TODAY, AGENCIES);
        Map<String, List<PlannedCommand>> cases = byCase(plan);

        List<SubmitCertificateCommand> submissions = commands(plan, SubmitCertificateCommand.class);
        assertThat(submissions.stream().map(s -> s.certificate().certificateNumber()).distinct())
                .hasSameSizeAs(submissions);
        Map<String, SubmitCertificateCommand> byApplication = new HashMap<>();
        for (SubmitCertificateCommand submit : submissions) {
            byApplication.put(submit.applicationId(), submit);
            LocalDate registeredOn = registeredOn(cases.get(submit.caseId()));
            assertThat(registeredOn).as("registered before applying").isNotNull();
            assertThat(submit.certificate().issuedOn()).isAfterOrEqualTo(registeredOn)
                    .isBeforeOrEqualTo(submit.receivedOn());
            // SUB-2: within 12 months of the certificate's issue.
            assertThat(submit.receivedOn()).isBeforeOrEqualTo(submit.certificate().issuedOn().plusMonths(12));
            assertThat(submit.certificate().level().ordinal()).isLessThanOrEqualTo(2);
            assertThat(AGENCIES).contains(submit.departmentId());
            assertThat(submit.allowanceClaim() == null || !submit.allowanceClaim().groups().isEmpty()).isTrue();
        }
        Map<String, Integer> decisions = new HashMap<>();
        for (PlannedCommand c : plan) {
            String applicationId = null;
            LocalDate decidedOn = null;
            if (c.command() instanceof ApproveSubsidyCommand approve) {
                applicationId = approve.applicationId();
                decidedOn = approve.decidedOn();
            } else if (c.command() instanceof RejectSubsidyCommand reject) {
                applicationId = reject.applicationId();
                decidedOn = reject.decidedOn();
            } else if (c.command() instanceof BeginSubsidyReviewCommand begin) {
                assertThat(begin.startedOn()).isAfterOrEqualTo(byApplication.get(begin.applicationId()).receivedOn());
            }
            if (applicationId != null) {
                SubmitCertificateCommand submit = byApplication.get(applicationId);
                assertThat(c.agencyId()).isEqualTo(submit.departmentId());
                // SUB-3 in time; and recent enough that no payment clock (SUB-5) has run out by today.
                assertThat(decidedOn).isAfter(submit.receivedOn())
                        .isBeforeOrEqualTo(submit.receivedOn().plusDays(SubsidyPlanner.MAX_DECISION_DAYS))
                        .isAfterOrEqualTo(TODAY.minusDays(84));
                decisions.merge(applicationId, 1, Integer::sum);
            }
        }
        assertThat(decisions.values()).allSatisfy(n -> assertThat(n).isEqualTo(1));
    }

    @Test
    void referralsGoToPublishedVacanciesThatStayOpenOfValidEmployers() {
        List<PlannedCommand> plan = SyntheticCity.plan(2026, LARGE_CITY, TODAY, AGENCIES);

        List<RegisterEmployerCommand> employers = commands(plan, RegisterEmployerCommand.class);
        assertThat(employers).allSatisfy(e -> assertThatCode(() -> UnifiedSocialCreditCode.parse(e.creditCode()))
                .doesNotThrowAnyException());
        assertThat(employers.stream().map(RegisterEmployerCommand::creditCode).distinct()).hasSameSizeAs(employers);
        Map<String, LocalDate> published = new HashMap<>();
        commands(plan, PublishVacancyCommand.class).forEach(p -> published.put(p.vacancyId(), p.reviewedOn()));
        Set<String> notOpen = new HashSet<>();
        commands(plan, CloseVacancyCommand.class).forEach(c -> notOpen.add(c.vacancyId()));
        commands(plan, RejectVacancyCommand.class).forEach(r -> notOpen.add(r.vacancyId()));
        assertThat(notOpen).isNotEmpty();

        List<ReferJobSeekerCommand> referrals = commands(plan, ReferJobSeekerCommand.class);
        assertThat(referrals).isNotEmpty().allSatisfy(r -> {
            assertThat(published.get(r.vacancyId())).isNotNull().isBeforeOrEqualTo(r.referredOn());
            assertThat(notOpen).doesNotContain(r.vacancyId());
        });
        Map<String, LocalDate> referredOn = referrals.stream()
                .collect(Collectors.toMap(ReferJobSeekerCommand::referralId, ReferJobSeekerCommand::referredOn));
        Map<String, Integer> finalOutcomes = new HashMap<>();
        for (RecordReferralOutcomeCommand outcome : commands(plan, RecordReferralOutcomeCommand.class)) {
            assertThat(outcome.outcomeOn()).isAfterOrEqualTo(referredOn.get(outcome.referralId()));
            if (outcome.outcome().isFinal()) {
                finalOutcomes.merge(outcome.referralId(), 1, Integer::sum);
            }
            assertThat(outcome.outcome()).isNotEqualTo(ReferralOutcome.REFUSED_WITHOUT_GOOD_REASON);
        }
        assertThat(finalOutcomes.values()).allSatisfy(n -> assertThat(n).isEqualTo(1));
        // A hire through a referral is the employment: nothing else records it for that case.
        byCase(plan).values().forEach(commands -> {
            boolean hired = commands.stream().anyMatch(c -> c.command() instanceof RecordReferralOutcomeCommand o
                    && o.outcome() == ReferralOutcome.HIRED);
            if (hired) {
                assertThat(commands).noneMatch(c -> c.command() instanceof RecordEmploymentCommand
                        || c.command() instanceof CancelRegistrationCommand
                        || c.command() instanceof RecordTrackingContactCommand contact && contact.employment() != null);
                LocalDate hiredOn = spellEnd(commands);
                assertThat(commands).noneMatch(c -> c.on().isAfter(hiredOn)
                        && (c.command() instanceof RecordTrackingContactCommand
                        || c.command() instanceof ReferJobSeekerCommand));
            }
        });
    }

    @Test
    void loansWithinTheLimitsAreRepaidBeforeMaturityAndNoneFallsDueByToday() {
        // Loans are rare: a city large enough to have some of each kind.
        List<PlannedCommand> plan = SyntheticCity.plan(2026, 3 * LARGE_CITY, TODAY, AGENCIES);

        Map<String, ApplyForGuaranteeLoanCommand> applications = commands(plan, ApplyForGuaranteeLoanCommand.class)
                .stream().collect(Collectors.toMap(ApplyForGuaranteeLoanCommand::loanId, Function.identity()));
        Map<String, ApproveGuaranteeLoanCommand> approvals = commands(plan, ApproveGuaranteeLoanCommand.class)
                .stream().collect(Collectors.toMap(ApproveGuaranteeLoanCommand::loanId, Function.identity()));
        Set<String> registeredBusinesses = new HashSet<>();
        for (ApplyForGuaranteeLoanCommand apply : applications.values()) {
            String idNumber = registration(plan, apply.caseId()).person().idNumber();
            int age = Period.between(IdNumberFormat.birthDateOf(idNumber), apply.appliedOn()).getYears();
            boolean male = (idNumber.charAt(16) - '0') % 2 == 1;
            assertThat(age).isBetween(18, male ? 60 : 55);
            if (apply.application().business().registrationNumber() != null) {
                assertThatCode(() -> UnifiedSocialCreditCode.parse(apply.application().business().registrationNumber()))
                        .doesNotThrowAnyException();
                assertThat(registeredBusinesses.add(apply.application().business().registrationNumber()))
                        .as("one business per credit code").isTrue();
            }
        }
        // Some refused at assessment, as history: never approved or declined afterwards.
        Set<String> refusedAtAssessment = applications.values().stream()
                .filter(a -> a.application().business().registrationNumber() == null
                        || a.application().existingLoans().stream().anyMatch(l -> l.type() == ExistingLoanType.BUSINESS))
                .map(ApplyForGuaranteeLoanCommand::loanId).collect(Collectors.toSet());
        assertThat(refusedAtAssessment).isNotEmpty();
        assertThat(approvals.keySet()).doesNotContainAnyElementsOf(refusedAtAssessment);
        commands(plan, DeclineGuaranteeLoanCommand.class)
                .forEach(d -> assertThat(refusedAtAssessment).doesNotContain(d.loanId()));
        approvals.values().forEach(approve -> {
            ApplyForGuaranteeLoanCommand apply = applications.get(approve.loanId());
            assertThat(approve.amount()).isLessThanOrEqualTo(apply.application().amountRequested())
                    .isLessThanOrEqualTo(new BigDecimal("200000"));
            assertThat(approve.termMonths()).isBetween(1, 36);
            assertThat(approve.approvedOn()).isAfterOrEqualTo(apply.appliedOn());
        });

        Map<String, BigDecimal> repaid = new HashMap<>();
        Map<String, LocalDate> lastPaid = new HashMap<>();
        commands(plan, RecordLoanRepaymentCommand.class).forEach(r -> {
            repaid.merge(r.loanId(), r.principal(), BigDecimal::add);
            lastPaid.merge(r.loanId(), r.paidOn(), (a, b) -> a.isAfter(b) ? a : b);
        });
        List<RecordLoanDisbursementCommand> disbursements = commands(plan, RecordLoanDisbursementCommand.class);
        long settled = 0;
        for (RecordLoanDisbursementCommand disbursed : disbursements) {
            ApproveGuaranteeLoanCommand approve = approvals.get(disbursed.loanId());
            assertThat(disbursed.disbursedOn()).isAfterOrEqualTo(approve.approvedOn());
            LocalDate maturesOn = disbursed.disbursedOn().plusMonths(approve.termMonths());
            BigDecimal principal = repaid.getOrDefault(disbursed.loanId(), BigDecimal.ZERO);
            assertThat(principal).isLessThanOrEqualTo(approve.amount());
            if (lastPaid.containsKey(disbursed.loanId())) {
                assertThat(lastPaid.get(disbursed.loanId())).isBefore(maturesOn);
            }
            // The maturity clock fires while the loader may still be sending repayments: none falls due.
            assertThat(maturesOn).isAfter(TODAY);
            if (principal.compareTo(approve.amount()) == 0) {
                settled++;
            }
        }
        assertThat(repaid).isNotEmpty();
        assertThat(settled).as("some loans repaid in full, early").isPositive();
    }

    /**
     * JOB-5: a fair a month per county, with employers of its area bringing vacancies that are published
     * and stay open, persons of the county invited before it and coming on its days, and closed after them.
     */
    @Test
    void countiesHoldMonthlyFairsForTheirOwnEmployersAndRegisteredPersons() {
        List<PlannedCommand> plan = SyntheticCity.plan(2026, 3 * LARGE_CITY, TODAY, AGENCIES);

        Map<String, PlanRecruitmentFairCommand> fairs = commands(plan, PlanRecruitmentFairCommand.class).stream()
                .collect(Collectors.toMap(PlanRecruitmentFairCommand::fairId, Function.identity()));
        assertThat(fairs.values()).allSatisfy(fair -> {
            assertThat(fair.organiserAgencyId()).isIn("990101", "990102", "990103");
            assertThat(fair.recordedOn()).isBeforeOrEqualTo(fair.heldOn().minusDays(14)).isBeforeOrEqualTo(TODAY);
        });
        assertThat(fairs.values().stream().map(f -> f.organiserAgencyId() + YearMonth.from(f.heldOn())).distinct())
                .as("one fair a month per county").hasSameSizeAs(fairs.values());
        assertThat(fairs.values().stream().map(PlanRecruitmentFairCommand::format).distinct()).hasSize(2);
        assertThat(fairs.values()).anySatisfy(fair -> assertThat(fair.heldOn()).isAfter(TODAY));
        assertThat(fairs.size()).isBetween(45, 60);

        Map<String, String> employerAreas = commands(plan, RegisterEmployerCommand.class).stream()
                .collect(Collectors.toMap(RegisterEmployerCommand::employerId, RegisterEmployerCommand::areaAgencyId));
        Map<String, LocalDate> published = commands(plan, PublishVacancyCommand.class).stream()
                .collect(Collectors.toMap(PublishVacancyCommand::vacancyId, PublishVacancyCommand::reviewedOn));
        Set<String> closed = commands(plan, CloseVacancyCommand.class).stream().map(CloseVacancyCommand::vacancyId)
                .collect(Collectors.toSet());
        Map<String, Long> employersPerFair = new HashMap<>();
        for (EnrolFairEmployerCommand enrol : commands(plan, EnrolFairEmployerCommand.class)) {
            PlanRecruitmentFairCommand fair = fairs.get(enrol.fairId());
            assertThat(employerAreas.get(enrol.employerId())).startsWith(fair.organiserAgencyId());
            assertThat(enrol.recordedOn()).isAfterOrEqualTo(fair.recordedOn()).isBefore(fair.heldOn());
            assertThat(enrol.vacancyIds()).isNotEmpty().allSatisfy(vacancyId -> {
                assertThat(published.get(vacancyId)).isBeforeOrEqualTo(enrol.recordedOn());
                assertThat(closed).doesNotContain(vacancyId);
            });
            employersPerFair.merge(enrol.fairId(), 1L, Long::sum);
        }
        assertThat(employersPerFair.keySet()).isEqualTo(fairs.keySet());
        assertThat(employersPerFair.values()).allSatisfy(n -> assertThat(n).isBetween(1L, (long) FairPlanner.MAX_EMPLOYERS));

        Map<String, List<PlannedCommand>> cases = byCase(plan);
        Map<String, Set<String>> invited = new HashMap<>();
        Map<String, Integer> uninvited = new HashMap<>();
        Map<String, LocalDate> lastAttended = new HashMap<>();
        Map<String, LocalDate> closedOn = new HashMap<>();
        for (PlannedCommand c : plan) {
            if (c.command() instanceof InviteToFairCommand invite) {
                PlanRecruitmentFairCommand fair = fairs.get(invite.fairId());
                assertThat(c.followUpOf()).isEqualTo(fair.fairId());
                assertThat(closedOn).doesNotContainKey(fair.fairId());
                List<PlannedCommand> person = cases.get(invite.caseId());
                assertThat(person.get(0).agencyId()).startsWith(fair.organiserAgencyId());
                assertThat(invite.invitedOn()).isAfterOrEqualTo(registeredOn(person))
                        .isBeforeOrEqualTo(fair.heldOn()).isBeforeOrEqualTo(TODAY);
                assertThat(invited.computeIfAbsent(fair.fairId(), id -> new HashSet<>()).add(invite.caseId())).isTrue();
            } else if (c.command() instanceof RecordFairAttendanceCommand attend) {
                PlanRecruitmentFairCommand fair = fairs.get(attend.fairId());
                assertThat(c.followUpOf()).isEqualTo(fair.fairId());
                assertThat(closedOn).doesNotContainKey(fair.fairId());
                List<PlannedCommand> person = cases.get(attend.caseId());
                assertThat(person.get(0).agencyId()).startsWith(fair.organiserAgencyId());
                assertThat(attend.attendedOn()).isBetween(fair.heldOn(), fair.heldOn().plusDays(2))
                        .isAfterOrEqualTo(registeredOn(person)).isBeforeOrEqualTo(TODAY);
                LocalDate endsOn = spellEnd(person);
                if (endsOn != null) {
                    assertThat(attend.attendedOn()).isBefore(endsOn);
                }
                if (!invited.getOrDefault(fair.fairId(), Set.of()).contains(attend.caseId())) {
                    uninvited.merge(fair.fairId(), 1, Integer::sum);
                }
                lastAttended.merge(fair.fairId(), attend.attendedOn(), (a, b) -> a.isAfter(b) ? a : b);
            } else if (c.command() instanceof CloseRecruitmentFairCommand close) {
                assertThat(c.followUpOf()).isEqualTo(close.fairId());
                assertThat(closedOn.put(close.fairId(), close.closedOn())).as("closed once").isNull();
                assertThat(close.closedOn()).isAfterOrEqualTo(fairs.get(close.fairId()).heldOn())
                        .isAfterOrEqualTo(lastAttended.getOrDefault(close.fairId(), LocalDate.MIN));
            }
        }
        // JOB-5: a job seeker who came is referred there to a vacancy the fair offers, on the day of the visit.
        Map<String, Set<String>> offeredAt = new HashMap<>();
        commands(plan, EnrolFairEmployerCommand.class).forEach(enrol ->
                offeredAt.computeIfAbsent(enrol.fairId(), id -> new HashSet<>()).addAll(enrol.vacancyIds()));
        Set<String> visits = commands(plan, RecordFairAttendanceCommand.class).stream()
                .map(attend -> attend.fairId() + attend.caseId() + attend.attendedOn()).collect(Collectors.toSet());
        List<ReferJobSeekerCommand> atFairs = commands(plan, ReferJobSeekerCommand.class).stream()
                .filter(refer -> refer.fairId() != null).toList();
        assertThat(atFairs).isNotEmpty();
        // JOB-4: no other referral of the person to that vacancy, which could still be open.
        Map<String, Long> perPersonAndVacancy = commands(plan, ReferJobSeekerCommand.class).stream()
                .collect(Collectors.groupingBy(refer -> refer.caseId() + refer.vacancyId(), Collectors.counting()));
        assertThat(atFairs).allSatisfy(refer -> {
            assertThat(perPersonAndVacancy.get(refer.caseId() + refer.vacancyId())).isOne();
            assertThat(offeredAt.get(refer.fairId())).contains(refer.vacancyId());
            assertThat(visits).contains(refer.fairId() + refer.caseId() + refer.referredOn());
        });
        assertThat(invited.values()).allSatisfy(persons -> assertThat(persons).hasSizeLessThanOrEqualTo(
                FairPlanner.MAX_INVITED));
        assertThat(uninvited.values()).allSatisfy(n -> assertThat(n).isLessThanOrEqualTo(FairPlanner.MAX_UNINVITED));
        assertThat(invited.values().stream().mapToInt(Set::size).sum()).isGreaterThan(fairs.size());
        assertThat(lastAttended).isNotEmpty();
        // Every fair held three days ago or earlier is closed; none is before it is held.
        assertThat(closedOn.keySet()).containsAll(fairs.values().stream()
                .filter(f -> !f.heldOn().plusDays(3).isAfter(TODAY)).map(PlanRecruitmentFairCommand::fairId).toList());
        assertThat(closedOn.keySet()).allSatisfy(fairId -> assertThat(fairs.get(fairId).heldOn()).isBeforeOrEqualTo(TODAY));
    }

    /**
     * SUB-4..SUB-7: objections to approvals still in publicity; an older approval is paid, as a follow-up,
     * weeks after publicity and before its payment limit, exactly the amount of its level with the allowance
     * where claimed.
     */
    @Test
    void approvedSubsidiesArePaidTheirAmountAfterPublicityAndInTime() {
        List<PlannedCommand> plan = SyntheticCity.plan(2026, 3 * LARGE_CITY, TODAY, AGENCIES);

        Map<String, SubmitCertificateCommand> submissions = commands(plan, SubmitCertificateCommand.class).stream()
                .collect(Collectors.toMap(SubmitCertificateCommand::applicationId, Function.identity()));
        Map<String, LocalDate> approvedOn = commands(plan, ApproveSubsidyCommand.class).stream()
                .collect(Collectors.toMap(ApproveSubsidyCommand::applicationId, ApproveSubsidyCommand::decidedOn));
        // Objections only while publicity lasts beyond today: an older approval's publicity is ended by the
        // platform's clock as soon as it arrives, and a later objection would be refused.
        Map<String, RaiseSubsidyObjectionCommand> objections = commands(plan, RaiseSubsidyObjectionCommand.class)
                .stream().collect(Collectors.toMap(RaiseSubsidyObjectionCommand::objectionId, Function.identity()));
        assertThat(objections).isNotEmpty();
        Set<String> objected = new HashSet<>();
        for (RaiseSubsidyObjectionCommand raised : objections.values()) {
            LocalDate decidedOn = approvedOn.get(raised.applicationId());
            assertThat(decidedOn).isAfterOrEqualTo(TODAY.minusDays(SubsidyPlanner.LAST_OBJECTION_DECISION_DAYS));
            // Publicity: 5 working days from the day after the approval, never fewer than 5 calendar days.
            assertThat(raised.raisedOn()).isAfter(decidedOn).isBeforeOrEqualTo(decidedOn.plusDays(3))
                    .isBeforeOrEqualTo(TODAY);
            objected.add(raised.applicationId());
        }
        for (ResolveSubsidyObjectionCommand resolve : commands(plan, ResolveSubsidyObjectionCommand.class)) {
            assertThat(resolve.resolvedOn()).isAfterOrEqualTo(objections.get(resolve.objectionId()).raisedOn())
                    .isBeforeOrEqualTo(TODAY);
        }

        Map<String, PlannedCommand> payments = new HashMap<>();
        for (PlannedCommand c : plan) {
            if (c.command() instanceof RecordSubsidyPaymentCommand pay) {
                assertThat(c.followUpOf()).isEqualTo(pay.caseId());
                assertThat(payments.put(pay.applicationId(), c)).as("paid once").isNull();
                assertThat(objected).doesNotContain(pay.applicationId());
                LocalDate decidedOn = approvedOn.get(pay.applicationId());
                assertThat(pay.paidOn()).isBetween(decidedOn.plusDays(SubsidyPlanner.FIRST_PAYMENT_DAY),
                        decidedOn.plusDays(SubsidyPlanner.LAST_PAYMENT_DAY)).isBeforeOrEqualTo(TODAY);
                SubmitCertificateCommand submit = submissions.get(pay.applicationId());
                BigDecimal expected = SubsidyPolicy.DEFAULT.amountFor(submit.certificate().level()).orElseThrow()
                        .add(submit.allowanceClaim() == null ? BigDecimal.ZERO : new BigDecimal("500"));
                assertThat(pay.amount()).isEqualByComparingTo(expected);
                assertThat(c.agencyId()).isEqualTo(submit.departmentId());
            }
        }
        assertThat(payments).isNotEmpty();
        approvedOn.forEach((applicationId, decidedOn) -> {
            if (decidedOn.plusDays(SubsidyPlanner.LAST_PAYMENT_DAY).isBefore(TODAY)) {
                assertThat(payments).as("paid by its latest day").containsKey(applicationId);
            }
        });
    }

    /** The interest of each repaid quarter is subsidised once, in part, for periods within the loan's life. */
    @Test
    void interestIsSubsidisedPeriodByPeriodWithinTheLoan() {
        List<PlannedCommand> plan = SyntheticCity.plan(2026, 3 * LARGE_CITY, TODAY, AGENCIES);

        Map<String, LocalDate> disbursedOn = commands(plan, RecordLoanDisbursementCommand.class).stream()
                .collect(Collectors.toMap(RecordLoanDisbursementCommand::loanId, RecordLoanDisbursementCommand::disbursedOn));
        Map<String, Set<LocalDate>> repaidOn = new HashMap<>();
        commands(plan, RecordLoanRepaymentCommand.class).forEach(r ->
                repaidOn.computeIfAbsent(r.loanId(), id -> new HashSet<>()).add(r.paidOn()));
        Map<String, LocalDate> lastPeriodEnd = new HashMap<>();
        List<RecordInterestSubsidyCommand> subsidies = commands(plan, RecordInterestSubsidyCommand.class);
        assertThat(subsidies).isNotEmpty();
        for (RecordInterestSubsidyCommand subsidy : subsidies) {
            LocalDate previousEnd = lastPeriodEnd.get(subsidy.loanId());
            assertThat(subsidy.periodFrom()).isEqualTo(previousEnd == null ? disbursedOn.get(subsidy.loanId())
                    : previousEnd.plusDays(1));
            assertThat(subsidy.periodTo()).isAfter(subsidy.periodFrom()).isIn(repaidOn.get(subsidy.loanId()));
            assertThat(subsidy.paidOn()).isAfter(subsidy.periodTo()).isBeforeOrEqualTo(TODAY);
            assertThat(subsidy.subsidy()).isPositive().isLessThan(subsidy.interest());
            lastPeriodEnd.put(subsidy.loanId(), subsidy.periodTo());
        }
    }

    @Test
    void trainingIsAtADesignatedInstitutionAndEndsAfterItStarts() {
        List<PlannedCommand> plan = SyntheticCity.plan(2026, LARGE_CITY, TODAY, AGENCIES);

        Map<String, EnrolInEntrepreneurshipTrainingCommand> enrolments = commands(plan,
                EnrolInEntrepreneurshipTrainingCommand.class).stream()
                .collect(Collectors.toMap(EnrolInEntrepreneurshipTrainingCommand::trainingId, Function.identity()));
        assertThat(enrolments.values()).allSatisfy(e -> {
            assertThat(e.institutionId()).isIn("990101-SYB-01", "9901-NET-01", "990102-SYB-01");
            assertThat(e.startsOn()).isAfterOrEqualTo(e.recordedOn()).isBeforeOrEqualTo(TODAY);
        });
        commands(plan, CompleteEntrepreneurshipTrainingCommand.class).forEach(c ->
                assertThat(c.completedOn()).isAfterOrEqualTo(enrolments.get(c.trainingId()).startsOn()));
        commands(plan, RecordTrainingDropOutCommand.class).forEach(d ->
                assertThat(d.droppedOutOn()).isAfterOrEqualTo(enrolments.get(d.trainingId()).startsOn()));
    }

    private static <T> List<T> commands(List<PlannedCommand> plan, Class<T> type) {
        return plan.stream().map(PlannedCommand::command).filter(type::isInstance).map(type::cast).toList();
    }

    private static long casesWith(List<PlannedCommand> plan, Class<?> type) {
        return plan.stream().filter(c -> type.isInstance(c.command())).map(PlannedCommand::caseId).distinct().count();
    }

    private static Map<String, List<PlannedCommand>> byCase(List<PlannedCommand> plan) {
        return plan.stream().filter(PlannedCommand::forCase)
                .collect(Collectors.groupingBy(PlannedCommand::caseId, LinkedHashMap::new, Collectors.toList()));
    }

    private static RegisterUnemploymentCommand registration(List<PlannedCommand> plan, String caseId) {
        return commands(plan, RegisterUnemploymentCommand.class).stream().filter(r -> r.newCaseId().equals(caseId))
                .findFirst().orElseThrow();
    }

    /** The day the registration took effect: at a window on application, online on approval; null while pending. */
    private static LocalDate registeredOn(List<PlannedCommand> commands) {
        for (PlannedCommand c : commands) {
            if (c.command() instanceof ApproveRegistrationCommand approve) {
                return approve.decidedOn();
            }
        }
        RegisterUnemploymentCommand register = (RegisterUnemploymentCommand) commands.get(0).command();
        return register.presentedDocument() != null ? register.applicationDate() : null;
    }

    /** The first day the spell is over, as the loan rules see it: the first day of work or the cancellation. */
    private static LocalDate spellEnd(List<PlannedCommand> commands) {
        for (PlannedCommand c : commands) {
            if (c.command() instanceof RecordEmploymentCommand employment) {
                return employment.employment().startDate();
            } else if (c.command() instanceof RecordTrackingContactCommand contact && contact.employment() != null) {
                return contact.employment().startDate();
            } else if (c.command() instanceof CancelRegistrationCommand cancel) {
                return cancel.effectiveDate();
            } else if (c.command() instanceof RecordReferralOutcomeCommand outcome
                    && outcome.outcome() == ReferralOutcome.HIRED) {
                return outcome.startDate();
            }
        }
        return null;
    }

    /** The day a command says it was recorded or decided on, where it says one. */
    private static LocalDate ownDay(Object command) {
        if (command instanceof RegisterUnemploymentCommand c) {
            return c.applicationDate();
        } else if (command instanceof ApproveRegistrationCommand c) {
            return c.decidedOn();
        } else if (command instanceof RecordTrackingContactCommand c) {
            return c.recordedOn();
        } else if (command instanceof RecordEmploymentCommand c) {
            return c.recordedOn();
        } else if (command instanceof CancelRegistrationCommand c) {
            return c.recordedOn();
        } else if (command instanceof SubmitCertificateCommand c) {
            return c.recordedOn();
        } else if (command instanceof BeginSubsidyReviewCommand c) {
            return c.startedOn();
        } else if (command instanceof ApproveSubsidyCommand c) {
            return c.decidedOn();
        } else if (command instanceof RejectSubsidyCommand c) {
            return c.decidedOn();
        } else if (command instanceof RegisterEmployerCommand c) {
            return c.registeredOn();
        } else if (command instanceof PostVacancyCommand c) {
            return c.postedOn();
        } else if (command instanceof PublishVacancyCommand c) {
            return c.reviewedOn();
        } else if (command instanceof RejectVacancyCommand c) {
            return c.reviewedOn();
        } else if (command instanceof CloseVacancyCommand c) {
            return c.closedOn();
        } else if (command instanceof RegisterJobSeekingCommand c) {
            return c.recordedOn();
        } else if (command instanceof PublishJobSeekingCommand c) {
            return c.decidedOn();
        } else if (command instanceof ReferJobSeekerCommand c) {
            return c.recordedOn();
        } else if (command instanceof RecordReferralOutcomeCommand c) {
            return c.recordedOn();
        } else if (command instanceof EnrolInEntrepreneurshipTrainingCommand c) {
            return c.recordedOn();
        } else if (command instanceof CompleteEntrepreneurshipTrainingCommand c) {
            return c.completedOn();
        } else if (command instanceof RecordTrainingDropOutCommand c) {
            return c.droppedOutOn();
        } else if (command instanceof ApplyForGuaranteeLoanCommand c) {
            return c.recordedOn();
        } else if (command instanceof ApproveGuaranteeLoanCommand c) {
            return c.approvedOn();
        } else if (command instanceof DeclineGuaranteeLoanCommand c) {
            return c.declinedOn();
        } else if (command instanceof RecordLoanDisbursementCommand c) {
            return c.disbursedOn();
        } else if (command instanceof RecordLoanRepaymentCommand c) {
            return c.paidOn();
        } else if (command instanceof RecordInterestSubsidyCommand c) {
            return c.paidOn();
        } else if (command instanceof RaiseSubsidyObjectionCommand c) {
            return c.raisedOn();
        } else if (command instanceof ResolveSubsidyObjectionCommand c) {
            return c.resolvedOn();
        } else if (command instanceof RecordSubsidyPaymentCommand c) {
            return c.recordedOn();
        } else if (command instanceof PlanRecruitmentFairCommand c) {
            return c.recordedOn();
        } else if (command instanceof EnrolFairEmployerCommand c) {
            return c.recordedOn();
        } else if (command instanceof InviteToFairCommand c) {
            return c.invitedOn();
        } else if (command instanceof RecordFairAttendanceCommand c) {
            return c.attendedOn();
        } else if (command instanceof CloseRecruitmentFairCommand c) {
            return c.closedOn();
        }
        throw new AssertionError("a command the test does not know: " + command.getClass().getSimpleName());
    }
}
