package cn.pes.casework.query.common;

import cn.pes.casework.events.casefile.CaseHistoryView;
import cn.pes.casework.events.casefile.CaseView;
import cn.pes.casework.events.casefile.FindCaseHistoryQuery;
import cn.pes.casework.events.casefile.FindCaseQuery;
import cn.pes.casework.events.casefile.HistoryEntry;
import cn.pes.casework.events.shared.PersonalData;
import cn.pes.casework.events.statistics.FindCaseloadFiguresQuery;
import cn.pes.casework.events.statistics.FindContactFiguresQuery;
import cn.pes.casework.events.statistics.FindFlowFiguresQuery;
import cn.pes.casework.events.subsidy.FindSubsidyPipelineQuery;
import cn.pes.casework.events.subsidy.FindSubsidyTotalsQuery;
import cn.pes.casework.events.subsidy.SubsidyApplicationLine;
import cn.pes.casework.events.tracking.EmploymentStatus;
import cn.pes.casework.events.tracking.FindTrackingLedgerQuery;
import cn.pes.casework.events.tracking.FindUncontactedCasesQuery;
import cn.pes.casework.events.tracking.LedgerRow;
import cn.pes.casework.query.support.CaseEvents;
import cn.pes.casework.query.support.ProjectionTestBase;
import org.axonframework.eventhandling.DomainEventMessage;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

import static cn.pes.casework.query.support.CaseEvents.STREET_AGENCY;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Erasure on the read side: every read-model copy of a person's data is sealed with their key, so
 * destroying the key makes them all unreadable at once, while every count stays as it was.
 */
class ErasedReadModelsTest extends ProjectionTestBase {

    private static final YearMonth NOVEMBER = YearMonth.of(2026, 11);
    private static final String ERASED_ID_NUMBER = "110105199001011111";
    private static final String ERASED_NAME = "甲乙";
    private static final LocalDate ERASED_ON = LocalDate.of(2026, 11, 27);

    private final CaseEvents erased = CaseEvents.newCase();
    private final CaseEvents kept = CaseEvents.newCase();

    /** One person whose spell ended after a contact in November, one still active. */
    private List<DomainEventMessage<?>> history(PersonalData erasedPerson) {
        return history(erased, kept, erasedPerson);
    }

    private static List<DomainEventMessage<?>> history(CaseEvents erased, CaseEvents kept, PersonalData erasedPerson) {
        List<DomainEventMessage<?>> stream = new ArrayList<>();
        stream.add(erased.next(erased.opened(erasedPerson)));
        stream.add(erased.next(erased.registered(1, LocalDate.of(2026, 9, 1), STREET_AGENCY)));
        stream.add(erased.next(erased.phoneContact(1, "e-1", LocalDate.of(2026, 11, 2), EmploymentStatus.EMPLOYED_BY_UNIT,
                STREET_AGENCY)));
        stream.add(erased.next(erased.employed(1, LocalDate.of(2026, 11, 1), "e-1", STREET_AGENCY)));
        stream.add(erased.next(erased.certificateSubmitted("s-1", STREET_AGENCY, LocalDate.of(2026, 9, 1),
                LocalDate.of(2026, 9, 22))));
        stream.add(erased.next(erased.subsidyPaid("s-1", STREET_AGENCY, "1500", "500", LocalDate.of(2026, 11, 20), false)));
        stream.add(erased.next(erased.certificateSubmitted("s-2", STREET_AGENCY, LocalDate.of(2026, 11, 2),
                LocalDate.of(2026, 11, 23))));
        stream.add(kept.next(kept.openedWithKey(CaseEvents.person("110105199001012222", "丙丁"))));
        stream.add(kept.next(kept.registered(1, LocalDate.of(2026, 8, 3), STREET_AGENCY)));
        stream.add(kept.next(kept.phoneContact(1, "k-1", LocalDate.of(2026, 11, 9), EmploymentStatus.UNEMPLOYED,
                STREET_AGENCY)));
        return stream;
    }

    private PersonalData erasedPerson() {
        return CaseEvents.person(ERASED_ID_NUMBER, ERASED_NAME).withDataSubject(erased.caseId());
    }

    /** Every figure the agencies and statistics read. */
    private List<Object> counts() {
        return List.of(
                projections.agencyCaseload.handle(new FindCaseloadFiguresQuery(List.of(STREET_AGENCY), NOVEMBER, ERASED_ON)),
                projections.trackingLedger.handle(new FindContactFiguresQuery(List.of(STREET_AGENCY), NOVEMBER)),
                projections.registrationFlows.handle(new FindFlowFiguresQuery(List.of(STREET_AGENCY), NOVEMBER)),
                projections.trackingLedger.handle(new FindTrackingLedgerQuery(STREET_AGENCY, NOVEMBER)).rows().size(),
                projections.agencyCaseload.handle(new FindUncontactedCasesQuery(STREET_AGENCY, NOVEMBER)).activeCases(),
                projections.caseSummary.handle(new FindCaseQuery(erased.caseId())).status(),
                projections.caseSummary.handle(new FindCaseQuery(erased.caseId())).birthYear(),
                projections.caseSummary.handle(new FindCaseQuery(erased.caseId())).sex(),
                projections.subsidyTotals.handle(new FindSubsidyTotalsQuery(List.of(STREET_AGENCY), NOVEMBER)),
                subsidyPipeline().stream().map(line -> line.applicationId() + ":" + line.stage() + ":" + line.dueOn()).toList());
    }

    private List<SubsidyApplicationLine> subsidyPipeline() {
        return projections.subsidyPipeline.handle(new FindSubsidyPipelineQuery(STREET_AGENCY, null, ERASED_ON)).applications();
    }

    private List<PersonalData> ledgerPeople(String caseId) {
        return projections.trackingLedger.handle(new FindTrackingLedgerQuery(STREET_AGENCY, NOVEMBER)).rows().stream()
                                         .filter(row -> row.caseId().equals(caseId)).map(LedgerRow::person).toList();
    }

    @Test
    void destroyingTheKeyMakesEveryReadModelCopyUnreadableWhileCountsStayEqual() {
        projections.deliver(history(erasedPerson()).toArray(DomainEventMessage[]::new));
        assertThat(fixture.dump().toString()).as("stored sealed")
                .doesNotContain(ERASED_ID_NUMBER).doesNotContain(ERASED_NAME).contains("sealed");
        assertThat(projections.caseSummary.handle(new FindCaseQuery(erased.caseId())).person()).isEqualTo(erasedPerson());
        assertThat(subsidyPipeline()).extracting(line -> line.person().name()).containsExactly(ERASED_NAME, ERASED_NAME);
        List<Object> before = counts();

        keys.destroy(erased.caseId(), "admin-1");
        // Unreadable already, before the erasure event reaches the projections.
        assertThat(projections.caseSummary.handle(new FindCaseQuery(erased.caseId())).person().erased()).isTrue();
        projections.deliver(erased.next(erased.erased(ERASED_ON)));

        CaseView view = projections.caseSummary.handle(new FindCaseQuery(erased.caseId()));
        assertThat(view.person()).isEqualTo(PersonalData.erased(erased.caseId()));
        assertThat(ledgerPeople(erased.caseId())).isNotEmpty().allMatch(PersonalData::erased);
        assertThat(ledgerPeople(kept.caseId())).singleElement().extracting(PersonalData::name).isEqualTo("丙丁");
        assertThat(subsidyPipeline()).hasSize(2).allSatisfy(line -> assertThat(line.person().erased()).isTrue());
        assertThat(counts()).isEqualTo(before);
        CaseHistoryView history = projections.caseHistory.handle(new FindCaseHistoryQuery(erased.caseId()));
        assertThat(history.entries()).last().satisfies(entry -> {
            assertThat(entry.eventType()).isEqualTo("PersonalDataErased");
            assertThat(entry.description()).startsWith("个人信息已按保存期限删除");
            assertThat(entry.effectiveDate()).isEqualTo(ERASED_ON);
        });
    }

    @Test
    void aRebuildAfterErasureStoresTheErasedFormAndTheSameCounts() {
        projections.deliver(history(erasedPerson()).toArray(DomainEventMessage[]::new));
        keys.destroy(erased.caseId(), "admin-1");
        projections.deliver(erased.next(erased.erased(ERASED_ON)));
        List<Object> before = counts();
        List<HistoryEntry> historyBefore = projections.caseHistory.handle(new FindCaseHistoryQuery(erased.caseId())).entries();

        // The events as the event store now gives them: the person's data reads as erased.
        fixture.reset();
        CaseEvents replayErased = CaseEvents.forCase(erased.caseId());
        List<DomainEventMessage<?>> stream = new ArrayList<>(history(replayErased, CaseEvents.forCase(kept.caseId()),
                PersonalData.erased(erased.caseId())));
        stream.add(replayErased.next(replayErased.erased(ERASED_ON)));
        projections.deliverBatch(stream);

        String stored = fixture.dump().toString();
        assertThat(stored).contains("erased").doesNotContain(ERASED_ID_NUMBER).doesNotContain(ERASED_NAME);
        assertThat(projections.caseSummary.handle(new FindCaseQuery(erased.caseId())).person())
                .isEqualTo(PersonalData.erased(erased.caseId()));
        assertThat(subsidyPipeline()).allSatisfy(line -> assertThat(line.person()).isEqualTo(PersonalData.erased(erased.caseId())));
        assertThat(counts()).isEqualTo(before);
        assertThat(projections.caseHistory.handle(new FindCaseHistoryQuery(erased.caseId())).entries())
                .extracting(HistoryEntry::eventType)
                .containsExactlyElementsOf(historyBefore.stream().map(HistoryEntry::eventType).toList());
    }

    /** Events stored before personal data was bound to its case carry it unbound: read models still seal it. */
    @Test
    void personalDataNotYetBoundToItsCaseIsSealedInReadModelsAndErasedWithTheKey() {
        projections.deliver(history(CaseEvents.person(ERASED_ID_NUMBER, ERASED_NAME)).toArray(DomainEventMessage[]::new));
        assertThat(fixture.dump().toString()).as("stored sealed")
                .doesNotContain(ERASED_ID_NUMBER).doesNotContain(ERASED_NAME).contains("sealed");
        List<Object> before = counts();

        keys.destroy(erased.caseId(), "admin-1");
        fixture.reset();
        CaseEvents replayErased = CaseEvents.forCase(erased.caseId());
        List<DomainEventMessage<?>> stream = new ArrayList<>(history(replayErased, CaseEvents.forCase(kept.caseId()),
                CaseEvents.person(ERASED_ID_NUMBER, ERASED_NAME)));
        stream.add(replayErased.next(replayErased.erased(ERASED_ON)));
        projections.deliverBatch(stream);

        assertThat(fixture.dump().toString()).doesNotContain(ERASED_ID_NUMBER).doesNotContain(ERASED_NAME);
        assertThat(projections.caseSummary.handle(new FindCaseQuery(erased.caseId())).person().erased()).isTrue();
        assertThat(counts()).isEqualTo(before);
    }
}
