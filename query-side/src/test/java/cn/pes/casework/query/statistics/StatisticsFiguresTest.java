package cn.pes.casework.query.statistics;

import cn.pes.casework.events.registration.FindPendingApplicationsQuery;
import cn.pes.casework.events.statistics.CaseloadFigures;
import cn.pes.casework.events.statistics.ContactFigures;
import cn.pes.casework.events.statistics.FindCaseloadFiguresQuery;
import cn.pes.casework.events.statistics.FindContactFiguresQuery;
import cn.pes.casework.events.tracking.EmploymentStatus;
import cn.pes.casework.events.tracking.FindTrackingLedgerQuery;
import cn.pes.casework.events.tracking.FindUncontactedCasesQuery;
import cn.pes.casework.events.tracking.UncontactedCasesView;
import cn.pes.casework.query.support.CaseEvents;
import cn.pes.casework.query.support.ProjectionTestBase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;

import static cn.pes.casework.query.support.CaseEvents.OTHER_STREET_AGENCY;
import static cn.pes.casework.query.support.CaseEvents.STREET_AGENCY;
import static org.assertj.core.api.Assertions.assertThat;

/** The figure queries behind the statistics count what the agencies' lists show, over several agencies at once. */
class StatisticsFiguresTest extends ProjectionTestBase {

    private static final YearMonth OCTOBER = YearMonth.of(2026, 10);
    private static final YearMonth NOVEMBER = YearMonth.of(2026, 11);
    private static final LocalDate TODAY = LocalDate.of(2026, 11, 27);

    @BeforeEach
    void twoStreets() {
        CaseEvents contactedTwice = CaseEvents.newCase();
        CaseEvents notContacted = CaseEvents.newCase();
        CaseEvents employedAfterContact = CaseEvents.newCase();
        CaseEvents otherStreet = CaseEvents.newCase();
        CaseEvents overdue = CaseEvents.newCase();
        CaseEvents notYetDue = CaseEvents.newCase();
        projections.deliver(
                contactedTwice.next(contactedTwice.opened(CaseEvents.person("110105199001011111", "甲"))),
                contactedTwice.next(contactedTwice.registered(1, LocalDate.of(2026, 9, 1), STREET_AGENCY)),
                contactedTwice.next(contactedTwice.phoneContact(1, "a-1", LocalDate.of(2026, 11, 3),
                                                                EmploymentStatus.UNEMPLOYED, STREET_AGENCY)),
                contactedTwice.next(contactedTwice.phoneContact(1, "a-2", LocalDate.of(2026, 11, 19),
                                                                EmploymentStatus.UNEMPLOYED, STREET_AGENCY)),
                notContacted.next(notContacted.opened(CaseEvents.person("110105199001012222", "乙"))),
                notContacted.next(notContacted.registered(1, LocalDate.of(2026, 11, 10), STREET_AGENCY)),
                employedAfterContact.next(employedAfterContact.opened(CaseEvents.person("110105199001013333", "丙"))),
                employedAfterContact.next(employedAfterContact.registered(1, LocalDate.of(2026, 7, 1), STREET_AGENCY)),
                employedAfterContact.next(employedAfterContact.phoneContact(1, "c-1", LocalDate.of(2026, 11, 2),
                                                                            EmploymentStatus.EMPLOYED_BY_UNIT, STREET_AGENCY)),
                employedAfterContact.next(employedAfterContact.employed(1, LocalDate.of(2026, 11, 1), "c-1", STREET_AGENCY)),
                otherStreet.next(otherStreet.opened(CaseEvents.person("110105199001014444", "丁"))),
                otherStreet.next(otherStreet.registered(1, LocalDate.of(2026, 10, 5), OTHER_STREET_AGENCY)),
                otherStreet.next(otherStreet.phoneContact(1, "d-1", LocalDate.of(2026, 10, 6),
                                                          EmploymentStatus.UNEMPLOYED, OTHER_STREET_AGENCY)),
                overdue.next(overdue.opened(CaseEvents.person("110105199001015555", "戊"))),
                overdue.next(overdue.applied(1, LocalDate.of(2026, 11, 20), LocalDate.of(2026, 11, 25), STREET_AGENCY)),
                notYetDue.next(notYetDue.opened(CaseEvents.person("110105199001016666", "己"))),
                notYetDue.next(notYetDue.applied(1, LocalDate.of(2026, 11, 26), LocalDate.of(2026, 12, 3), OTHER_STREET_AGENCY)));
    }

    private CaseloadFigures caseload(YearMonth month, String... agencyIds) {
        return projections.agencyCaseload.handle(new FindCaseloadFiguresQuery(List.of(agencyIds), month, TODAY));
    }

    private ContactFigures contacts(YearMonth month, String... agencyIds) {
        return projections.trackingLedger.handle(new FindContactFiguresQuery(List.of(agencyIds), month));
    }

    @Test
    void oneAgencysFiguresAreTheSizesOfItsLists() {
        UncontactedCasesView list = projections.agencyCaseload.handle(new FindUncontactedCasesQuery(STREET_AGENCY, NOVEMBER));
        CaseloadFigures figures = caseload(NOVEMBER, STREET_AGENCY);

        assertThat(figures.activeCases()).isEqualTo(list.activeCases()).isEqualTo(2);
        assertThat(figures.uncontactedCases()).isEqualTo(list.cases().size()).isEqualTo(1);
        assertThat(figures.pendingApplications()).isEqualTo(projections.agencyCaseload
                .handle(new FindPendingApplicationsQuery(STREET_AGENCY, TODAY, false)).applications().size()).isEqualTo(1);
        assertThat(figures.overdueApplications()).isEqualTo(projections.agencyCaseload
                .handle(new FindPendingApplicationsQuery(STREET_AGENCY, TODAY, true)).applications().size()).isEqualTo(1);

        ContactFigures contacted = contacts(NOVEMBER, STREET_AGENCY);
        long ledgerCases = projections.trackingLedger.handle(new FindTrackingLedgerQuery(STREET_AGENCY, NOVEMBER))
                                                     .rows().stream().map(row -> row.caseId()).distinct().count();
        // The case that found work is no longer active, but it was contacted that month.
        assertThat(contacted.contactedCases()).isEqualTo((int) ledgerCases).isEqualTo(2);
        assertThat(contacted.contacts()).isEqualTo(3);
    }

    @Test
    void severalAgenciesAreSummedAndACaseCountsOnce() {
        CaseloadFigures both = caseload(NOVEMBER, STREET_AGENCY, OTHER_STREET_AGENCY, STREET_AGENCY);
        assertThat(both).isEqualTo(new CaseloadFigures(3, 2, 2, 1));
        assertThat(contacts(NOVEMBER, STREET_AGENCY, OTHER_STREET_AGENCY)).isEqualTo(new ContactFigures(2, 3));
        assertThat(contacts(OCTOBER, STREET_AGENCY, OTHER_STREET_AGENCY)).isEqualTo(new ContactFigures(1, 1));
    }

    @Test
    void aPastMonthCountsOnlyCasesRegisteredByItsEnd() {
        // October: the case registered on 11-10 did not exist yet; nobody in STREET_AGENCY was contacted.
        assertThat(caseload(OCTOBER, STREET_AGENCY)).isEqualTo(new CaseloadFigures(1, 1, 1, 1));
    }

    @Test
    void unknownOrNoAgenciesCountNothing() {
        assertThat(caseload(NOVEMBER)).isEqualTo(new CaseloadFigures(0, 0, 0, 0));
        assertThat(caseload(NOVEMBER, "990199999")).isEqualTo(new CaseloadFigures(0, 0, 0, 0));
        assertThat(contacts(NOVEMBER)).isEqualTo(new ContactFigures(0, 0));
        assertThat(contacts(null, STREET_AGENCY)).isEqualTo(new ContactFigures(0, 0));
    }
}
