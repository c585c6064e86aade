package cn.pes.casework.platform.security;

import cn.pes.casework.platform.support.Caseworker;
import cn.pes.casework.platform.support.TestIds;
import cn.pes.casework.security.Role;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static cn.pes.casework.platform.support.Eventually.eventually;
import static org.assertj.core.api.Assertions.assertThat;

/** What each role may and may not do; a refused action stores nothing. */
class RoleAccessHttpTest extends SecuredPlatformTest {

    private Caseworker street;
    private String caseId;
    private String idNumber;

    @BeforeEach
    void aCaseAtAStreetAgency() {
        clock.set(NOW);
        street = caseworker("W-role-street", STREET);
        idNumber = TestIds.adult();
        caseId = street.registerAtWindow(idNumber, "冯一");
        // Each read model follows the events on its own: wait until all three show the case.
        eventually(() -> {
            street.getting("/api/cases/" + caseId).expectStatus().isOk();
            street.getting("/api/cases/" + caseId + "/history").expectStatus().isOk();
            assertThat(street.searchByIdNumber(idNumber).path("cases")).hasSize(1);
        });
    }

    @Test
    void aCaseworkerRegistersTracksRevealsAndListsTheirAgency() {
        street.post("/api/registrations", Caseworker.windowRegistration(TestIds.adult(), "冯二"))
                .expectStatus().isCreated();
        street.phoneContact(caseId, NOW.toLocalDate(), true);
        street.getting("/api/cases/" + caseId + "/history").expectStatus().isOk();
        assertThat(street.reveal(caseId).path("idNumber").asText()).isEqualTo(idNumber);
        street.getting("/api/agencies/" + STREET + "/tracking-ledger").expectStatus().isOk();
        street.getting("/api/statistics/agencies/" + STREET + "/caseload").expectStatus().isOk();
    }

    @Test
    void aCaseworkerSeesNoAuditLogAndAdministersNothing() {
        street.getting("/api/audit/access-log").expectStatus().isForbidden();
        street.getting("/api/admin/accounts").expectStatus().isForbidden();
        long before = storedEvents();
        street.post("/api/cases/" + caseId + "/erasure", Map.of("reason", "试图删除")).expectStatus().isForbidden();
        assertThat(storedEvents()).isEqualTo(before);
    }

    @Test
    void aReviewerReadsCasesMaskedButChangesNothingAndListsNothing() {
        Caseworker reviewer = officer("R-role", CITY, Role.REVIEWER);
        JsonNode view = reviewer.caseView(caseId);
        assertThat(view.path("person").path("idNumber").asText()).isNotEqualTo(idNumber).contains("*");
        reviewer.getting("/api/cases/" + caseId + "/history").expectStatus().isOk();
        assertThat(reviewer.searchByIdNumber(idNumber).path("cases")).hasSize(1);
        long before = storedEvents();
        reviewer.post("/api/registrations", Caseworker.windowRegistration(TestIds.adult(), "冯三"))
                .expectStatus().isForbidden();
        reviewer.post("/api/cases/" + caseId + "/contacts", Map.of("contactDate", NOW.toLocalDate().toString(),
                "method", "PHONE", "reached", false)).expectStatus().isForbidden();
        assertThat(storedEvents()).isEqualTo(before);
        reviewer.post("/api/cases/" + caseId + "/personal-data/disclosures", Map.of("purpose", "审核"))
                .expectStatus().isForbidden();
        reviewer.getting("/api/agencies/" + STREET + "/tracking-ledger").expectStatus().isForbidden();
        reviewer.getting("/api/statistics/agencies/" + STREET + "/caseload").expectStatus().isForbidden();
    }

    @Test
    void anAnalystSeesStatisticsButNeverPersonalData() {
        Caseworker analyst = officer("N-role", CITY, Role.ANALYST);
        JsonNode statistics = analyst.getting("/api/statistics/agencies/" + COUNTY + "/caseload")
                .expectStatus().isOk().expectBody(JsonNode.class).returnResult().getResponseBody();
        assertThat(statistics.path("activeCases").asInt()).isPositive();
        assertThat(statistics.toString()).doesNotContain(idNumber, "冯一", "person", "idNumber");

        analyst.getting("/api/cases/" + caseId).expectStatus().isForbidden();
        analyst.getting("/api/cases/" + caseId + "/history").expectStatus().isForbidden();
        analyst.post("/api/case-searches", Map.of("idNumber", idNumber)).expectStatus().isForbidden();
        analyst.getting("/api/agencies/" + STREET + "/tracking-ledger").expectStatus().isForbidden();
        analyst.getting("/api/agencies/" + STREET + "/uncontacted-cases").expectStatus().isForbidden();
        analyst.post("/api/cases/" + caseId + "/personal-data/disclosures", Map.of("purpose", "统计"))
                .expectStatus().isForbidden();
        analyst.post("/api/registrations", Caseworker.windowRegistration(TestIds.adult(), "冯四"))
                .expectStatus().isForbidden();
    }

    @Test
    void anAuditorSeesEverythingReadOnlyAndTheAccessLog() {
        Caseworker auditor = officer("A-role", CITY, Role.AUDITOR);
        auditor.caseView(caseId);
        auditor.getting("/api/agencies/" + STREET + "/tracking-ledger").expectStatus().isOk();
        auditor.getting("/api/agencies/" + OTHER_STREET + "/uncontacted-cases").expectStatus().isOk();
        assertThat(auditor.reveal(caseId).path("name").asText()).isEqualTo("冯一");
        JsonNode log = auditor.getting("/api/audit/access-log?officerId=A-role&action=PERSONAL_DATA_REVEALED")
                .expectStatus().isOk().expectBody(JsonNode.class).returnResult().getResponseBody();
        assertThat(log.path("entries")).anySatisfy(entry ->
                assertThat(entry.path("target").asText()).isEqualTo(caseId));

        long before = storedEvents();
        auditor.post("/api/registrations", Caseworker.windowRegistration(TestIds.adult(), "冯五"))
                .expectStatus().isForbidden();
        auditor.post("/api/cases/" + caseId + "/contacts", Map.of("contactDate", NOW.toLocalDate().toString(),
                "method", "PHONE", "reached", false)).expectStatus().isForbidden();
        auditor.put("/api/cases/" + caseId + "/personal-details", Map.of("name", "改名")).expectStatus().isForbidden();
        auditor.post("/api/cases/" + caseId + "/erasure", Map.of("reason", "审计")).expectStatus().isForbidden();
        assertThat(storedEvents()).isEqualTo(before);
        auditor.getting("/api/admin/accounts").expectStatus().isForbidden();
    }

    @Test
    void anAdministratorManagesAccountsButSeesNoCase() {
        Caseworker admin = officer("S-role", CITY, Role.ADMINISTRATOR);
        JsonNode accounts = admin.getting("/api/admin/accounts").expectStatus().isOk()
                .expectBody(JsonNode.class).returnResult().getResponseBody();
        assertThat(accounts.toString()).contains("caseworker-street").doesNotContain("bcrypt", "$2a$");

        admin.getting("/api/cases/" + caseId).expectStatus().isForbidden();
        admin.post("/api/case-searches", Map.of("idNumber", idNumber)).expectStatus().isForbidden();
        admin.getting("/api/agencies/" + STREET + "/tracking-ledger").expectStatus().isForbidden();
        admin.getting("/api/audit/access-log").expectStatus().isForbidden();
        admin.post("/api/cases/" + caseId + "/personal-data/disclosures", Map.of("purpose", "管理"))
                .expectStatus().isForbidden();
        admin.post("/api/registrations", Caseworker.windowRegistration(TestIds.adult(), "冯六"))
                .expectStatus().isForbidden();
    }
}
