package cn.pes.casework.platform.security;

import cn.pes.casework.platform.support.Caseworker;
import cn.pes.casework.platform.support.CreditCodes;
import cn.pes.casework.platform.support.TestIds;
import cn.pes.casework.security.Role;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static cn.pes.casework.platform.support.Eventually.eventually;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The employer, vacancy and recruitment fair pages (JOB-3, JOB-5) in headless Chromium, as a street
 * caseworker works them: an employer registered (a wrong credit code refused at its field first), a
 * vacancy posted, published and found, a fair planned, held and closed with its counts, and the
 * dashboard counting the fair. Screenshots go to {@code target/screenshots} as {@code employer-*}.
 */
class EmployerBrowserTest extends BrowserPlatformTest {



    @Test
    void aCaseworkerRegistersAnEmployerPublishesAVacancyAndHoldsAFairThatTheDashboardCounts() throws IOException {
        Caseworker api = caseworker("W990101001A", STREET);
        String personName = "卫" + System.nanoTime() % 100000;
        String caseId = publishedJobSeeker(api, personName, "数控车工");
        signIn();

        // An employer: a wrong check character is refused at the credit code, nothing stored.
        String creditCode = CreditCodes.fresh();
        browser.get(url("/employers"));
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("用人单位");
        browser.findElement(By.id("creditCode")).sendKeys(creditCode.substring(0, 17)
                + (creditCode.charAt(17) == '0' ? '1' : '0'));
        browser.findElement(By.id("name")).sendKeys("XX市东湖机械制造有限公司");
        browser.findElement(By.id("registeredAddress")).sendKeys("XX市中心区解放路88号");
        browser.findElement(By.id("contactName")).sendKeys("李四全");
        browser.findElement(By.id("contactPhone")).sendKeys("13912345678");
        long before = storedEvents();
        submit(browser.findElement(By.cssSelector("form.employer button")));
        assertThat(browser.findElement(By.id("creditCode-error")).getText()).contains("校验码").contains("JOB-3");
        assertThat(browser.findElement(By.id("name")).getAttribute("value")).isEqualTo("XX市东湖机械制造有限公司");
        assertThat(storedEvents()).isEqualTo(before);
        screenshot("employer-01-refused");

        browser.findElement(By.id("creditCode")).clear();
        browser.findElement(By.id("creditCode")).sendKeys(creditCode);
        submit(browser.findElement(By.cssSelector("form.employer button")));
        assertThat(browser.findElement(By.cssSelector("p.done")).getText()).isEqualTo("用人单位已登记。");
        String employerId = browser.findElement(By.cssSelector("dd.employer-id")).getText();
        assertThat(browser.getCurrentUrl()).contains("/employers/" + employerId);
        String employerPage = browser.findElement(By.tagName("main")).getText();
        assertThat(employerPage).contains(creditCode).contains("139****5678").doesNotContain("13912345678")
                .doesNotContain("李四全");

        // A vacancy: posted for review, then published.
        String occupation = "数控车工" + System.nanoTime() % 100000;
        browser.findElement(By.id("vacancy-occupation")).sendKeys(occupation);

        browser.findElement(By.id("vacancy-wageMin")).sendKeys("6000");
        browser.findElement(By.id("vacancy-wageMax")).sendKeys("8000");
        new Select(browser.findElement(By.id("vacancy-form"))).selectByValue("FULL_TIME");
        browser.findElement(By.id("vacancy-requirements")).sendKeys("两年以上数控车床操作经验");
        submit(browser.findElement(By.cssSelector("form.vacancy button")));
        assertThat(browser.findElement(By.cssSelector("p.done")).getText()).isEqualTo("岗位已提交，等待审核。");
        WebElement row = browser.findElement(By.cssSelector("table.vacancies tbody tr"));
        String vacancyId = row.getAttribute("data-vacancy");
        assertThat(row.getAttribute("data-status")).isEqualTo("PENDING_REVIEW");
        assertThat(row.getText()).contains(occupation).contains("待审核").contains("6000–8000");
        screenshot("employer-02-posted");

        submit(browser.findElement(By.cssSelector("tr[data-vacancy='" + vacancyId + "'] button.publish")));
        assertThat(browser.findElement(By.cssSelector("p.done")).getText()).isEqualTo("岗位已审核发布。");
        assertThat(browser.findElement(By.cssSelector("tr[data-vacancy='" + vacancyId + "']"))
                .getAttribute("data-status")).isEqualTo("PUBLISHED");

        // Recruitment guidance (JOB-1): recorded and listed on the employer's page.
        new Select(browser.findElement(By.id("guidance-topic"))).selectByValue("HIRING_CRITERIA");
        browser.findElement(By.id("guidance-notes")).sendKeys("建议放宽学历要求，重视实操技能");
        submit(browser.findElement(By.cssSelector("form.guidance button")));
        assertThat(browser.findElement(By.cssSelector("p.done")).getText()).isEqualTo("招聘指导已记录。");
        assertThat(browser.findElement(By.cssSelector("table.guidance-sessions tbody tr")).getText())
                .contains("用人标准").contains("建议放宽学历要求").contains("中心区解放街道劳动保障所");

        // The open-vacancy search finds it and leads back to the employer.
        eventually(() -> {
            browser.get(url("/vacancies"));
            browser.findElement(By.id("occupation")).sendKeys(occupation);
            submit(browser.findElement(By.cssSelector("form.vacancy-search button")));
            assertThat(browser.findElements(By.cssSelector("table.open-vacancies tr[data-vacancy='" + vacancyId + "']")))
                    .hasSize(1);
        });
        screenshot("employer-03-search");
        submit(browser.findElement(By.cssSelector("tr[data-vacancy='" + vacancyId + "'] a.open-employer")));
        assertThat(browser.getCurrentUrl()).endsWith("/employers/" + employerId);

        // A fair: planned for today, the employer enrolled with the vacancy, the person invited and attending.
        browser.get(url("/fairs"));
        assertThat(browser.findElement(By.cssSelector("nav a[aria-current=page]")).getText()).isEqualTo("招聘会");
        String title = "冬季就业援助月现场招聘会 " + System.nanoTime() % 100000;
        browser.findElement(By.id("title")).sendKeys(title);
        new Select(browser.findElement(By.id("format"))).selectByValue("OFFLINE");
        setDate("heldOn", NOW.toLocalDate().toString());
        browser.findElement(By.id("place")).sendKeys("中心区人力资源市场一楼大厅");
        submit(browser.findElement(By.cssSelector("form.fair button")));
        assertThat(browser.findElement(By.cssSelector("p.done")).getText()).isEqualTo("招聘会已保存。");
        String fairPath = browser.getCurrentUrl().replaceAll("^https?://[^/]+", "").replaceAll("\\?.*", "");
        assertThat(fairPath).startsWith("/fairs/");

        browser.findElement(By.id("enrol-employer")).sendKeys(employerId);
        submit(browser.findElement(By.cssSelector("form.enrol-choose button")));
        assertThat(browser.findElement(By.cssSelector("form.enrol input[value='" + vacancyId + "']")).isSelected())
                .isTrue();
        submit(browser.findElement(By.cssSelector("form.enrol button")));
        assertThat(browser.findElement(By.cssSelector("p.done")).getText()).isEqualTo("用人单位已报名参会。");
        assertThat(browser.findElement(By.cssSelector("table.fair-employers tr[data-employer='" + employerId + "']"))
                .getText()).contains("XX市东湖机械制造有限公司").contains(occupation);

        browser.findElement(By.id("invite-case")).sendKeys(caseId);
        submit(browser.findElement(By.cssSelector("form.invite button")));
        assertThat(browser.findElement(By.cssSelector("p.done")).getText()).isEqualTo("已邀请参会。");
        WebElement participant = browser.findElement(By.cssSelector("table.participants tr[data-case='" + caseId + "']"));
        assertThat(participant.getText()).contains(personName.substring(0, 1) + "*").doesNotContain(personName);
        submit(participant.findElement(By.cssSelector("button.attend")));
        assertThat(browser.findElement(By.cssSelector("p.done")).getText()).isEqualTo("已登记到场。");
        assertThat(browser.findElement(By.cssSelector("table.participants tr[data-case='" + caseId + "']"))
                .getAttribute("data-attended")).isEqualTo("true");
        screenshot("employer-04-fair");

        // Referred at the fair to the vacancy offered there (JOB-4): the fair counts it.
        submit(browser.findElement(By.cssSelector("table.participants tr[data-case='" + caseId + "'] button.refer")));
        assertThat(browser.findElement(By.cssSelector("p.done")).getText()).startsWith("已在招聘会上推荐");
        assertThat(browser.findElement(By.cssSelector("dd.count-referrals")).getText()).isEqualTo("1");

        submit(browser.findElement(By.cssSelector("form.close-fair button")));
        assertThat(browser.findElement(By.cssSelector("p.done")).getText()).isEqualTo("招聘会已结束。");
        assertThat(browser.findElement(By.cssSelector("dd.fair-status")).getAttribute("data-closed")).isEqualTo("true");
        assertThat(counts()).containsExactly("1", "1", "1", "1", "1", "0");
        assertThat(browser.findElements(By.cssSelector("form.invite, form.enrol-choose, form.close-fair")))
                .as("a closed fair takes nothing more").isEmpty();
        screenshot("employer-05-fair-closed");

        browser.get(url(fairPath + "?lang=en"));
        assertThat(browser.findElement(By.tagName("h1")).getText()).startsWith("Recruitment fair");
        assertThat(browser.findElement(By.cssSelector("dd.fair-status")).getText()).isEqualTo("Closed");
        screenshot("employer-05-fair-en");
        browser.get(url("/fairs?month=2026-11&lang=zh"));
        assertThat(browser.findElement(By.cssSelector("table.fairs tr:has(a[href$='" + fairPath + "'])")).getText())
                .contains(title).contains("已结束");

        // The dashboard counts the fair held this month (its figures follow the events on their own).
        eventually(() -> {
            browser.get(url("/dashboard?month=2026-11"));
            assertThat(Integer.parseInt(browser.findElement(By.cssSelector("dd.tile-fairs")).getText())).isPositive();
            assertThat(Integer.parseInt(browser.findElement(By.cssSelector("dd.tile-attendees span")).getText()))
                    .isPositive();
        });
        screenshot("employer-06-dashboard");

        // An iPad-sized viewport in portrait, as county offices use at the counter: nothing scrolls sideways.
        browser.manage().window().setSize(new org.openqa.selenium.Dimension(820, 1180));
        for (String page : List.of("/employers", "/employers/" + employerId, "/vacancies", "/fairs", fairPath)) {
            browser.get(url(page));
            Object overflow = ((JavascriptExecutor) browser).executeScript(
                    "return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
            assertThat(((Number) overflow).intValue()).as("sideways overflow of %s", page).isLessThanOrEqualTo(0);
        }
        browser.get(url("/employers/" + employerId));
        screenshot("employer-08-tablet-employer");
    }

    @Test
    void jobSeekersForAVacancyAreRankedWithTheirReasonsMaskedAndOneIsReferredOnce() throws IOException {
        Caseworker api = caseworker("W990101001A", STREET);
        String occupation = "焊工" + System.nanoTime() % 100000;
        String personName = "蒋" + System.nanoTime() % 100000;
        String caseId = publishedJobSeeker(api, personName, occupation);
        String employerId = api.post("/api/employers", Map.of("creditCode", CreditCodes.fresh(), "name", "XX市西湖焊接有限公司",
                        "registeredAddress", "XX市中心区解放路9号", "areaAgencyId", STREET,
                        "contact", Map.of("name", "王五", "phone", "13712345678")))
                .expectStatus().isCreated().expectBody(JsonNode.class).returnResult().getResponseBody()
                .path("employerId").asText();
        String vacancyId = api.post("/api/employers/" + employerId + "/vacancies", new HashMap<>(Map.of(
                        "occupation", occupation, "headcount", 2, "wageMin", 6000, "wageMax", 8000,
                        "areaAgencyId", STREET, "form", "FULL_TIME")))
                .expectStatus().isCreated().expectBody(JsonNode.class).returnResult().getResponseBody()
                .path("vacancyId").asText();
        api.post("/api/employers/" + employerId + "/vacancies/" + vacancyId + "/publication", Map.of())
                .expectStatus().isOk();
        signIn();

        String candidate = "table.candidates tr[data-case='" + caseId + "']";
        eventually(() -> {
            browser.get(url("/employers/" + employerId + "/vacancies/" + vacancyId + "/matches"));
            assertThat(browser.findElements(By.cssSelector(candidate))).hasSize(1);
        });
        WebElement row = browser.findElement(By.cssSelector(candidate));
        assertThat(row.getText()).contains(personName.substring(0, 1) + "*").doesNotContain(personName)
                .contains(occupation);
        assertThat(row.findElements(By.cssSelector("ul.reasons li"))).extracting(li -> li.getAttribute("data-criterion"))
                .containsExactlyInAnyOrder("OCCUPATION", "AREA", "WAGE", "FORM");
        assertThat(row.findElement(By.cssSelector("li[data-criterion=OCCUPATION]")).getText()).startsWith("工种：符合");
        assertThat(Integer.parseInt(row.findElement(By.cssSelector("td.score")).getText())).isPositive();
        screenshot("employer-07-matches");

        submit(row.findElement(By.cssSelector("button.refer")));
        assertThat(browser.findElement(By.cssSelector("p.done")).getText()).startsWith("已推荐");
        eventually(() -> assertThat(api.history(caseId).path("entries").toString()).contains("JobReferred"));
        submit(browser.findElement(By.cssSelector(candidate + " button.refer")));
        assertThat(browser.findElement(By.cssSelector("p.error")).getText()).contains("JOB-4");

        // Job seekers are people: the reviewer reads vacancies but not them; an analyst reads neither.
        officer("R-emp", CITY, Role.REVIEWER).getting("/vacancies").expectStatus().isOk();
        officer("R-emp", CITY, Role.REVIEWER).getting("/employers/" + employerId + "/vacancies/" + vacancyId
                + "/matches").expectStatus().isForbidden();
        officer("A-emp", CITY, Role.ANALYST).getting("/employers/" + employerId).expectStatus().isForbidden();
        officer("A-emp", CITY, Role.ANALYST).getting("/fairs").expectStatus().isForbidden();
    }

    /** A person registered at the window whose job-seeking registration (JOB-2) is published. */
    private String publishedJobSeeker(Caseworker api, String name, String occupation) {
        String caseId = api.registerAtWindow(TestIds.adult(), name);
        eventually(() -> api.getting("/api/cases/" + caseId).expectStatus().isOk());
        Map<String, Object> registration = Map.of("identityDocument", "RESIDENT_ID_CARD",
                "basics", Map.of("education", "SENIOR_SECONDARY", "yearsOfExperience", 3, "skills", "二氧化碳保护焊"),
                "intentions", Map.of("occupations", List.of(occupation), "expectedMonthlyWageYuan", 6000,
                        "areaAgencyId", STREET, "forms", List.of("FULL_TIME")));
        String jobSeekingId = api.post("/api/cases/" + caseId + "/job-seeking", registration)
                .expectStatus().isCreated().expectBody(JsonNode.class).returnResult().getResponseBody()
                .path("jobSeekingId").asText();
        api.post("/api/cases/" + caseId + "/job-seeking/" + jobSeekingId + "/publication", Map.of())
                .expectStatus().isOk();
        return caseId;
    }

    private List<String> counts() {
        return browser.findElements(By.cssSelector("dl.fair-counts dd")).stream().map(WebElement::getText).toList();
    }

    /** Signs in as the street caseworker; an account still on its initial password is taken as in use. */
    private void signIn() {
        signIn("caseworker-street", "ChangeMe-2026!");
        if (browser.getCurrentUrl().contains("/account/password")) {
            jdbc.update("UPDATE officer_account SET initial_password = FALSE WHERE username = 'caseworker-street'");
        }
        assertThat(browser.getCurrentUrl()).doesNotContain("/login");
    }
}
