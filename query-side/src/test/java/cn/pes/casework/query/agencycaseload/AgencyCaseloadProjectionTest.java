package cn.pes.casework.query.agencycaseload;

import cn.pes.casework.events.registration.FindPendingApplicationsQuery;
import cn.pes.casework.events.registration.PendingApplication;
import cn.pes.casework.events.registration.PendingApplicationsView;
import cn.pes.casework.events.shared.Channel;
import cn.pes.casework.events.tracking.EmploymentStatus;
import cn.pes.casework.events.tracking.FindUncontactedCasesPageQuery;
import cn.pes.casework.events.tracking.FindUncontactedCasesQuery;
import cn.pes.casework.events.tracking.UncontactedCase;
import cn.pes.casework.events.tracking.UncontactedCasesPage;
import cn.pes.casework.events.tracking.UncontactedCasesView;
import cn.pes.casework.query.support.CaseEvents;
import cn.pes.casework.query.support.ProjectionTestBase;
import org.axonframework.eventhandling.DomainEventMessage;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import static cn.pes.casework.query.support.CaseEvents.OTHER_STREET_AGENCY;
import static cn.pes.casework.query.support.CaseEvents.STREET_AGENCY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class AgencyCaseloadProjectionTest extends ProjectionTestBase {

    private static final YearMonth NOVEMBER = YearMonth.of(2026, 11);

    private final CaseEvents contacted = CaseEvents.newCase();
    private final CaseEvents notContacted = CaseEvents.newCase();
    private final CaseEvents registeredLate = CaseEvents.newCase();
    private final CaseEvents employed = CaseEvents.newCase();

    private UncontactedCasesView uncontacted(String agencyId, YearMonth month) {
        return projections.agencyCaseload.handle(new FindUncontactedCasesQuery(agencyId, month));
    }

    private PendingApplicationsView pending(LocalDate asOf, boolean overdueOnly) {
        return projections.agencyCaseload.handle(new FindPendingApplicationsQuery(STREET_AGENCY, asOf, overdueOnly));
    }

    private List<DomainEventMessage<?>> fourCases() {
        List<DomainEventMessage<?>> stream = new ArrayList<>();
        stream.add(contacted.next(contacted.opened(CaseEvents.person("110105199001011111", "甲"))));
        stream.add(contacted.next(contacted.registered(1, LocalDate.of(2026, 9, 1), STREET_AGENCY)));
        stream.add(contacted.next(contacted.phoneContact(1, "a-1", LocalDate.of(2026, 10, 9), EmploymentStatus.UNEMPLOYED, STREET_AGENCY)));
        stream.add(contacted.next(contacted.phoneContact(1, "a-2", LocalDate.of(2026, 11, 9), EmploymentStatus.UNEMPLOYED, STREET_AGENCY)));
        stream.add(notContacted.next(notContacted.opened(CaseEvents.person("110105199001012222", "乙"))));
        stream.add(notContacted.next(notContacted.registered(1, LocalDate.of(2026, 8, 3), STREET_AGENCY)));
        stream.add(notContacted.next(notContacted.phoneContact(1, "b-1", LocalDate.of(2026, 10, 20), EmploymentStatus.UNEMPLOYED, STREET_AGENCY)));
        stream.add(registeredLate.next(registeredLate.opened(CaseEvents.person("110105199001013333", "丙"))));
        stream.add(registeredLate.next(registeredLate.registered(1, LocalDate.of(2026, 12, 1), STREET_AGENCY)));
        stream.add(employed.next(employed.opened(CaseEvents.person("110105199001014444", "丁"))));
        stream.add(employed.next(employed.registered(1, LocalDate.of(2026, 7, 1), STREET_AGENCY)));
        stream.add(employed.next(employed.phoneContact(1, "d-1", LocalDate.of(2026, 11, 2), EmploymentStatus.EMPLOYED_BY_UNIT, STREET_AGENCY)));
        stream.add(employed.next(employed.employed(1, LocalDate.of(2026, 11, 1), "d-1", STREET_AGENCY)));
        return stream;
    }

    @Test
    void uncontactedCasesOfAMonth() {
        projections.deliver(fourCases().toArray(DomainEventMessage[]::new));

        UncontactedCasesView november = uncontacted(STREET_AGENCY, NOVEMBER);
        assertThat(november.agencyId()).isEqualTo(STREET_AGENCY);
        assertThat(november.month()).isEqualTo(NOVEMBER);
        assertThat(november.activeCases()).isEqualTo(2);
        assertThat(november.cases()).singleElement().satisfies(c -> {
            assertThat(c.caseId()).isEqualTo(notContacted.caseId());
            assertThat(c.person().name()).isEqualTo("乙");
            assertThat(c.registeredOn()).isEqualTo(LocalDate.of(2026, 8, 3));
            assertThat(c.lastContactDate()).isEqualTo(LocalDate.of(2026, 10, 20));
        });

        UncontactedCasesView december = uncontacted(STREET_AGENCY, YearMonth.of(2026, 12));
        assertThat(december.activeCases()).isEqualTo(3);
        assertThat(december.cases()).extracting(UncontactedCase::caseId)
                                    .containsExactly(notContacted.caseId(), contacted.caseId(), registeredLate.caseId());
        assertThat(december.cases().get(1).lastContactDate()).isEqualTo(LocalDate.of(2026, 11, 9));

        UncontactedCasesView october = uncontacted(STREET_AGENCY, YearMonth.of(2026, 10));
        assertThat(october.cases()).isEmpty();
        assertThat(october.activeCases()).isEqualTo(2);

        assertThat(uncontacted(OTHER_STREET_AGENCY, NOVEMBER).activeCases()).isZero();
    }

    @Test
    void pagesTogetherAreTheWholeListInItsOrder() {
        List<DomainEventMessage<?>> stream = fourCases();
        for (int i = 0; i < 6; i++) {
            CaseEvents more = CaseEvents.newCase();
            stream.add(more.next(more.opened(CaseEvents.person("11010519900102" + (1000 + i), "戊" + i))));
            // Two by two on the same day, so that the case ID orders them within a day.
            stream.add(more.next(more.registered(1, LocalDate.of(2026, 10, 1 + i / 2), STREET_AGENCY)));
        }
        projections.deliver(stream.toArray(DomainEventMessage[]::new));
        UncontactedCasesView whole = uncontacted(STREET_AGENCY, NOVEMBER);
        assertThat(whole.cases()).hasSize(7);

        List<UncontactedCase> paged = new ArrayList<>();
        for (int page = 1; page <= 3; page++) {
            UncontactedCasesPage answer = page(page, 3);
            assertThat(answer.totalUncontacted()).isEqualTo(7);
            assertThat(answer.activeCases()).isEqualTo(whole.activeCases()).isEqualTo(8);
            assertThat(answer.month()).isEqualTo(NOVEMBER);
            assertThat(answer.page()).isEqualTo(page);
            assertThat(answer.size()).isEqualTo(3);
            paged.addAll(answer.cases());
        }
        assertThat(paged).isEqualTo(whole.cases());
        assertThat(paged).isSortedAccordingTo(Comparator.comparing(UncontactedCase::registeredOn)
                                                        .thenComparing(UncontactedCase::caseId));
        assertThat(page(3, 3).cases()).hasSize(1);
        assertThat(page(4, 3).cases()).isEmpty();
        assertThat(page(4, 3).totalUncontacted()).isEqualTo(7);
        assertThat(page(1, 500).cases()).isEqualTo(whole.cases());
    }

    @Test
    void aPageStartsAtOne() {
        assertThatIllegalArgumentException().isThrownBy(() -> page(0, 3));
        assertThatIllegalArgumentException().isThrownBy(() -> page(1, 0));
    }

    private UncontactedCasesPage page(int page, int size) {
        return projections.agencyCaseload.handle(new FindUncontactedCasesPageQuery(STREET_AGENCY, NOVEMBER, page, size));
    }

    @Test
    void theSameResultWhenReplayedInBatchesAndRedelivered() {
        List<DomainEventMessage<?>> stream = fourCases();
        projections.deliverBatch(stream);
        var before = fixture.dump();

        projections.deliverBatch(stream);
        projections.deliver(stream.toArray(DomainEventMessage[]::new));

        assertThat(fixture.dump()).isEqualTo(before);
        assertThat(uncontacted(STREET_AGENCY, NOVEMBER).cases()).extracting(UncontactedCase::caseId)
                                                                .containsExactly(notContacted.caseId());
    }

    @Test
    void anOldRegistrationAfterTheEmploymentDoesNotBringTheCaseBack() {
        List<DomainEventMessage<?>> stream = fourCases();
        projections.deliver(stream.toArray(DomainEventMessage[]::new));

        projections.deliver(stream.get(10));

        assertThat(uncontacted(STREET_AGENCY, NOVEMBER).cases()).extracting(UncontactedCase::caseId)
                                                                .doesNotContain(employed.caseId());
        assertThat(uncontacted(STREET_AGENCY, NOVEMBER).activeCases()).isEqualTo(2);
    }

    @Test
    void aNewSpellAtAnotherAgencyMovesTheCase() {
        projections.deliver(employed.at(0, employed.opened(CaseEvents.person("110105199001014444", "丁"))),
                            employed.at(1, employed.registered(1, LocalDate.of(2026, 7, 1), STREET_AGENCY)),
                            employed.at(2, employed.cancelled(1, LocalDate.of(2026, 8, 1), STREET_AGENCY)),
                            employed.at(3, employed.registered(2, LocalDate.of(2026, 10, 1), OTHER_STREET_AGENCY)));

        assertThat(uncontacted(STREET_AGENCY, NOVEMBER).activeCases()).isZero();
        assertThat(uncontacted(OTHER_STREET_AGENCY, NOVEMBER).cases()).singleElement()
                .satisfies(c -> assertThat(c.registeredOn()).isEqualTo(LocalDate.of(2026, 10, 1)));
    }

    @Test
    void pendingApplicationsAreOverdueWhenDueBeforeAsOf() {
        CaseEvents dueMonday = CaseEvents.newCase();
        CaseEvents dueFriday = CaseEvents.newCase();
        projections.deliver(
                dueMonday.next(dueMonday.opened(CaseEvents.person("110105199001011111", "甲"))),
                dueMonday.next(dueMonday.applied(1, LocalDate.of(2026, 11, 19), LocalDate.of(2026, 11, 23), STREET_AGENCY)),
                dueFriday.next(dueFriday.opened(CaseEvents.person("110105199001012222", "乙"))),
                dueFriday.next(dueFriday.applied(1, LocalDate.of(2026, 11, 25), LocalDate.of(2026, 11, 27), STREET_AGENCY)));

        PendingApplicationsView all = pending(LocalDate.of(2026, 11, 27), false);
        assertThat(all.agencyId()).isEqualTo(STREET_AGENCY);
        assertThat(all.asOf()).isEqualTo(LocalDate.of(2026, 11, 27));
        assertThat(all.applications()).extracting(PendingApplication::caseId, PendingApplication::overdue)
                                       .containsExactly(org.assertj.core.groups.Tuple.tuple(dueMonday.caseId(), true),
                                                        org.assertj.core.groups.Tuple.tuple(dueFriday.caseId(), false));
        PendingApplication first = all.applications().get(0);
        assertThat(first.spell()).isEqualTo(1);
        assertThat(first.person().name()).isEqualTo("甲");
        assertThat(first.channel()).isEqualTo(Channel.CITY_PES_CLOUD);
        assertThat(first.appliedOn()).isEqualTo(LocalDate.of(2026, 11, 19));
        assertThat(first.decisionDueOn()).isEqualTo(LocalDate.of(2026, 11, 23));
        assertThat(first.dueDateProvisional()).isFalse();

        assertThat(pending(LocalDate.of(2026, 11, 27), true).applications()).extracting(PendingApplication::caseId)
                                                                              .containsExactly(dueMonday.caseId());
        assertThat(pending(LocalDate.of(2026, 11, 28), true).applications()).hasSize(2);
        assertThat(pending(LocalDate.of(2026, 11, 23), true).applications()).isEmpty();
        // No asOf: today by the clock, 2026-11-27.
        assertThat(pending(null, true).applications()).hasSize(1);
    }

    @Test
    void anApprovedApplicationLeavesThePendingListAndBecomesActive() {
        projections.deliverBatch(
                contacted.next(contacted.opened(CaseEvents.person("110105199001011111", "甲"))),
                contacted.next(contacted.applied(1, LocalDate.of(2026, 11, 19), LocalDate.of(2026, 11, 23), STREET_AGENCY)),
                contacted.next(contacted.approved(1, LocalDate.of(2026, 11, 20))),
                contacted.next(contacted.registeredOnline(1, LocalDate.of(2026, 11, 20), STREET_AGENCY)),
                notContacted.next(notContacted.opened(CaseEvents.person("110105199001012222", "乙"))),
                notContacted.next(notContacted.applied(1, LocalDate.of(2026, 11, 19), LocalDate.of(2026, 11, 23), STREET_AGENCY)),
                notContacted.next(notContacted.rejected(1, LocalDate.of(2026, 11, 20), "不符合条件")));

        assertThat(pending(LocalDate.of(2026, 11, 27), false).applications()).isEmpty();
        assertThat(uncontacted(STREET_AGENCY, NOVEMBER).cases()).extracting(UncontactedCase::caseId)
                                                                .containsExactly(contacted.caseId());
    }
}
