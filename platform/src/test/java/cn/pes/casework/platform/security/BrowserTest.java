package cn.pes.casework.platform.security;

import cn.pes.casework.platform.support.Caseworker;
import cn.pes.casework.platform.support.TestIds;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static cn.pes.casework.platform.CaseLifecycleFlow.caseIds;
import static cn.pes.casework.platform.support.Eventually.eventually;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The caseworkers' pages in a real browser: Debian's headless Chromium (installed by {@code .ci/run})
 * against the running platform. Screenshots of each page go to {@code target/screenshots}.
 */
class BrowserTest extends BrowserPlatformTest {

    @org.springframework.beans.factory.annotation.Autowired
    com.github.kagkarlsson.scheduler.Scheduler deadlines;


    @Test
    void aCaseworkerSignsInFindsAPersonAndReadsTheirTimelineMasked() throws IOException {
        Caseworker api = caseworker("W990101001A", STREET);
        String idNumber = TestIds.adult();
        String name = "韩" + System.nanoTime() % 100000;
        String caseId = api.registerAtWindow(idNumber, name);
        api.phoneContact(caseId, NOW.toLocalDate(), true);
        eventually(() -> {
            assertThat(api.history(caseId).path("entries")).hasSize(3);
            assertThat(caseIds(api.searchByIdNumber(idNumber), "cases")).containsExactly(caseId);
        });

        browser.get(url("/cases"));
        assertThat(browser.getCurrentUrl()).endsWith("/login");
        screenshot("01-sign-in");
        browser.findElement(By.id("username")).sendKeys("caseworker-street");
        browser.findElement(By.id("password")).sendKeys("ChangeMe-2026!");
        submit(browser.findElement(By.cssSelector("button[type=submit]")));
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("查找个人档案");
        assertThat(browser.findElement(By.cssSelector("header .who")).getText())
                .isEqualTo("W990101001A · 中心区解放街道劳动保障所");

        search(idNumber);
        assertThat(browser.getCurrentUrl()).doesNotContain(idNumber);
        List<WebElement> rows = browser.findElements(By.cssSelector("table.results tbody tr"));
        assertThat(rows).hasSize(1);
        assertThat(rows.get(0).getText()).contains("登记有效").doesNotContain(idNumber).doesNotContain(name);
        screenshot("02-search");

        submit(rows.get(0).findElement(By.cssSelector("a.open-case")));
        assertThat(browser.getCurrentUrl()).endsWith("/cases/" + caseId);
        String page = browser.findElement(By.tagName("main")).getText();
        assertThat(page).doesNotContain(idNumber).doesNotContain(name).doesNotContain("13812345678")
                .contains(idNumber.substring(0, 4) + "**********" + idNumber.substring(14));
        List<WebElement> timeline = browser.findElements(By.cssSelector("ol.timeline li"));
        assertThat(timeline).extracting(entry -> entry.getAttribute("data-event"))
                .containsExactly("TrackingContactRecorded", "UnemploymentRegistered", "CaseOpened");
        assertThat(timeline.get(1).getText()).contains("失业登记").contains("W990101001A").contains("窗口");
        screenshot("03-case");

        browser.findElement(By.id("purpose")).sendKeys("核对");
        submit(browser.findElement(By.cssSelector("form.reveal button")));
        assertThat(browser.findElement(By.cssSelector("form.reveal .error")).isDisplayed()).isTrue();
        assertThat(revealsLogged(caseId)).isZero();
        browser.findElement(By.id("purpose")).sendKeys("核对身份，办理就业援助");
        submit(browser.findElement(By.cssSelector("form.reveal button")));
        assertThat(browser.findElement(By.cssSelector("dd.id-number")).getText()).isEqualTo(idNumber);
        assertThat(browser.findElement(By.cssSelector("dd.full-name")).getText()).isEqualTo(name);
        assertThat(revealsLogged(caseId)).isEqualTo(1);
        screenshot("04-revealed");

        browser.get(url("/cases/" + caseId + "?lang=en"));
        assertThat(browser.findElement(By.tagName("h1")).getText()).startsWith("Case file");
        screenshot("05-case-en");
        browser.get(url("/cases?lang=zh"));

        submit(browser.findElement(By.cssSelector("form.signout button")));
        browser.get(url("/cases"));
        assertThat(browser.getCurrentUrl()).endsWith("/login");
    }

    @Test
    void aNameSearchOutsideTheOfficersAgencyFindsNothing() {
        Caseworker elsewhere = caseworker("W-browser-other", OTHER_STREET);
        String name = "魏" + System.nanoTime() % 100000;
        String idNumber = TestIds.adult();
        elsewhere.registerAtWindow(idNumber, name);
        eventually(() -> assertThat(caseIds(elsewhere.searchByName(name), "cases")).hasSize(1));

        browser.get(url("/login"));
        browser.findElement(By.id("username")).sendKeys("caseworker-county");
        browser.findElement(By.id("password")).sendKeys("ChangeMe-2026!");
        submit(browser.findElement(By.cssSelector("button[type=submit]")));
        search(name);

        assertThat(browser.findElements(By.cssSelector("table.results tbody tr"))).isEmpty();
        assertThat(browser.findElement(By.cssSelector("p.empty")).getText()).isEqualTo("没有找到符合条件的档案。");
        search(idNumber);
        assertThat(browser.findElements(By.cssSelector("table.results tbody tr"))).hasSize(1);
        assertThat(browser.getCurrentUrl()).doesNotContain(idNumber);
        submit(browser.findElement(By.cssSelector("a.open-case")));
        assertThat(browser.findElements(By.cssSelector("form.reveal"))).as("another agency's case: no reveal").isEmpty();
    }

    @Test
    void anOfficerChangesTheirPasswordInTheBrowserAndSignsInWithTheNewOne() throws IOException {
        signIn("admin", "ChangeMe-2026!");
        assertThat(browser.getCurrentUrl()).as("an administrator reads no case").endsWith("/account/password");
        assertThat(browser.findElements(By.cssSelector("header nav a"))).as("rebuilding read models, no case")
                .extracting(WebElement::getText).containsExactly("数据重放", "修改密码");
        screenshot("06-password");

        changePassword("ChangeMe-2026!", "Admin-Browser-2027", "Admin-Browser-2028");
        assertThat(browser.findElement(By.cssSelector("p.error")).getText()).isEqualTo("两次输入的新密码不一致。");
        changePassword("wrong-password", "Admin-Browser-2027", "Admin-Browser-2027");
        assertThat(browser.findElement(By.cssSelector("p.error")).getText()).isEqualTo("当前密码不正确。");
        changePassword("ChangeMe-2026!", "Admin-Browser-2027", "Admin-Browser-2027");
        assertThat(browser.findElement(By.cssSelector("p.done")).getText()).startsWith("密码已修改");

        submit(browser.findElement(By.cssSelector("form.signout button")));
        signIn("admin", "ChangeMe-2026!");
        assertThat(browser.getCurrentUrl()).contains("/login?error");
        signIn("admin", "Admin-Browser-2027");
        // Back to the configured password, for the other tests that sign in as the administrator.
        changePassword("Admin-Browser-2027", "ChangeMe-2026!", "ChangeMe-2026!");
        assertThat(browser.findElement(By.cssSelector("p.done")).getText()).startsWith("密码已修改");
    }

    @Test
    void aCaseworkerOnTheInitialPasswordIsSentToChangeItBeforeAnythingElse() throws IOException {
        jdbc.update("UPDATE officer_account SET initial_password = TRUE WHERE username = 'caseworker-county'");
        signIn("caseworker-county", "ChangeMe-2026!");
        assertThat(browser.getCurrentUrl()).endsWith("/account/password?initial=true");
        assertThat(browser.findElement(By.id("initial-password")).getText()).contains("初始密码");
        browser.get(url("/ledger"));
        assertThat(browser.getCurrentUrl()).endsWith("/account/password?initial=true");
        screenshot("17-initial-password");

        changePassword("ChangeMe-2026!", "County-Browser-2027", "County-Browser-2027");
        assertThat(browser.findElement(By.cssSelector("p.done")).getText()).startsWith("密码已修改");
        browser.get(url("/ledger"));
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("跟踪台账");
        // Back to the configured password, for the other tests that sign in as this caseworker.
        changePassword("County-Browser-2027", "ChangeMe-2026!", "ChangeMe-2026!");
        assertThat(browser.findElement(By.cssSelector("p.done")).getText()).startsWith("密码已修改");
    }

    @Test
    void theAgencysLedgerShowsTheContactMaskedFiltersAndExports() throws IOException {
        Caseworker api = caseworker("W990101001A", STREET);
        String idNumber = TestIds.adult();
        String name = "郑" + System.nanoTime() % 100000;
        String contacted = api.registerAtWindow(idNumber, name);
        api.phoneContact(contacted, NOW.toLocalDate(), true);
        String waiting = api.registerAtWindow(TestIds.adult(), "王" + System.nanoTime() % 100000);
        eventually(() -> {
            assertThat(api.ledger(java.time.YearMonth.from(NOW)).path("rows").toString()).contains(contacted);
            assertThat(api.uncontacted(java.time.YearMonth.from(NOW)).toString()).contains(waiting);
        });

        signIn("caseworker-street", "ChangeMe-2026!");
        // Each table shows 50 rows at a time: the pages the two cases are on, as the lists order them. Found again
        // until they hold still: other tests' cases may still be entering or leaving the lists.
        eventually(() -> {
            List<String> uncontacted = new ArrayList<>();
            api.uncontacted(java.time.YearMonth.from(NOW)).path("cases")
               .forEach(line -> uncontacted.add(line.path("caseId").asText()));
            List<String> contacts = new ArrayList<>();
            api.ledger(java.time.YearMonth.from(NOW)).path("rows")
               .forEach(line -> contacts.add(line.path("caseId").asText()));
            browser.get(url("/ledger?month=2026-11&ledgerPage=" + (contacts.indexOf(contacted) / 50 + 1)
                    + "&uncontactedPage=" + (uncontacted.indexOf(waiting) / 50 + 1)));
            assertThat(browser.findElements(By.cssSelector("table.ledger tr[data-case='" + contacted + "']"))).hasSize(1);
            assertThat(browser.findElements(By.cssSelector("table.uncontacted tr[data-case='" + waiting + "']"))).hasSize(1);
        });
        WebElement row = browser.findElement(By.cssSelector("table.ledger tr[data-case='" + contacted + "']"));
        assertThat(row.getText()).contains("电话调查").contains(name.substring(0, 1) + "*").doesNotContain(name)
                .doesNotContain(idNumber);
        screenshot("07-ledger");

        // Filtered before paged: the visits' page holds no telephone contact, the telephone page nothing else.
        browser.get(url("/ledger?month=2026-11&method=ON_SITE_VISIT"));
        assertThat(browser.findElements(By.cssSelector("table.ledger tr[data-case='" + contacted + "']"))).isEmpty();
        assertThat(browser.findElements(By.cssSelector("table.ledger tbody tr"))).allSatisfy(line ->
                assertThat(line.getText()).doesNotContain("电话调查"));
        browser.get(url("/ledger?month=2026-11&method=PHONE"));
        assertThat(browser.findElements(By.cssSelector("table.ledger tbody tr"))).isNotEmpty().allSatisfy(line ->
                assertThat(line.getText()).contains("电话调查"));

        String csv = api.http().get().uri("/ledger.csv?month=2026-11").header("Authorization", api.bearer())
                .exchange().expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody();
        assertThat(csv).startsWith("\uFEFF跟踪日期,姓名,身份证号码").contains(name.substring(0, 1) + "*").doesNotContain(name)
                .doesNotContain(idNumber);

        caseworker("W-other-ledger", OTHER_STREET).getting("/ledger?agency=" + STREET).expectStatus().isNotFound();
    }

    @Test
    void anAnalystSeesTheDashboardChartsWithoutPersonalData() throws IOException {
        Caseworker api = caseworker("W990101001A", STREET);
        String name = "冯" + System.nanoTime() % 100000;
        String caseId = api.registerAtWindow(TestIds.adult(), name);
        api.phoneContact(caseId, NOW.toLocalDate(), true);
        eventually(() -> {
            assertThat(api.ledger(java.time.YearMonth.from(NOW)).path("rows").toString()).contains(caseId);
            assertThat(api.history(caseId).path("entries")).hasSize(3);
        });
        // The figures come from three read models, each following the events on its own.
        eventually(() -> assertThat(api.get("/api/statistics/agencies/" + STREET + "/caseload?month=2026-11")
                .path("newRegistrations").asInt()).isPositive());

        signIn("analyst", "ChangeMe-2026!");
        if (!browser.getCurrentUrl().endsWith("/dashboard")) {
            // The analyst's password may have been changed by the sign-in tests of this run.
            signIn("analyst", "Analyst-Passwort-2027");
        }
        browser.get(url("/dashboard?month=2026-11"));
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(ExpectedConditions
                .presenceOfElementLocated(By.cssSelector("#chart-agencies svg")));
        assertThat(browser.findElements(By.cssSelector("#chart-trend svg"))).isNotEmpty();
        // The page shows what the statistics API answers (retried while a read model still catches up).
        eventually(() -> {
            browser.get(url("/dashboard?month=2026-11"));
            WebElement street = browser.findElements(By.cssSelector("table.by-agency tbody tr")).stream()
                    .filter(line -> line.getText().startsWith("中心区解放街道劳动保障所")).findFirst().orElseThrow();
            List<String> cells = street.findElements(By.tagName("td")).stream().map(WebElement::getText).toList();
            com.fasterxml.jackson.databind.JsonNode figures = api.get("/api/statistics/agencies/" + STREET
                    + "/caseload?month=2026-11");
            assertThat(figures.path("newRegistrations").asInt()).isPositive();
            assertThat(cells.subList(1, 6)).containsExactly(figures.path("activeCases").asText(),
                    figures.path("newRegistrations").asText(), figures.path("employed").asText(),
                    figures.path("cancelled").asText(), figures.path("contactedCases").asText());
        });
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(ExpectedConditions
                .presenceOfElementLocated(By.cssSelector("#chart-trend svg")));
        com.fasterxml.jackson.databind.JsonNode figures = api.get("/api/statistics/agencies/" + STREET
                + "/caseload?month=2026-11");
        // The area's twelve months (统计月报 figures), the month asked last.
        List<WebElement> months = browser.findElements(By.cssSelector("table.trend tbody tr"));
        assertThat(months).hasSize(12);
        assertThat(months.get(11).findElement(By.tagName("td")).getText()).isEqualTo("2026-11");
        assertThat(Integer.parseInt(browser.findElement(By.cssSelector("dd.tile-new")).getText()))
                .isGreaterThanOrEqualTo(figures.path("newRegistrations").asInt());
        assertThat(browser.findElements(By.cssSelector("#chart-trend svg path")).size()).isPositive();
        assertThat(browser.findElement(By.cssSelector("#chart-trend")).getText()).contains("新增登记");
        assertThat(browser.findElement(By.tagName("main")).getText()).doesNotContain(name.substring(0, 1) + "*");
        assertThat(browser.findElements(By.cssSelector("header nav a"))).extracting(WebElement::getText)
                .containsExactly("统计看板", "统计月报", "数据重放", "修改密码");
        assertThat(browser.findElement(By.cssSelector("nav a[aria-current=page]")).getText()).isEqualTo("统计看板");
        screenshot("08-dashboard");
        caseworker("W-dash", STREET).getting("/dashboard?month=2026-11").expectStatus().isOk();
        officer("S-dash", CITY, cn.pes.casework.security.Role.ADMINISTRATOR).getting("/dashboard")
                .expectStatus().isForbidden();
    }

    @Test
    void aCaseworkerRegistersAtTheWindowAndSeesRefusalReasonsNextToTheirFields() throws IOException {
        signIn("caseworker-street", "ChangeMe-2026!");
        String idNumber = TestIds.adult();
        String name = "褚" + System.nanoTime() % 100000;

        browser.get(url("/registrations/new"));
        browser.findElement(By.id("idNumber")).sendKeys(idNumber);
        browser.findElement(By.id("name")).sendKeys(name);
        browser.findElement(By.id("phone")).sendKeys("13912345678");
        new org.openqa.selenium.support.ui.Select(browser.findElement(By.id("presentedDocument")))
                .selectByValue("RESIDENT_ID_CARD");
        new org.openqa.selenium.support.ui.Select(browser.findElement(By.id("reason"))).selectByValue("LOST_JOB");
        browser.findElement(By.cssSelector("input[name=employed]")).click();
        screenshot("09-register");
        submit(browser.findElement(By.cssSelector("form.register button")));

        assertThat(browser.findElement(By.cssSelector("p.refused")).getText()).contains("不符合登记条件");
        assertThat(browser.findElement(By.id("employed-error")).getText()).isEqualTo("已就业，不予登记");
        assertThat(browser.findElement(By.id("idNumber")).getAttribute("value")).isEqualTo(idNumber);
        screenshot("10-refused");

        browser.findElement(By.cssSelector("input[name=employed]")).click();
        submit(browser.findElement(By.cssSelector("form.register button")));
        assertThat(browser.findElement(By.cssSelector("p.done")).getText()).isEqualTo("第 1 次失业登记已生效。");
        String caseId = browser.findElement(By.cssSelector("a.open-case")).getAttribute("href")
                .replaceAll(".*/cases/", "");
        Caseworker api = caseworker("W990101001A", STREET);
        eventually(() -> {
            List<String> events = new java.util.ArrayList<>();
            api.history(caseId).path("entries").forEach(entry -> events.add(entry.path("eventType").asText()));
            assertThat(events).containsExactly("CaseOpened", "RegistrationRefused", "UnemploymentRegistered");
        });
        assertThat(api.history(caseId).path("entries").get(2).path("officerId").asText()).isEqualTo("W990101001A");

        browser.get(url("/registrations/new"));
        browser.findElement(By.id("idNumber")).sendKeys(TestIds.withWrongCheckDigit(TestIds.adult()));
        browser.findElement(By.id("name")).sendKeys("错号");
        new org.openqa.selenium.support.ui.Select(browser.findElement(By.id("reason"))).selectByValue("GRADUATE");
        new org.openqa.selenium.support.ui.Select(browser.findElement(By.id("presentedDocument")))
                .selectByValue("SOCIAL_SECURITY_CARD");
        long before = storedEvents();
        submit(browser.findElement(By.cssSelector("form.register button")));
        assertThat(browser.findElement(By.id("idNumber-error")).getText()).startsWith("身份证号码无效");
        assertThat(storedEvents()).isEqualTo(before);
    }

    @Test
    void aCaseworkerRecordsATrackingContactFromTheCaseAndSeesItInTheTimelineAndTheLedger() throws IOException {
        Caseworker api = caseworker("W990101001A", STREET);
        String caseId = api.registerAtWindow(TestIds.adult(), "蒋" + System.nanoTime() % 100000);
        eventually(() -> {
            api.getting("/api/cases/" + caseId).expectStatus().isOk();
            assertThat(api.history(caseId).path("entries")).hasSize(2);
        });
        signIn("caseworker-street", "ChangeMe-2026!");

        browser.get(url("/cases/" + caseId));
        submit(browser.findElement(By.cssSelector("a.new-contact")));
        new org.openqa.selenium.support.ui.Select(browser.findElement(By.id("method")))
                .selectByValue("INFORMATION_COMPARISON");
        browser.findElement(By.cssSelector("input[name=reached]")).click();
        new org.openqa.selenium.support.ui.Select(browser.findElement(By.id("statusFound"))).selectByValue("UNEMPLOYED");
        browser.findElement(By.cssSelector("input[value=CAREER_GUIDANCE]")).click();
        long before = storedEvents();
        submit(browser.findElement(By.cssSelector("form.contact button")));
        assertThat(browser.findElement(By.id("dataMatchSource-error")).getText()).contains("TRK-3");
        assertThat(storedEvents()).isEqualTo(before);
        screenshot("11-contact-refused");

        browser.findElement(By.id("dataMatchSource")).sendKeys("社保参保数据比对");
        browser.findElement(By.id("nextStep")).sendKeys("下月继续比对");
        submit(browser.findElement(By.cssSelector("form.contact button")));
        assertThat(browser.getCurrentUrl()).endsWith("/cases/" + caseId);
        eventually(() -> {
            browser.navigate().refresh();
            assertThat(browser.findElements(By.cssSelector("ol.timeline li")).get(0).getAttribute("data-event"))
                    .isEqualTo("TrackingContactRecorded");
        });
        assertThat(browser.findElements(By.cssSelector("ol.timeline li")).get(0).getText()).contains("信息比对");
        // The ledger is a read model of its own: it may show the contact after the timeline does.
        eventually(() -> {
            browser.get(url("/ledger?month=2026-11&method=INFORMATION_COMPARISON"));
            assertThat(browser.findElements(By.cssSelector("table.ledger tr[data-case='" + caseId + "']")))
                    .hasSize(1);
        });
    }

    @Test
    void aCaseworkerApprovesOneOnlineApplicationAndRejectsAnotherWithAReason() throws IOException {
        Caseworker api = caseworker("W990101001A", STREET);
        String approved = api.post("/api/registrations", Caseworker.onlineApplication(TestIds.adult(),
                        "吕" + System.nanoTime() % 100000, "CITY_PES_CLOUD")).expectStatus().isCreated()
                .expectBody(com.fasterxml.jackson.databind.JsonNode.class).returnResult().getResponseBody()
                .path("caseId").asText();
        String rejected = api.post("/api/registrations", Caseworker.onlineApplication(TestIds.adult(),
                        "施" + System.nanoTime() % 100000, "NATIONAL_HRSS_PLATFORM")).expectStatus().isCreated()
                .expectBody(com.fasterxml.jackson.databind.JsonNode.class).returnResult().getResponseBody()
                .path("caseId").asText();
        eventually(() -> assertThat(api.pendingApplications(false).toString()).contains(approved).contains(rejected));
        signIn("caseworker-street", "ChangeMe-2026!");

        browser.get(url("/applications"));
        screenshot("12-applications");
        submit(browser.findElement(By.cssSelector("tr[data-case='" + approved + "'] button.approve")));
        assertThat(browser.findElement(By.cssSelector("p.done")).getText()).isEqualTo("已准予登记。");
        eventually(() -> assertThat(api.caseView(approved).path("status").asText()).isEqualTo("ACTIVE"));

        browser.get(url("/applications"));
        submit(browser.findElement(By.cssSelector("tr[data-case='" + rejected + "'] button.secondary")));
        assertThat(browser.findElement(By.cssSelector("p.error")).getText()).isEqualTo("不予登记须说明原因。");
        browser.findElement(By.id("reason-" + rejected)).sendKeys("申请人已在外市登记");
        submit(browser.findElement(By.cssSelector("tr[data-case='" + rejected + "'] button.secondary")));
        assertThat(browser.findElement(By.cssSelector("p.done")).getText()).isEqualTo("已决定不予登记。");
        eventually(() -> assertThat(api.caseView(rejected).path("status").asText()).isEqualTo("REJECTED"));
    }

    @Test
    void aCaseworkerEndsOneRegistrationByEmploymentAndCancelsAnotherWithEvidenceAndNotification() throws IOException {
        Caseworker api = caseworker("W990101001A", STREET);
        String employed = api.registerAtWindow(TestIds.adult(), "孔" + System.nanoTime() % 100000);
        String cancelled = api.registerAtWindow(TestIds.adult(), "曹" + System.nanoTime() % 100000);
        eventually(() -> {
            api.getting("/api/cases/" + employed).expectStatus().isOk();
            api.getting("/api/cases/" + cancelled).expectStatus().isOk();
        });
        String today = NOW.toLocalDate().toString();
        signIn("caseworker-street", "ChangeMe-2026!");

        browser.get(url("/cases/" + employed));
        submit(browser.findElement(By.cssSelector("a.new-employment")));
        new org.openqa.selenium.support.ui.Select(browser.findElement(By.id("type"))).selectByValue("EMPLOYED_BY_UNIT");
        browser.findElement(By.id("employer")).sendKeys("XX精密机械厂");
        setDate("startDate", today);
        new org.openqa.selenium.support.ui.Select(browser.findElement(By.id("evidenceSource"))).selectByValue("DATA_MATCH");
        browser.findElement(By.id("evidenceReference")).sendKeys("参保登记 2026-11");
        submit(browser.findElement(By.cssSelector("form.ending button")));
        assertThat(browser.getCurrentUrl()).endsWith("/cases/" + employed);
        eventually(() -> assertThat(api.caseView(employed).path("status").asText()).isEqualTo("EMPLOYED"));

        browser.get(url("/cases/" + cancelled + "/cancellation/new"));
        new org.openqa.selenium.support.ui.Select(browser.findElement(By.id("ground"))).selectByValue("FULL_TIME_SCHOOL");
        setDate("effectiveDate", today);
        new org.openqa.selenium.support.ui.Select(browser.findElement(By.id("evidenceSource"))).selectByValue("DOCUMENT");
        setDate("notifiedOn", today);
        long before = storedEvents();
        submit(browser.findElement(By.cssSelector("form.ending button")));
        assertThat(browser.findElement(By.id("notificationMethod-error")).getText()).isEqualTo("必填");
        assertThat(storedEvents()).isEqualTo(before);
        new org.openqa.selenium.support.ui.Select(browser.findElement(By.id("notificationMethod"))).selectByValue("PHONE");
        screenshot("13-cancellation");
        submit(browser.findElement(By.cssSelector("form.ending button")));
        eventually(() -> assertThat(api.caseView(cancelled).path("status").asText()).isEqualTo("CANCELLED"));
    }

    @Test
    void aContactProposesACancellationWithItsEvidenceAndLeavesTheRegistrationActive() throws IOException {
        Caseworker api = caseworker("W990101001A", STREET);
        String caseId = api.registerAtWindow(TestIds.adult(), "严" + System.nanoTime() % 100000);
        eventually(() -> {
            api.getting("/api/cases/" + caseId).expectStatus().isOk();
            assertThat(api.history(caseId).path("entries")).hasSize(2);
        });
        signIn("caseworker-street", "ChangeMe-2026!");

        browser.get(url("/cases/" + caseId + "/contacts/new"));
        new org.openqa.selenium.support.ui.Select(browser.findElement(By.id("method"))).selectByValue("PHONE");
        browser.findElement(By.cssSelector("input[name=reached]")).click();
        new org.openqa.selenium.support.ui.Select(browser.findElement(By.id("statusFound"))).selectByValue("UNEMPLOYED");
        new org.openqa.selenium.support.ui.Select(browser.findElement(By.id("proposedGround")))
                .selectByValue("DROPPED_JOB_SEEKING");
        browser.findElement(By.id("proposalEvidenceReference")).sendKeys("通话记录 2026-11-27");
        long before = storedEvents();
        submit(browser.findElement(By.cssSelector("form.contact button")));
        assertThat(browser.findElement(By.id("proposalEvidenceSource-error")).getText()).contains("CAN-2");
        assertThat(storedEvents()).isEqualTo(before);

        new org.openqa.selenium.support.ui.Select(browser.findElement(By.id("proposalEvidenceSource")))
                .selectByValue("CALL");
        browser.findElement(By.id("proposalEvidenceDescription")).sendKeys("本人表示已不再求职");
        screenshot("14-contact-proposal");
        submit(browser.findElement(By.cssSelector("form.contact button")));
        assertThat(browser.getCurrentUrl()).endsWith("/cases/" + caseId);
        eventually(() -> {
            browser.navigate().refresh();
            assertThat(browser.findElements(By.cssSelector("ol.timeline li")).get(0).getText())
                    .contains("建议注销").contains("放弃求职要求").contains("电话核实");
        });
        assertThat(api.caseView(caseId).path("status").asText()).isEqualTo("ACTIVE");
    }

    @Test
    void theKeyboardReachesTheSkipLinkTheNavigationAndTheFormInOrder() {
        signIn("caseworker-street", "ChangeMe-2026!");
        browser.get(url("/ledger"));
        ((org.openqa.selenium.JavascriptExecutor) browser).executeScript("document.activeElement.blur();");
        List<String> reached = new java.util.ArrayList<>();
        org.openqa.selenium.interactions.Actions keys = new org.openqa.selenium.interactions.Actions(browser);
        for (int i = 0; i < 48; i++) {
            keys.sendKeys(org.openqa.selenium.Keys.TAB).perform();
            WebElement focused = browser.switchTo().activeElement();
            String href = focused.getAttribute("href");
            reached.add(href != null ? href.replace(url(""), "") : focused.getTagName() + "#" + focused.getAttribute("name"));
        }
        assertThat(reached.get(0)).endsWith("#main");
        assertThat(reached).containsSubsequence("/cases", "/registrations/new", "/applications", "/ledger",
                "/comparison", "/comparison/proposals", "/comparison/reconciliation", "/subsidies", "/subsidies/missed", "/dashboard", "/account/password", "select#agency", "input#month",
                "select#method");
        assertThat(browser.findElement(By.cssSelector("nav a[aria-current=page]")).getAttribute("href"))
                .endsWith("/ledger");
        assertThat(browser.findElements(By.cssSelector("nav .section-name"))).extracting(WebElement::getText)
                .containsExactly("失业登记与跟踪", "信息比对", "技能提升补贴", "职业介绍与指导", "创业服务", "统计分析",
                        "账户");
    }

    @Test
    void thePagesFitATabletScreenWithoutSidewaysScrolling() throws IOException {
        Caseworker api = caseworker("W990101001A", STREET);
        String caseId = api.registerAtWindow(TestIds.adult(), "葛" + System.nanoTime() % 100000);
        eventually(() -> assertThat(api.history(caseId).path("entries")).hasSize(2));
        signIn("caseworker-street", "ChangeMe-2026!");
        // An iPad-sized viewport in portrait, as county offices use at the counter.
        browser.manage().window().setSize(new org.openqa.selenium.Dimension(820, 1180));
        for (String page : List.of("/cases", "/cases/" + caseId, "/cases/" + caseId + "/contacts/new",
                "/registrations/new", "/ledger", "/applications", "/dashboard")) {
            browser.get(url(page));
            Object overflow = ((org.openqa.selenium.JavascriptExecutor) browser).executeScript(
                    "return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
            assertThat(((Number) overflow).intValue()).as("sideways overflow of %s", page).isLessThanOrEqualTo(0);
        }
        browser.get(url("/cases/" + caseId));
        screenshot("15-tablet-case");
        browser.get(url("/ledger"));
        screenshot("16-tablet-ledger");
    }

    @Test
    void anAuditorFindsWhoRevealedACaseInTheAccessLog() throws IOException {
        Caseworker api = caseworker("W990101001A", STREET);
        String caseId = api.registerAtWindow(TestIds.adult(), "邹" + System.nanoTime() % 100000);
        eventually(() -> api.getting("/api/cases/" + caseId).expectStatus().isOk());
        api.reveal(caseId);

        signIn("auditor", "ChangeMe-2026!");
        browser.get(url("/audit/access-log"));
        assertThat(browser.findElement(By.cssSelector("nav a[aria-current=page]")).getText()).isEqualTo("访问日志");
        new org.openqa.selenium.support.ui.Select(browser.findElement(By.name("action")))
                .selectByValue("PERSONAL_DATA_REVEALED");
        browser.findElement(By.name("target")).sendKeys(caseId);
        submit(browser.findElement(By.cssSelector("form.filters button")));
        List<WebElement> rows = browser.findElements(By.cssSelector("table.access-log tbody tr"));
        assertThat(rows).hasSize(1);
        assertThat(rows.get(0).getText()).contains("W990101001A").contains("查看完整个人信息").contains(caseId);
        screenshot("18-access-log");

        setDate("from", "2026-11-28");
        submit(browser.findElement(By.cssSelector("form.filters button")));
        assertThat(browser.findElements(By.cssSelector("table.access-log tbody tr"))).isEmpty();
        caseworker("W-log", STREET).getting("/audit/access-log").expectStatus().isForbidden();
    }

    @Test
    void aCertificateGoesFromTheCaseToTheDepartmentWhichApprovesIt() throws IOException {
        Caseworker api = caseworker("W990101001A", STREET);
        String name = "钱" + System.nanoTime() % 100000;
        String caseId = api.registerAtWindow(TestIds.adult(), name);
        eventually(() -> api.getting("/api/cases/" + caseId).expectStatus().isOk());
        signIn("caseworker-street", "ChangeMe-2026!");

        browser.get(url("/cases/" + caseId));
        submit(browser.findElement(By.cssSelector("a.new-subsidy")));
        browser.findElement(By.id("occupation")).sendKeys("电工");
        new org.openqa.selenium.support.ui.Select(browser.findElement(By.id("level"))).selectByValue("LEVEL_4");
        browser.findElement(By.id("certificateNumber")).sendKeys("S2026" + System.nanoTime() % 100000000);
        browser.findElement(By.id("issuingBody")).sendKeys("XX市职业技能鉴定指导中心");
        new org.openqa.selenium.support.ui.Select(browser.findElement(By.id("place"))).selectByValue("HOUSEHOLD_REGISTRATION");
        // Issued more than 12 months before the application: SUB-2 refuses it at the date.
        setDate("issuedOn", NOW.toLocalDate().minusMonths(13).toString());
        submit(browser.findElement(By.cssSelector("form.subsidy button")));
        assertThat(browser.findElement(By.id("issuedOn-error")).getText()).contains("SUB-2");
        screenshot("19-subsidy-refused");

        setDate("issuedOn", NOW.toLocalDate().minusMonths(2).toString());
        submit(browser.findElement(By.cssSelector("form.subsidy button")));
        assertThat(browser.getCurrentUrl()).endsWith("/cases/" + caseId);
        eventually(() -> {
            browser.navigate().refresh();
            assertThat(browser.findElements(By.cssSelector("table.case-subsidies tr[data-stage=RECEIVED]"))).hasSize(1);
        });
        submit(browser.findElement(By.cssSelector("form.signout button")));

        signIn("reviewer", "ChangeMe-2026!");
        String row = "table.subsidies tr:has(a[href$='" + caseId + "'])";
        eventually(() -> {
            browser.get(url("/subsidies?department=" + COUNTY));
            assertThat(browser.findElements(By.cssSelector(row))).hasSize(1);
        });
        assertThat(browser.findElement(By.cssSelector(row)).getAttribute("data-stage")).isEqualTo("RECEIVED");
        screenshot("20-subsidy-pipeline");
        submit(browser.findElement(By.cssSelector(row + " button.approve")));
        assertThat(browser.findElement(By.cssSelector("p.done")).getText()).startsWith("已审核通过");
        eventually(() -> {
            browser.get(url("/subsidies?department=" + COUNTY));
            assertThat(browser.findElement(By.cssSelector(row)).getAttribute("data-stage")).isEqualTo("IN_PUBLICITY");
        });
        assertThat(browser.findElement(By.cssSelector(row)).getText()).contains("1500").contains("钱*")
                .doesNotContain(name);

        // Publicity (5 working days from the Monday after) is over by 2026-12-07: it ends by itself.
        clock.set(NOW.plusDays(10));
        try {
            deadlines.triggerCheckForDueExecutions();
            eventually(() -> {
                browser.get(url("/subsidies?department=" + COUNTY));
                assertThat(browser.findElement(By.cssSelector(row)).getAttribute("data-stage"))
                        .isEqualTo("AWAITING_PAYMENT");
            });
            browser.findElement(By.cssSelector(row + " input[name=accountReference]")).sendKeys("6222020200112233");
            submit(browser.findElement(By.cssSelector(row + " button.pay")));
            assertThat(browser.findElement(By.cssSelector("p.done")).getText()).isEqualTo("已登记拨付。");
            eventually(() -> {
                browser.get(url("/subsidies?department=" + COUNTY));
                assertThat(browser.findElement(By.cssSelector(row)).getAttribute("data-stage")).isEqualTo("PAID");
            });
            screenshot("21-subsidy-paid");
            browser.get(url("/cases/" + caseId));
            eventually(() -> {
                browser.navigate().refresh();
                assertThat(browser.findElement(By.cssSelector("ol.timeline")).getText())
                        .contains("公示期满").contains("****2233").doesNotContain("6222020200112233");
            });
        } finally {
            clock.set(NOW);
        }
    }

    private void changePassword(String current, String next, String repeat) {
        browser.get(url("/account/password"));
        browser.findElement(By.id("currentPassword")).sendKeys(current);
        browser.findElement(By.id("newPassword")).sendKeys(next);
        browser.findElement(By.id("repeatPassword")).sendKeys(repeat);
        submit(browser.findElement(By.cssSelector("form.password button")));
    }

    private int revealsLogged(String caseId) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM access_log WHERE action = 'PERSONAL_DATA_REVEALED' "
                + "AND target = ? AND officer_id = 'W990101001A'", Integer.class, caseId);
    }

    private void search(String term) {
        browser.get(url("/cases"));
        browser.findElement(By.id("q")).sendKeys(term);
        submit(browser.findElement(By.cssSelector("form.search button")));
    }
}
