package cn.pes.casework.platform.demo;

import cn.pes.casework.events.cancellation.CancelRegistrationCommand;
import cn.pes.casework.events.employment.RecordEmploymentCommand;
import cn.pes.casework.events.registration.RegisterUnemploymentCommand;
import cn.pes.casework.events.shared.IdNumberFormat;
import cn.pes.casework.events.tracking.ContactMethod;
import cn.pes.casework.events.tracking.RecordTrackingContactCommand;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.Period;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

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
}
