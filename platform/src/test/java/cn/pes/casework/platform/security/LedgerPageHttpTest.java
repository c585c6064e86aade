package cn.pes.casework.platform.security;

import cn.pes.casework.platform.support.Caseworker;
import cn.pes.casework.platform.support.HtmlRows;
import cn.pes.casework.platform.support.TestIds;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import static cn.pes.casework.platform.support.Eventually.eventually;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The tracking ledger a page at a time: the same rows in the same order as the whole ledger, the
 * ledger's total with every page, the same agency scope and masking, and a bad page or size refused
 * at its field; and the ledger's web page showing it 50 rows at a time, filtered or not.
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
    void theLedgerPageShowsTheContactsInPagesOf50FilteredOrNot() {
        Caseworker street = caseworker("W990101001A", STREET);
        YearMonth month = YearMonth.from(NOW);
        String caseId = street.registerAtWindow(TestIds.adult(), "页" + System.nanoTime() % 100000);
        street.phoneContact(caseId, NOW.toLocalDate(), true);
        eventually(() -> assertThat(street.ledger(month).path("rows").toString()).contains(caseId));

        // Compared again until the ledger holds still: other tests' contacts may still be reaching it.
        eventually(() -> {
            JsonNode whole = street.ledger(month).path("rows");
            int total = whole.size();
            int pages = Math.max(1, (total + 49) / 50);
            String html = ledgerPage(street, month, "&ledgerPage=" + pages);
            List<String> expected = new ArrayList<>();
            for (int i = (pages - 1) * 50; i < total; i++) {
                expected.add(whole.get(i).path("caseId").asText());
            }
            assertThat(HtmlRows.caseIds(html, "ledger")).isEqualTo(expected);
            assertThat(html).contains("本月跟踪记录（" + String.format(Locale.ROOT, "%,d", total) + " 条）");
            assertThat(html.contains("ledger-pager")).isEqualTo(pages > 1);

            List<String> phoned = new ArrayList<>();
            whole.forEach(row -> {
                if ("PHONE".equals(row.path("method").asText())) {
                    phoned.add(row.path("caseId").asText());
                }
            });
            assertThat(HtmlRows.caseIds(ledgerPage(street, month, "&method=PHONE"), "ledger"))
                    .isEqualTo(phoned.subList(0, Math.min(50, phoned.size())));
        });
        street.getting("/ledger?month=" + month + "&ledgerPage=0").expectStatus().isBadRequest();
    }

    private static String ledgerPage(Caseworker officer, YearMonth month, String parameters) {
        return officer.getting("/ledger?month=" + month + parameters).expectStatus().isOk()
                      .expectBody(String.class).returnResult().getResponseBody();
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
