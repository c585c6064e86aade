package cn.pes.casework.platform.security;

import cn.pes.casework.events.statistics.AreaStatistics;
import cn.pes.casework.events.statistics.FindAreaStatisticsQuery;
import cn.pes.casework.events.statistics.MonthlyFigures;
import cn.pes.casework.platform.support.Caseworker;
import cn.pes.casework.platform.support.TestIds;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;

import java.io.IOException;
import java.time.Duration;
import java.time.YearMonth;
import java.util.List;

import static cn.pes.casework.platform.support.Eventually.eventually;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The monthly statistics report (统计月报) and the live dashboard in a real browser: an analyst chooses a
 * county and a month and sees the figures the statistics query answers, per street too, and downloads
 * both exports; a caseworker's dashboard changes its figures, without a reload, when someone else
 * registers a person over HTTP. Screenshots go to {@code target/screenshots} as {@code stats-*}.
 */
class StatisticsBrowserTest extends BrowserPlatformTest {

    private static final YearMonth MONTH = YearMonth.from(NOW);

    @Autowired
    QueryGateway queryGateway;

    @Test
    void anAnalystReadsACountysMonthAndDownloadsItsTable() throws IOException {
        Caseworker street = caseworker("W-stats-b", STREET);
        String caseId = street.registerAtWindow(TestIds.adult(), "褚" + System.nanoTime() % 100000);
        street.phoneContact(caseId, NOW.toLocalDate(), true);
        eventually(() -> assertThat(figures(List.of(STREET)).contactedInMonth()).isPositive());

        signIn("analyst", "ChangeMe-2026!");
        if (browser.getCurrentUrl().endsWith("/login") || browser.getCurrentUrl().contains("error")) {
            // The analyst's password may have been changed by the sign-in tests of this run.
            signIn("analyst", "Analyst-Passwort-2027");
        }
        browser.get(url("/statistics"));
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("统计月报");
        assertThat(browser.findElement(By.cssSelector("nav a[aria-current=page]")).getText()).isEqualTo("统计月报");
        new Select(browser.findElement(By.id("area"))).selectByValue(COUNTY);
        ((JavascriptExecutor) browser).executeScript("document.getElementById('month').value = arguments[0];",
                MONTH.toString());
        submit(browser.findElement(By.cssSelector("form.filters button[type=submit]")));
        assertThat(browser.getCurrentUrl()).contains("area=" + COUNTY).contains("month=2026-11");

        List<String> county = List.of(COUNTY, STREET, "990101002");
        eventually(() -> {
            browser.navigate().refresh();
            MonthlyFigures expected = figures(county);
            assertThat(figure("registeredAtMonthEnd")).isEqualTo(String.valueOf(expected.registeredAtMonthEnd()));
            assertThat(figure("newRegistrations")).isEqualTo(String.valueOf(expected.newRegistrations()));
            assertThat(figure("reEmployed")).isEqualTo(String.valueOf(expected.reEmployed()));
            assertThat(figure("cancelled")).isEqualTo(String.valueOf(expected.cancelled()));
            assertThat(figure("activeInMonth")).isEqualTo(String.valueOf(expected.activeInMonth()));
            assertThat(figure("contactedInMonth")).isEqualTo(String.valueOf(expected.contactedInMonth()));
            assertThat(figure("contacted.PHONE")).isEqualTo(String.valueOf(
                    expected.contactedByMethod().getOrDefault(cn.pes.casework.events.tracking.ContactMethod.PHONE, 0)));
            assertThat(figure("coverage")).isEqualTo(String.format("%.1f%%", expected.coveragePerMille() / 10.0));
        });
        List<WebElement> streets = browser.findElements(By.cssSelector("table.breakdown tbody tr"));
        assertThat(streets).extracting(row -> row.findElement(By.tagName("td")).getText())
                .containsExactly("XX市中心区公共就业服务中心（本级）", "中心区解放街道劳动保障所", "中心区人民路街道劳动保障所");
        assertThat(streets.get(1).findElements(By.tagName("td")).get(2).getText())
                .isEqualTo(String.valueOf(figures(List.of(STREET)).registeredAtMonthEnd()));
        assertThat(browser.findElements(By.cssSelector("table.trend tbody tr"))).hasSize(12);
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(ExpectedConditions
                .presenceOfElementLocated(By.cssSelector("#chart-trend svg")));
        screenshot("stats-01-monthly");

        // Both downloads, fetched by the page's own session as the links would download them.
        Long exportsBefore = exportsLogged();
        List<?> csv = fetch(browser.findElement(By.cssSelector("a.export-csv")).getAttribute("href"), false);
        assertThat(csv.get(0)).isEqualTo(200L);
        assertThat((String) csv.get(1)).startsWith("text/csv");
        String text = (String) csv.get(2);
        // (A browser's text decoding drops the BOM the file starts with.)
        assertThat(text).startsWith("\"地区\",\"月份\",\"月末登记失业人数\"")
                .contains("\"XX市中心区公共就业服务中心\",\"2026-11\"," + figures(county).registeredAtMonthEnd() + ",");
        List<?> xlsx = fetch(browser.findElement(By.cssSelector("a.export-xlsx")).getAttribute("href"), true);
        assertThat(xlsx.get(0)).isEqualTo(200L);
        assertThat((String) xlsx.get(1)).isEqualTo("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        assertThat(xlsx.get(2)).as("a zip (xlsx) file").isEqualTo("PK");
        assertThat(exportsLogged()).isEqualTo(exportsBefore + 2);

        browser.get(url("/statistics?area=" + COUNTY + "&month=2026-11&lang=en"));
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Monthly statistics");
        browser.get(url("/statistics?lang=zh"));
    }

    @Test
    void theDashboardChangesItsFiguresWithoutAReloadWhenSomeoneRegisters() throws IOException {
        Caseworker elsewhere = caseworker("W-live-b", STREET);
        signIn("caseworker-street", "ChangeMe-2026!");
        browser.get(url("/dashboard?month=2026-11"));
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("section.live[data-live-state=on]")));
        assertThat(browser.findElement(By.cssSelector(".live-state")).getText()).isEqualTo("实时更新中");
        int before = Integer.parseInt(browser.findElement(By.cssSelector("dd.tile-new")).getText());
        int registeredBefore = Integer.parseInt(browser.findElement(By.cssSelector("dd.tile-active")).getText());
        ((JavascriptExecutor) browser).executeScript("window.stillThisPage = true;");

        elsewhere.registerAtWindow(TestIds.adult(), "卫" + System.nanoTime() % 100000);

        wait.until(driver -> Integer.parseInt(driver.findElement(By.cssSelector("dd.tile-new")).getText()) > before);
        assertThat(((JavascriptExecutor) browser).executeScript("return window.stillThisPage === true;"))
                .as("no reload").isEqualTo(true);
        assertThat(Integer.parseInt(browser.findElement(By.cssSelector("dd.tile-active")).getText()))
                .isEqualTo(registeredBefore + 1);
        MonthlyFigures expected = figures(List.of(STREET));
        assertThat(browser.findElement(By.cssSelector("dd.tile-new")).getText())
                .isEqualTo(String.valueOf(expected.newRegistrations()));
        List<WebElement> lastMonth = browser.findElements(By.cssSelector("table.trend tbody tr")).get(11)
                .findElements(By.tagName("td"));
        assertThat(lastMonth.get(2).getText()).isEqualTo(String.valueOf(expected.newRegistrations()));
        screenshot("stats-02-dashboard-live");
    }

    private String figure(String key) {
        return browser.findElement(By.cssSelector("td[data-figure='" + key + "']")).getText();
    }

    private MonthlyFigures figures(List<String> agencyIds) {
        return queryGateway.query(new FindAreaStatisticsQuery(agencyIds, MONTH, MONTH, null),
                ResponseTypes.instanceOf(AreaStatistics.class)).join().months().get(0);
    }

    private Long exportsLogged() {
        return jdbc.queryForObject("SELECT COUNT(*) FROM access_log WHERE action = 'LIST_EXPORTED'"
                + " AND target = 'statistics' AND officer_id = 'N9901A'", Long.class);
    }

    /** [status, content type, the text (CSV) or the first two bytes (workbook)]. */
    private List<?> fetch(String href, boolean binary) {
        browser.manage().timeouts().scriptTimeout(Duration.ofSeconds(30));
        return (List<?>) ((JavascriptExecutor) browser).executeAsyncScript("""
                var url = arguments[0], binary = arguments[1], done = arguments[arguments.length - 1];
                fetch(url, { credentials: 'same-origin' }).then(function (response) {
                  var body = binary
                      ? response.arrayBuffer().then(function (buffer) {
                          return String.fromCharCode.apply(null, new Uint8Array(buffer.slice(0, 2)));
                        })
                      : response.text();
                  return body.then(function (read) {
                    done([response.status, response.headers.get('content-type'), read]);
                  });
                }).catch(function (e) { done([0, '', String(e)]); });
                """, href, binary);
    }
}
