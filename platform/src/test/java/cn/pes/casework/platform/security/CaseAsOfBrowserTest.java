package cn.pes.casework.platform.security;

import cn.pes.casework.platform.support.Caseworker;
import cn.pes.casework.platform.support.TestIds;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import static cn.pes.casework.platform.support.Eventually.eventually;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * 历史时点查看 in the browser: from the case page to the moment between a registration and an
 * employment recorded after it but in effect from the same day; both bases, the learned-later list,
 * and a moment in the future refused at its field.
 */
class CaseAsOfBrowserTest extends BrowserPlatformTest {

    @Test
    void aCaseworkerLooksAtACaseAsItWasAndSeesWhatWasLearnedLater() throws Exception {
        // Events carry the real recording time: the platform's day is the real one here.
        LocalDateTime now = LocalDateTime.now(zone()).truncatedTo(ChronoUnit.SECONDS);
        if (!now.plusMinutes(5).toLocalDate().equals(now.toLocalDate())) {
            // The platform's clock runs five minutes ahead so that real recording times are in its past; in
            // the last five minutes before midnight (agency zone) that would put its day after the real one.
            Thread.sleep(java.time.Duration.between(now, now.toLocalDate().plusDays(1).atStartOfDay()).toMillis() + 1000);
            now = LocalDateTime.now(zone()).truncatedTo(ChronoUnit.SECONDS);
        }
        clock.set(now.plusMinutes(5));
        LocalDate today = now.toLocalDate();
        Caseworker api = caseworker("W990101001A", STREET);
        String idNumber = TestIds.adult();
        String name = "柏" + System.nanoTime() % 100000;
        String caseId = api.registerAtWindow(idNumber, name);
        eventually(() -> assertThat(api.history(caseId).path("entries")).hasSize(2));
        Thread.sleep(1100);
        Instant between = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        Thread.sleep(1100);
        api.post("/api/cases/" + caseId + "/employment", Map.of(
                "employment", Map.of("type", "EMPLOYED_BY_UNIT", "employer", "XX机械厂", "startDate", today.toString()),
                "evidence", Map.of("source", "DATA_MATCH", "reference", "SI-asof-browser"))).expectStatus().isOk();
        eventually(() -> assertThat(api.caseView(caseId).path("status").asText()).isEqualTo("EMPLOYED"));

        signIn("caseworker-street", "ChangeMe-2026!");
        browser.get(url("/cases/" + caseId));
        submit(browser.findElement(By.cssSelector("a.as-of")));
        assertThat(browser.getCurrentUrl()).contains("/cases/" + caseId + "/as-of");
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("历史时点查看");

        setDate("at", LocalDateTime.ofInstant(between, zone()).toString());
        submit(browser.findElement(By.cssSelector("button.show-as-of")));
        assertThat(browser.findElement(By.cssSelector("dd.status")).getText()).isEqualTo("登记有效");
        assertThat(browser.findElements(By.cssSelector("ol.as-of-timeline li"))).extracting(li -> li.getAttribute("data-event"))
                .containsExactly("UnemploymentRegistered", "CaseOpened");
        List<WebElement> learned = browser.findElements(By.cssSelector("table.learned-later tbody tr"));
        assertThat(learned).hasSize(1);
        assertThat(learned.get(0).getAttribute("data-event")).isEqualTo("Employed");
        assertThat(learned.get(0).getText()).contains(today.toString());
        assertThat(browser.findElement(By.cssSelector("table.as-of-differences tr[data-field=status]")).getText())
                .contains("登记有效", "已就业");
        String page = browser.findElement(By.tagName("main")).getText();
        assertThat(page).doesNotContain(idNumber).doesNotContain(name);
        screenshot("asof-01-recorded");

        browser.findElement(By.cssSelector("input[name=basis][value=EFFECTIVE]")).click();
        submit(browser.findElement(By.cssSelector("button.show-as-of")));
        assertThat(browser.findElement(By.cssSelector("p.as-of-moment")).getAttribute("data-basis")).isEqualTo("EFFECTIVE");
        assertThat(browser.findElement(By.cssSelector("dd.status")).getText()).isEqualTo("已就业");
        assertThat(browser.findElements(By.cssSelector("ol.as-of-timeline li"))).hasSize(3);
        assertThat(browser.findElements(By.cssSelector("table.learned-later tbody tr"))).hasSize(1);
        screenshot("asof-02-effective");

        browser.get(url("/cases/" + caseId + "/as-of?at=" + now.plusDays(2) + "&basis=RECORDED"));
        assertThat(browser.findElement(By.id("at-error")).getText()).isEqualTo("时点不能晚于现在。");
        assertThat(browser.findElements(By.cssSelector("dd.status"))).isEmpty();

        // The two past views shown; the case page's own views are logged too, with another detail.
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM access_log WHERE action = 'CASE_VIEWED' AND target = ?"
                + " AND officer_id = 'W990101001A' AND detail LIKE 'as of %'", Long.class, caseId)).isEqualTo(2);
    }
}
