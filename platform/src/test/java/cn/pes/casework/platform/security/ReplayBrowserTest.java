package cn.pes.casework.platform.security;

import cn.pes.casework.platform.support.Caseworker;
import cn.pes.casework.platform.support.TestIds;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.time.Duration;
import java.time.YearMonth;

import static cn.pes.casework.platform.support.Eventually.eventually;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The main path of 数据重放 in the browser: an analyst opens the page from the navigation, starts a
 * replay of the tracking ledger, watches it finish (the page follows the progress by itself) and
 * sees it equal to the live view; an auditor opens the ledger the replay built.
 */
class ReplayBrowserTest extends BrowserPlatformTest {

    private static final String EAST_LAKE_WEST = "990101002";

    @Test
    void anAnalystReplaysTheLedgerAndAnAuditorReadsItAsBuilt() throws Exception {
        Caseworker caseworker = caseworker("W-replay-browser", EAST_LAKE_WEST);
        String caseId = caseworker.registerAtWindow(TestIds.adult(), "窦" + System.nanoTime() % 100000);
        String contactId = caseworker.phoneContact(caseId, NOW.toLocalDate(), true);
        eventually(() -> assertThat(caseworker.ledger(YearMonth.from(NOW)).path("rows").findValuesAsText("contactId"))
                .contains(contactId));

        signIn("analyst", "ChangeMe-2026!");
        browser.get(url("/dashboard"));
        submit(browser.findElement(By.linkText("数据重放")));
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("数据重放");
        new Select(browser.findElement(By.id("target"))).selectByValue("tracking-ledger");
        submit(browser.findElement(By.id("start")));

        assertThat(browser.getCurrentUrl()).contains("/replays/");
        String replayPath = browser.getCurrentUrl().substring(browser.getCurrentUrl().indexOf("/replays/"));
        // The page reloads itself when the replay finishes.
        // Generous: the whole history of the test run is replayed, possibly after other tests' replays.
        new WebDriverWait(browser, Duration.ofSeconds(180)).until(driver ->
                driver.findElement(By.id("state")).getText().equals("已完成"));
        assertThat(browser.findElement(By.id("verdict")).getText()).isEqualTo("与实时视图一致");
        assertThat(browser.findElement(By.id("result")).getText()).contains("tracking_ledgers", "ledger_people");
        screenshot("replay-done");

        browser.get(url("/replays"));
        assertThat(browser.findElement(By.id("replays")).getText()).contains("tracking-ledger", "已完成", "N9901A");
        screenshot("replays");

        browser.manage().deleteAllCookies();
        signIn("auditor", "ChangeMe-2026!");
        browser.get(url(replayPath));
        new Select(browser.findElement(By.name("agency"))).selectByValue("990101");
        submit(browser.findElement(By.cssSelector("#replayed-ledger button")));
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("跟踪台账（时点视图）");
        assertThat(browser.findElements(By.cssSelector("#replayed-rows tr[data-case='" + caseId + "']"))).hasSize(1);
        screenshot("replayed-ledger");
    }
}
