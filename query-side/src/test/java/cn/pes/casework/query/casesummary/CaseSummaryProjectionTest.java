package cn.pes.casework.query.casesummary;

import cn.pes.casework.events.casefile.CaseView;
import cn.pes.casework.events.casefile.FindCaseQuery;
import cn.pes.casework.events.casefile.RegistrationStatus;
import cn.pes.casework.events.casefile.SpellView;
import cn.pes.casework.events.shared.Channel;
import cn.pes.casework.events.shared.PersonCategory;
import cn.pes.casework.events.shared.Sex;
import cn.pes.casework.events.tracking.ContactMethod;
import cn.pes.casework.events.tracking.EmploymentStatus;
import cn.pes.casework.query.support.CaseEvents;
import cn.pes.casework.query.support.ProjectionTestBase;
import org.axonframework.eventhandling.DomainEventMessage;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import static cn.pes.casework.query.support.CaseEvents.OTHER_STREET_AGENCY;
import static cn.pes.casework.query.support.CaseEvents.STREET_AGENCY;
import static org.assertj.core.api.Assertions.assertThat;

class CaseSummaryProjectionTest extends ProjectionTestBase {

    private final CaseEvents events = CaseEvents.newCase();

    private CaseView view() {
        return projections.caseSummary.handle(new FindCaseQuery(events.caseId()));
    }

    @Test
    void unknownCaseIsNull() {
        assertThat(view()).isNull();
    }

    @Test
    void openedCaseIsNotRegistered() {
        projections.deliver(events.next(events.opened(CaseEvents.person("110105199001011234", "张三"))));

        CaseView view = view();
        assertThat(view.caseId()).isEqualTo(events.caseId());
        assertThat(view.person().name()).isEqualTo("张三");
        assertThat(view.birthYear()).isEqualTo(1990);
        assertThat(view.sex()).isEqualTo(Sex.MALE);
        assertThat(view.status()).isEqualTo(RegistrationStatus.NOT_REGISTERED);
        assertThat(view.agencyId()).isEqualTo(STREET_AGENCY);
        assertThat(view.spells()).isEmpty();
        assertThat(view.lastContact()).isNull();
        assertThat(view.lastSequence()).isZero();
        assertThat(view.updatedAt()).isEqualTo(CaseEvents.T0);
    }

    @Test
    void registerContactEmployAndRegisterAgainGivesTwoSpells() {
        projections.deliver(
                events.next(events.opened(CaseEvents.person("110105199001011234", "张三"))),
                events.next(events.registered(1, LocalDate.of(2026, 3, 2), STREET_AGENCY)),
                events.next(events.phoneContact(1, "c-1", LocalDate.of(2026, 4, 8), EmploymentStatus.UNEMPLOYED, STREET_AGENCY)),
                events.next(events.phoneContact(1, "c-2", LocalDate.of(2026, 5, 6), EmploymentStatus.EMPLOYED_BY_UNIT, STREET_AGENCY)),
                events.next(events.employed(1, LocalDate.of(2026, 5, 1), "c-2", STREET_AGENCY)),
                events.next(events.registered(2, LocalDate.of(2026, 10, 12), OTHER_STREET_AGENCY)));

        CaseView view = view();
        assertThat(view.status()).isEqualTo(RegistrationStatus.ACTIVE);
        assertThat(view.agencyId()).isEqualTo(OTHER_STREET_AGENCY);
        assertThat(view.categories()).containsExactly(PersonCategory.EMPLOYMENT_DIFFICULTY);
        assertThat(view.lastSequence()).isEqualTo(5);
        assertThat(view.updatedAt()).isEqualTo(CaseEvents.T0.plusSeconds(5 * 60));
        assertThat(view.spells()).hasSize(2);

        SpellView first = view.spells().get(0);
        assertThat(first.spell()).isEqualTo(1);
        assertThat(first.status()).isEqualTo(RegistrationStatus.EMPLOYED);
        assertThat(first.channel()).isEqualTo(Channel.WINDOW);
        assertThat(first.agencyId()).isEqualTo(STREET_AGENCY);
        assertThat(first.registeredOn()).isEqualTo(LocalDate.of(2026, 3, 2));
        assertThat(first.reason()).isEqualTo("LOST_JOB");
        assertThat(first.endedOn()).isEqualTo(LocalDate.of(2026, 5, 1));
        assertThat(first.endedBy()).isEqualTo(RegistrationStatus.EMPLOYED);
        assertThat(first.endNote()).isEqualTo("EMPLOYED_BY_UNIT");

        SpellView second = view.spells().get(1);
        assertThat(second.spell()).isEqualTo(2);
        assertThat(second.status()).isEqualTo(RegistrationStatus.ACTIVE);
        assertThat(second.agencyId()).isEqualTo(OTHER_STREET_AGENCY);
        assertThat(second.endedBy()).isNull();

        assertThat(view.lastContact().contactId()).isEqualTo("c-2");
        assertThat(view.lastContact().method()).isEqualTo(ContactMethod.PHONE);
        assertThat(view.lastContact().statusFound()).isEqualTo(EmploymentStatus.EMPLOYED_BY_UNIT);
        assertThat(view.lastContact().reached()).isTrue();
    }

    @Test
    void onlineApplicationIsPendingThenActiveAfterApproval() {
        projections.deliver(events.next(events.opened(CaseEvents.person("110105199001011234", "张三"))),
                            events.next(events.applied(1, LocalDate.of(2026, 11, 20), LocalDate.of(2026, 11, 24), STREET_AGENCY)));
        CaseView pending = view();
        assertThat(pending.status()).isEqualTo(RegistrationStatus.PENDING);
        assertThat(pending.spells()).singleElement().satisfies(spell -> {
            assertThat(spell.status()).isEqualTo(RegistrationStatus.PENDING);
            assertThat(spell.appliedOn()).isEqualTo(LocalDate.of(2026, 11, 20));
            assertThat(spell.decisionDueOn()).isEqualTo(LocalDate.of(2026, 11, 24));
            assertThat(spell.channel()).isEqualTo(Channel.CITY_PES_CLOUD);
        });

        projections.deliver(events.next(events.approved(1, LocalDate.of(2026, 11, 23))),
                            events.next(events.registeredOnline(1, LocalDate.of(2026, 11, 23), STREET_AGENCY)));
        CaseView active = view();
        assertThat(active.status()).isEqualTo(RegistrationStatus.ACTIVE);
        assertThat(active.spells()).singleElement().satisfies(spell -> {
            assertThat(spell.status()).isEqualTo(RegistrationStatus.ACTIVE);
            assertThat(spell.appliedOn()).isEqualTo(LocalDate.of(2026, 11, 20));
            assertThat(spell.registeredOn()).isEqualTo(LocalDate.of(2026, 11, 23));
        });
        assertThat(active.categories()).isEqualTo(Set.of(PersonCategory.GRADUATE));
    }

    @Test
    void rejectionEndsThePendingSpell() {
        projections.deliver(events.next(events.opened(CaseEvents.person("110105199001011234", "张三"))),
                            events.next(events.applied(1, LocalDate.of(2026, 11, 20), LocalDate.of(2026, 11, 24), STREET_AGENCY)),
                            events.next(events.rejected(1, LocalDate.of(2026, 11, 23), "申报材料不实")));
        CaseView view = view();
        assertThat(view.status()).isEqualTo(RegistrationStatus.REJECTED);
        assertThat(view.spells().get(0).endedBy()).isEqualTo(RegistrationStatus.REJECTED);
        assertThat(view.spells().get(0).endNote()).isEqualTo("申报材料不实");
    }

    @Test
    void refusalKeepsTheStatusOfTheLastSpell() {
        projections.deliver(events.next(events.opened(CaseEvents.person("110105199001011234", "张三"))),
                            events.next(events.registered(1, LocalDate.of(2026, 3, 2), STREET_AGENCY)),
                            events.next(events.cancelled(1, LocalDate.of(2026, 6, 1), STREET_AGENCY)),
                            events.next(events.refused(LocalDate.of(2026, 7, 1))));
        CaseView view = view();
        assertThat(view.status()).isEqualTo(RegistrationStatus.CANCELLED);
        assertThat(view.spells()).singleElement().satisfies(spell -> assertThat(spell.endNote()).isEqualTo("ENLISTED"));
        assertThat(view.lastSequence()).isEqualTo(3);
    }

    @Test
    void redeliveringEventsChangesNothing() {
        List<DomainEventMessage<?>> stream = List.of(
                events.next(events.opened(CaseEvents.person("110105199001011234", "张三"))),
                events.next(events.registered(1, LocalDate.of(2026, 3, 2), STREET_AGENCY)),
                events.next(events.phoneContact(1, "c-1", LocalDate.of(2026, 4, 8), EmploymentStatus.UNEMPLOYED, STREET_AGENCY)));
        projections.deliver(stream.toArray(DomainEventMessage[]::new));
        var before = fixture.dump();

        projections.deliver(stream.toArray(DomainEventMessage[]::new));
        projections.deliverBatch(stream);

        assertThat(fixture.dump()).isEqualTo(before);
    }

    @Test
    void anOldEventAfterANewerOneIsIgnored() {
        DomainEventMessage<?> opened = events.next(events.opened(CaseEvents.person("110105199001011234", "张三")));
        DomainEventMessage<?> registered = events.next(events.registered(1, LocalDate.of(2026, 3, 2), STREET_AGENCY));
        DomainEventMessage<?> employed = events.next(events.employed(1, LocalDate.of(2026, 5, 1), null, STREET_AGENCY));
        projections.deliver(opened, registered, employed);

        projections.deliver(registered);

        assertThat(view().status()).isEqualTo(RegistrationStatus.EMPLOYED);
        assertThat(view().lastSequence()).isEqualTo(2);
    }

    @Test
    void aLateContactWithAnEarlierDateDoesNotReplaceTheLastContact() {
        projections.deliver(events.next(events.opened(CaseEvents.person("110105199001011234", "张三"))),
                            events.next(events.registered(1, LocalDate.of(2026, 3, 2), STREET_AGENCY)),
                            events.next(events.phoneContact(1, "c-2", LocalDate.of(2026, 5, 6), EmploymentStatus.UNEMPLOYED, STREET_AGENCY)),
                            events.next(events.phoneContact(1, "c-1", LocalDate.of(2026, 4, 8), EmploymentStatus.UNEMPLOYED, STREET_AGENCY)));
        assertThat(view().lastContact().contactId()).isEqualTo("c-2");
        assertThat(view().lastSequence()).isEqualTo(3);
    }
}
