package cn.pes.casework.platform.security;

import cn.pes.casework.platform.support.Caseworker;
import cn.pes.casework.platform.support.TestIds;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

import java.io.IOException;
import java.time.LocalDate;
import java.util.List;

import static cn.pes.casework.platform.support.Eventually.eventually;
import static org.assertj.core.api.Assertions.assertThat;

/** An auditor finds an officer's actions (操作查询), one request's actions, and the officer's case views (访问日志). */
class OfficerActionsBrowserTest extends BrowserPlatformTest {

    @Test
    void anAuditorFindsAnOfficersActionsAndTheirCaseViews() throws IOException {
        String officerId = "W-browse-" + System.nanoTime() % 1_000_000;
        Caseworker api = caseworker(officerId, STREET);
        String caseId = api.registerAtWindow(TestIds.adult(), "韩" + System.nanoTime() % 100000);
        api.phoneContact(caseId, NOW.toLocalDate(), true);
        eventually(() -> api.getting("/api/cases/" + caseId).expectStatus().isOk());

        signIn("auditor", "ChangeMe-2026!");
        browser.get(url("/audit/actions"));
        assertThat(browser.findElement(By.cssSelector("nav a[aria-current=page]")).getText()).isEqualTo("操作查询");
        browser.findElement(By.id("officer")).sendKeys(officerId);
        // Events carry the store's time, the access log the platform's (test) clock: a period covering both.
        LocalDate today = LocalDate.now(zone());
        setDate("from", (today.isBefore(NOW.toLocalDate()) ? today : NOW.toLocalDate()).minusDays(1).toString());
        setDate("to", (today.isAfter(NOW.toLocalDate()) ? today : NOW.toLocalDate()).plusDays(1).toString());
        eventually(() -> {
            // The read model follows the events within moments: search again until it has them all.
            submit(browser.findElement(By.cssSelector("#actions-form button")));
            assertThat(browser.findElements(By.cssSelector("table.actions tbody tr"))).hasSize(3);
        });
        List<WebElement> rows = browser.findElements(By.cssSelector("table.actions tbody tr"));
        assertThat(rows.get(0).getText()).contains("建立档案").contains(caseId).contains("中心区解放街道劳动保障所")
                .contains("窗口");
        assertThat(rows.get(2).getText()).contains("跟踪调查");
        assertThat(rows).allSatisfy(row -> assertThat(row.getText()).contains(officerId));
        assertThat(rows.get(0).findElement(By.cssSelector("td a")).getAttribute("href")).endsWith("/cases/" + caseId);
        screenshot("30-who-did-what");

        // The registration's request: its correlation shows every action it caused, and only those.
        String correlation = rows.get(0).findElement(By.cssSelector("a.correlation")).getText();
        submit(rows.get(0).findElement(By.cssSelector("a.correlation")));
        assertThat(browser.findElement(By.id("by-correlation")).getText()).contains(correlation);
        List<WebElement> request = browser.findElements(By.cssSelector("table.actions tbody tr"));
        assertThat(request).hasSize(2);
        assertThat(request).allSatisfy(row -> assertThat(row.getText()).contains(correlation));

        // The record's link opens the case page, and that reading is itself in the access log.
        submit(request.get(0).findElement(By.cssSelector("td a[href$='/cases/" + caseId + "']")));
        assertThat(browser.getCurrentUrl()).endsWith("/cases/" + caseId);
        browser.get(url("/audit/access-log"));
        browser.findElement(By.name("officerId")).sendKeys("A9901A");
        new Select(browser.findElement(By.name("action"))).selectByValue("CASE_VIEWED");
        browser.findElement(By.name("target")).sendKeys(caseId);
        submit(browser.findElement(By.cssSelector("form.filters button")));
        assertThat(browser.findElements(By.cssSelector("table.access-log tbody tr"))).singleElement()
                .satisfies(row -> assertThat(row.getText()).contains("查看个人档案").contains("page"));

        // The same officer's reads, in the access log.
        browser.get(url("/audit/access-log"));
        browser.findElement(By.name("officerId")).sendKeys(officerId);
        new Select(browser.findElement(By.name("action"))).selectByValue("CASE_VIEWED");
        submit(browser.findElement(By.cssSelector("form.filters button")));
        List<WebElement> views = browser.findElements(By.cssSelector("table.access-log tbody tr"));
        assertThat(views).isNotEmpty().allSatisfy(row -> assertThat(row.getText()).contains("查看个人档案")
                .contains(caseId).contains("GET /api/cases/{id}"));
        screenshot("31-access-log-case-views");

        caseworker("W-browse-cw", STREET).getting("/audit/actions").expectStatus().isForbidden();
    }
}
