package cn.pes.casework.platform.security;

import cn.pes.casework.platform.support.Caseworker;
import cn.pes.casework.platform.support.TestIds;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

import static cn.pes.casework.platform.support.Eventually.eventually;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The tracking ledger a page at a time: the same rows in the same order as the whole ledger, the
 * ledger's total with every page, the same agency scope and masking, and a bad page or size refused
 * at its field.
 */
class LedgerPageHttpTest extends SecuredPlatformTest {

    @Test
    void pagesTogetherAreTheLedgerInItsOrder() {
        Caseworker street = caseworker("W-ledger-page", STREET);
        YearMonth month = YearMonth.from(NOW);
        List<String> contacts = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            String caseId = street.registerAtWindow(TestIds.adult(), "页" + System.nanoTime() % 100000);
            contacts.add(street.phoneContact(caseId, NOW.toLocalDate(), true));
        }
        eventually(() -> assertThat(street.ledger(month).path("rows").toString()).contains(contacts));

        JsonNode whole = street.ledger(month).path("rows");
        int total = whole.size();
        List<JsonNode> paged = new ArrayList<>();
        int pages = (total + 1) / 2;
        for (int page = 1; page <= pages; page++) {
            JsonNode answer = street.get("/api/agencies/" + STREET + "/tracking-ledger/page?month=" + month
                    + "&page=" + page + "&size=2");
            assertThat(answer.path("totalRows").asInt()).isEqualTo(total);
            assertThat(answer.path("page").asInt()).isEqualTo(page);
            assertThat(answer.path("rows").size()).isBetween(1, 2);
            answer.path("rows").forEach(paged::add);
        }
        List<JsonNode> expected = new ArrayList<>();
        whole.forEach(expected::add);
        assertThat(paged).isEqualTo(expected);
        JsonNode defaults = street.get("/api/agencies/" + STREET + "/tracking-ledger/page?month=" + month);
        assertThat(defaults.path("size").asInt()).isEqualTo(50);
        assertThat(defaults.path("rows").size()).isEqualTo(Math.min(50, total));
        assertThat(street.get("/api/agencies/" + STREET + "/tracking-ledger/page?month=" + month + "&page=" + (pages + 5)
                + "&size=2").path("rows")).isEmpty();
    }

    @Test
    void aPageKeepsTheLedgersScopeAndRefusesBadNumbersAtTheirField() {
        Caseworker street = caseworker("W-ledger-page-2", STREET);
        caseworker("W-ledger-page-3", OTHER_STREET)
                .getting("/api/agencies/" + STREET + "/tracking-ledger/page").expectStatus().isNotFound();
        refused(street, "?page=0", "page");
        refused(street, "?page=first", "page");
        refused(street, "?size=501", "size");
        refused(street, "?size=0", "size");
        refused(street, "?month=11-2026", "month");
    }

    private static void refused(Caseworker officer, String query, String field) {
        officer.getting("/api/agencies/" + STREET + "/tracking-ledger/page" + query).expectStatus().isBadRequest()
               .expectBody().jsonPath("$.ruleId").isEqualTo("INPUT").jsonPath("$.field").isEqualTo(field);
    }
}
