package cn.pes.casework.query.caselookup;

import cn.pes.casework.query.projection.SharedDocuments;
import cn.pes.casework.events.casefile.CaseSearchResult;
import cn.pes.casework.events.casefile.CaseSummary;
import cn.pes.casework.events.casefile.FindCasesByIdNumberQuery;
import cn.pes.casework.events.casefile.FindCasesByNameQuery;
import cn.pes.casework.events.casefile.RegistrationStatus;
import cn.pes.casework.query.support.CaseEvents;
import cn.pes.casework.query.support.ProjectionTestBase;
import org.axonframework.eventhandling.DomainEventMessage;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;

import cn.pes.casework.events.shared.PersonalData;
import cn.pes.casework.query.support.ProjectionHarness;
import org.bson.Document;

import static cn.pes.casework.query.support.CaseEvents.OTHER_STREET_AGENCY;
import static cn.pes.casework.query.support.CaseEvents.STREET_AGENCY;
import static org.assertj.core.api.Assertions.assertThat;

class CaseLookupProjectionTest extends ProjectionTestBase {

    private final CaseEvents zhang = CaseEvents.forCase("0190a000-0000-7000-8000-000000000001");
    private final CaseEvents otherZhang = CaseEvents.forCase("0190a000-0000-7000-8000-000000000002");

    @Test
    void findsACaseByIdNumberWithStatusAndAgency() {
        projections.deliver(zhang.next(zhang.opened(CaseEvents.person("11010519900101123X", "张三"))),
                            zhang.next(zhang.registered(1, LocalDate.of(2026, 3, 2), OTHER_STREET_AGENCY)));

        CaseSearchResult result = projections.caseLookup.handle(new FindCasesByIdNumberQuery(" 11010519900101123x "));

        assertThat(result.cases()).singleElement().satisfies(summary -> {
            assertThat(summary.caseId()).isEqualTo(zhang.caseId());
            assertThat(summary.person().idNumber()).isEqualTo("11010519900101123X");
            assertThat(summary.person().name()).isEqualTo("张三");
            assertThat(summary.status()).isEqualTo(RegistrationStatus.ACTIVE);
            assertThat(summary.agencyId()).isEqualTo(OTHER_STREET_AGENCY);
        });
        assertThat(projections.caseLookup.handle(new FindCasesByIdNumberQuery("110105199001011231")).cases()).isEmpty();
        assertThat(projections.caseLookup.handle(new FindCasesByIdNumberQuery("  ")).cases()).isEmpty();
    }

    @Test
    void findsEveryoneOfANameIgnoringWhitespace() {
        projections.deliver(zhang.next(zhang.opened(CaseEvents.person("11010519900101123X", "张三"))),
                            otherZhang.next(otherZhang.opened(CaseEvents.person("110105198502021234", "张 三"))),
                            otherZhang.next(otherZhang.registered(1, LocalDate.of(2026, 3, 2), STREET_AGENCY)),
                            otherZhang.next(otherZhang.employed(1, LocalDate.of(2026, 6, 1), null, STREET_AGENCY)));

        CaseSearchResult result = projections.caseLookup.handle(new FindCasesByNameQuery("张\u3000三 "));

        assertThat(result.cases()).extracting(CaseSummary::caseId).containsExactly(zhang.caseId(), otherZhang.caseId());
        assertThat(result.cases()).extracting(CaseSummary::status)
                                  .containsExactly(RegistrationStatus.NOT_REGISTERED, RegistrationStatus.EMPLOYED);
        assertThat(projections.caseLookup.handle(new FindCasesByNameQuery("张")).cases()).isEmpty();
    }

    @Test
    void statusFollowsTheLatestSpellAndIgnoresOldEvents() {
        DomainEventMessage<?> opened = zhang.next(zhang.opened(CaseEvents.person("11010519900101123X", "张三")));
        DomainEventMessage<?> applied = zhang.next(zhang.applied(1, LocalDate.of(2026, 11, 20), LocalDate.of(2026, 11, 24), STREET_AGENCY));
        DomainEventMessage<?> rejected = zhang.next(zhang.rejected(1, LocalDate.of(2026, 11, 23), "不符合条件"));
        projections.deliver(opened, applied, rejected);
        var before = fixture.dump();

        projections.deliver(applied, opened, rejected);
        projections.deliverBatch(opened, applied, rejected);

        assertThat(fixture.dump()).isEqualTo(before);
        assertThat(projections.caseLookup.handle(new FindCasesByNameQuery("张三")).cases())
                .singleElement().extracting(CaseSummary::status).isEqualTo(RegistrationStatus.REJECTED);
    }

    @Test
    void indexesAreKeyedByBlindIndexNeverByThePlainIdNumberOrName() {
        projections.deliver(zhang.next(zhang.openedWithKey(CaseEvents.person("11010519900101123X", "张三"))));

        assertThat(fixture.database().getCollection(CaseLookupProjection.ID_NUMBER_INDEX).find().first().getString("_id"))
                .isEqualTo(SharedDocuments.partId(ProjectionHarness.BLIND_INDEX.ofIdNumber("11010519900101123X"), zhang.caseId()));
        assertThat(fixture.database().getCollection(CaseLookupProjection.NAME_INDEX).find().first().getString("_id"))
                .isEqualTo(SharedDocuments.partId(ProjectionHarness.BLIND_INDEX.ofName("张三"), zhang.caseId()));
        assertThat(fixture.dump().toString()).doesNotContain("11010519900101123X").doesNotContain("张三")
                .doesNotContain("13812345678");
        assertThat(projections.caseLookup.handle(new FindCasesByIdNumberQuery("11010519900101123x")).cases())
                .singleElement().extracting(CaseSummary::person)
                .isEqualTo(new PersonalData("11010519900101123X", "张三", "13812345678", zhang.caseId()));
    }

    @Test
    void aNewNameMovesTheCaseToTheNewNamesHash() {
        projections.deliver(zhang.next(zhang.openedWithKey(CaseEvents.person("11010519900101123X", "张三"))),
                            zhang.next(zhang.detailsUpdated(CaseEvents.person("11010519900101123X", "张三丰"))));

        assertThat(projections.caseLookup.handle(new FindCasesByNameQuery("张三")).cases()).isEmpty();
        assertThat(projections.caseLookup.handle(new FindCasesByNameQuery("张三丰")).cases())
                .singleElement().extracting(CaseSummary::caseId).isEqualTo(zhang.caseId());
    }

    @Test
    void anErasedCaseLeavesBothIndexesAndShowsNoPersonalData() {
        projections.deliver(zhang.next(zhang.openedWithKey(CaseEvents.person("11010519900101123X", "张三"))),
                            zhang.next(zhang.registered(1, LocalDate.of(2020, 3, 2), STREET_AGENCY)),
                            zhang.next(zhang.employed(1, LocalDate.of(2020, 6, 1), null, STREET_AGENCY)),
                            otherZhang.next(otherZhang.openedWithKey(CaseEvents.person("110105198502021234", "张三"))));

        keys.destroy(zhang.caseId(), "admin-1");
        projections.deliver(zhang.next(zhang.erased(LocalDate.of(2026, 11, 27))));

        assertThat(projections.caseLookup.handle(new FindCasesByIdNumberQuery("11010519900101123X")).cases()).isEmpty();
        assertThat(projections.caseLookup.handle(new FindCasesByNameQuery("张三")).cases())
                .extracting(CaseSummary::caseId).containsExactly(otherZhang.caseId());
        Document line = fixture.database().getCollection(CaseLookupProjection.CASES)
                               .find(new Document("_id", zhang.caseId())).first();
        assertThat(line.get("person", Document.class).toJson()).contains("erased").doesNotContain("sealed");
        assertThat(line).doesNotContainKeys("idNumberKey", "nameKey").containsEntry("status", "EMPLOYED");
    }
}
