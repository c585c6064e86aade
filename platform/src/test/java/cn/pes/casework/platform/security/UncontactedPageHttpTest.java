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
 * The TRK-1 list of cases not yet contacted in a month, a page at a time: the same cases in the same
 * order as the whole list, its total and the active caseload with every page, the list's agency scope,
 * bad numbers refused at their field, every read in the access log, and the ledger page showing the
 * list in pages of 50, its pager keeping the page's other choices.
 */
class UncontactedPageHttpTest extends SecuredPlatformTest {

    private static final YearMonth MONTH = YearMonth.from(NOW);

    @Test
    void pagesTogetherAreTheWholeListInItsOrder() {
        Caseworker street = caseworker("W-uncontacted-page", STREET);
        List<String> waiting = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            waiting.add(street.registerAtWindow(TestIds.adult(), "未" + System.nanoTime() % 100000));
        }
        eventually(() -> assertThat(street.uncontacted(MONTH).path("cases").toString()).contains(waiting));

        // Other tests' events may still be reaching the read model: compared again until one list holds still.
        eventually(() -> {
            JsonNode whole = street.uncontacted(MONTH);
            int total = whole.path("cases").size();
            // Three pages however long the suite has made the list, the last one shorter when it does not divide.
            int size = Math.max(1, (total + 2) / 3);
            int pages = (total + size - 1) / size;
            List<JsonNode> paged = new ArrayList<>();
            for (int page = 1; page <= pages; page++) {
                JsonNode answer = page(street, "&page=" + page + "&size=" + size);
                assertThat(answer.path("totalUncontacted").asInt()).isEqualTo(total);
                assertThat(answer.path("activeCases").asInt()).isEqualTo(whole.path("activeCases").asInt());
                assertThat(answer.path("page").asInt()).isEqualTo(page);
                assertThat(answer.path("cases").size()).isBetween(1, size);
                answer.path("cases").forEach(paged::add);
            }
            List<JsonNode> expected = new ArrayList<>();
            whole.path("cases").forEach(expected::add);
            assertThat(paged).isEqualTo(expected);
            assertThat(page(street, "&page=" + (pages + 5) + "&size=" + size).path("cases")).isEmpty();
        });
        JsonNode defaults = page(street, "");
        assertThat(defaults.path("size").asInt()).isEqualTo(50);
        assertThat(defaults.path("cases").size()).isEqualTo(Math.min(50, defaults.path("totalUncontacted").asInt()));
        // Masked as the whole list is.
        defaults.path("cases").forEach(line -> assertThat(line.path("person").path("idNumber").asText()).contains("*"));
    }

    @Test
    void aPageKeepsTheListsScopeAndRefusesBadNumbersAtTheirField() {
        Caseworker street = caseworker("W-uncontacted-page-2", STREET);
        caseworker("W-uncontacted-page-3", OTHER_STREET)
                .getting("/api/agencies/" + STREET + "/uncontacted-cases/page").expectStatus().isNotFound();
        refused(street, "?page=0", "page");
        refused(street, "?page=first", "page");
        refused(street, "?size=501", "size");
        refused(street, "?size=0", "size");
        refused(street, "?month=11-2026", "month");
    }

    @Test
    void everyReadOfTheListIsInTheAccessLogWithoutAnyonesDetails() {
        Caseworker street = caseworker("W-uncontacted-log", STREET);
        JsonNode whole = street.uncontacted(MONTH);
        JsonNode page = page(street, "&page=1&size=2");

        assertThat(listExports("W-uncontacted-log")).containsExactly(
                "uncontacted-cases|agency=" + STREET + " month=" + MONTH + " format=json rows="
                        + whole.path("cases").size(),
                "uncontacted-cases|agency=" + STREET + " month=" + MONTH + " format=json page=1 size=2 rows="
                        + page.path("cases").size());
    }

    @Test
    void theLedgerPageShowsTheListInPagesOf50() {
        Caseworker street = caseworker("W990101001A", STREET);
        String waiting = street.registerAtWindow(TestIds.adult(), "页" + System.nanoTime() % 100000);
        eventually(() -> assertThat(street.uncontacted(MONTH).path("cases").toString()).contains(waiting));

        eventually(() -> {
            JsonNode first = page(street, "&page=1&size=50");
            int total = first.path("totalUncontacted").asInt();
            int pages = Math.max(1, (total + 49) / 50);
            String html = ledgerPage(street, "&method=PHONE&ledgerPage=2&uncontactedPage=" + pages);
            JsonNode last = page(street, "&page=" + pages + "&size=50");
            List<String> expected = new ArrayList<>();
            last.path("cases").forEach(line -> expected.add(line.path("caseId").asText()));
            assertThat(HtmlRows.caseIds(html, "uncontacted")).isEqualTo(expected);
            assertThat(html).contains("本月尚未跟踪的登记人员（" + String.format(Locale.ROOT, "%,d", total) + " 人");
            if (pages > 1) {
                // Back a page, keeping the filter and the other table's page; no page after the last.
                assertThat(html).contains("第 " + pages + " / " + pages + " 页")
                        .contains("method=PHONE&amp;reached&amp;ledgerPage=2&amp;uncontactedPage=" + (pages - 1) + "\"")
                        .doesNotContain("uncontactedPage=" + (pages + 1) + "\"");
            } else {
                assertThat(html).doesNotContain("uncontacted-pager");
            }
        });
    }

    @Test
    void aPagePastTheLastLeadsBackToTheLast() {
        Caseworker street = caseworker("W990101001A", STREET);
        int pages = Math.max(1, (page(street, "&size=50").path("totalUncontacted").asInt() + 49) / 50);
        String html = ledgerPage(street, "&uncontactedPage=" + (pages + 3));
        assertThat(HtmlRows.caseIds(html, "uncontacted")).isEmpty();
        assertThat(html).contains("第 " + (pages + 3) + " / " + pages + " 页")
                .contains("uncontactedPage=" + pages + "\"").doesNotContain("uncontactedPage=" + (pages + 2) + "\"");
        // Page numbers are shown as numbers, not amounts.
        assertThat(ledgerPage(street, "&uncontactedPage=1000000")).contains("第 1000000 / " + pages + " 页");
    }

    @Test
    void theLedgerPageRefusesWhatItsFormCannotSendAfterTheAgencysScope() {
        Caseworker street = caseworker("W990101001A", STREET);
        for (String bad : List.of("uncontactedPage=0", "uncontactedPage=x", "ledgerPage=0", "ledgerPage=1000001",
                                  "method=LETTER", "reached=maybe")) {
            street.getting("/ledger?month=" + MONTH + "&" + bad).expectStatus().isBadRequest();
            caseworker("W-uncontacted-other", OTHER_STREET).getting("/ledger?agency=" + STREET + "&" + bad)
                    .expectStatus().isNotFound();
        }
    }

    private static JsonNode page(Caseworker officer, String parameters) {
        return officer.get("/api/agencies/" + STREET + "/uncontacted-cases/page?month=" + MONTH + parameters);
    }

    private static String ledgerPage(Caseworker officer, String parameters) {
        return officer.getting("/ledger?month=" + MONTH + parameters).expectStatus().isOk()
                      .expectBody(String.class).returnResult().getResponseBody();
    }

    private static void refused(Caseworker officer, String query, String field) {
        officer.getting("/api/agencies/" + STREET + "/uncontacted-cases/page" + query).expectStatus().isBadRequest()
               .expectBody().jsonPath("$.ruleId").isEqualTo("INPUT").jsonPath("$.field").isEqualTo(field);
    }
}
