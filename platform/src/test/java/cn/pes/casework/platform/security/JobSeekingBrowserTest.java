package cn.pes.casework.platform.security;

import cn.pes.casework.platform.support.Caseworker;
import cn.pes.casework.platform.support.CreditCodes;
import cn.pes.casework.platform.support.TestIds;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

import java.io.IOException;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static cn.pes.casework.platform.support.Eventually.eventually;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Job introduction for a person in a real browser (职业介绍, JOB-2, JOB-4, JOB-6, CAN-3): the street
 * caseworker registers the person as a job seeker from the case page, publishes the registration
 * from the pending list, reads the ranked vacancies with the reason for each point, refers the
 * person and records the outcome; a hire ends the registration, three refusals without good reason
 * bring a cancellation proposal the officer confirms.
 */
class JobSeekingBrowserTest extends BrowserPlatformTest {


    private Caseworker street;
    private Caseworker county;

    @BeforeEach
    void officers() {
        street = caseworker("W990101001A", STREET);
        county = caseworker("J-county", COUNTY);
    }

    @Test
    void aPersonIsRegisteredPublishedReferredAndHiredWhichEndsTheRegistration() throws IOException {
        String name = "孙" + System.nanoTime() % 100000;
        String caseId = registeredPerson(name);
        String occupation = "数控车工" + System.nanoTime() % 100000;
        String employerId = employer();
        String vacancyId = publishedVacancy(employerId, occupation);

        signIn("caseworker-street", "ChangeMe-2026!");
        browser.get(url("/cases/" + caseId));
        submit(browser.findElement(By.cssSelector("a.new-job-seeking")));
        fillRegistration(occupation);
        long before = storedEvents();
        submit(browser.findElement(By.cssSelector("form.job-seeking button")));
        assertThat(browser.findElement(By.id("identityDocument-error")).getText()).contains("JOB-2");
        assertThat(browser.findElement(By.id("occupations")).getAttribute("value")).isEqualTo(occupation);
        assertThat(storedEvents()).as("a refused registration stores nothing").isEqualTo(before);
        screenshot("job-01-registration-refused");

        new Select(browser.findElement(By.id("identityDocument"))).selectByValue("RESIDENT_ID_CARD");
        submit(browser.findElement(By.cssSelector("form.job-seeking button")));
        assertThat(browser.getCurrentUrl()).endsWith("/cases/" + caseId);
        eventually(() -> {
            browser.navigate().refresh();
            assertThat(section().getAttribute("data-status")).isEqualTo("PENDING_REVIEW");
        });
        assertThat(section().getText()).contains("待审核").contains(occupation).contains("6000");

        submit(browser.findElements(By.cssSelector("header nav a")).stream()
                .filter(link -> link.getText().equals("待审核求职登记")).findFirst().orElseThrow());
        String row = "table.job-seeking-reviews tr[data-case='" + caseId + "']";
        eventually(() -> {
            browser.navigate().refresh();
            assertThat(browser.findElements(By.cssSelector(row))).hasSize(1);
        });
        assertThat(browser.findElement(By.cssSelector(row)).getText()).contains(name.substring(0, 1) + "*")
                .doesNotContain(name).contains("2026-11-27").contains("2026-11-30");
        screenshot("job-02-pending-reviews");
        submit(browser.findElement(By.cssSelector(row + " button.publish")));
        assertThat(browser.findElement(By.cssSelector("p.done")).getText()).contains("审核发布");

        browser.get(url("/cases/" + caseId));
        eventually(() -> {
            browser.navigate().refresh();
            assertThat(section().getAttribute("data-status")).isEqualTo("PUBLISHED");
        });
        submit(browser.findElement(By.cssSelector("a.vacancy-matches")));
        String offer = "ol.matches li[data-vacancy='" + vacancyId + "']";
        eventually(() -> {
            browser.navigate().refresh();
            assertThat(browser.findElements(By.cssSelector(offer))).hasSize(1);
        });
        List<WebElement> reasons = browser.findElements(By.cssSelector(offer + " ul.reasons li"));
        assertThat(reasons).extracting(reason -> reason.getAttribute("data-criterion"))
                .contains("OCCUPATION", "AREA", "WAGE", "FORM");
        WebElement byOccupation = reasons.stream()
                .filter(reason -> "OCCUPATION".equals(reason.getAttribute("data-criterion"))).findFirst().orElseThrow();
        assertThat(byOccupation.getText()).startsWith("职业：").contains("分").doesNotContain("??");
        assertThat(browser.findElement(By.cssSelector(offer + " .score")).getText()).startsWith("匹配度");
        screenshot("job-03-matches");

        submit(browser.findElement(By.cssSelector(offer + " button.refer")));
        assertThat(browser.getCurrentUrl()).matches(".*/cases/" + caseId + "(#job-seeking)?");
        String referral = "table.referrals tr";
        eventually(() -> {
            browser.navigate().refresh();
            assertThat(browser.findElements(By.cssSelector(referral))).hasSize(2);
        });
        assertThat(browser.findElement(By.cssSelector("table.referrals tbody tr")).getText())
                .contains(occupation).contains("待回访");

        submit(browser.findElement(By.cssSelector("table.referrals a.record-outcome")));
        new Select(browser.findElement(By.id("outcome"))).selectByValue("HIRED");
        before = storedEvents();
        submit(browser.findElement(By.cssSelector("form.outcome button")));
        assertThat(browser.findElement(By.id("startDate-error")).getText()).isEqualTo("必填");
        assertThat(storedEvents()).isEqualTo(before);
        // A first working day still to come is the case's to refuse: the hire is recorded once work starts.
        setDate("startDate", "2026-12-01");
        browser.findElement(By.id("note")).sendKeys("面试通过，已上岗");
        submit(browser.findElement(By.cssSelector("form.outcome button")));
        assertThat(browser.findElement(By.id("startDate-error")).getText()).isEqualTo("日期不能晚于今天");
        assertThat(storedEvents()).isEqualTo(before);
        setDate("startDate", "2026-11-27");
        screenshot("job-04-outcome");
        submit(browser.findElement(By.cssSelector("form.outcome button")));
        assertThat(browser.getCurrentUrl()).matches(".*/cases/" + caseId + "(#job-seeking)?");

        eventually(() -> assertThat(street.caseView(caseId).path("status").asText()).isEqualTo("EMPLOYED"));
        eventually(() -> {
            browser.navigate().refresh();
            assertThat(browser.findElement(By.cssSelector("dd.status")).getText()).isEqualTo("已就业");
            assertThat(browser.findElement(By.cssSelector("table.referrals tbody tr")).getAttribute("data-outcome"))
                    .isEqualTo("HIRED");
            assertThat(browser.findElements(By.cssSelector("ol.timeline li")))
                    .extracting(entry -> entry.getAttribute("data-event")).contains("ReferralOutcomeRecorded");
        });
        assertThat(section().getAttribute("data-status")).isEqualTo("CLOSED");
        assertThat(browser.findElements(By.cssSelector("a.new-job-seeking"))).as("no longer registered").isEmpty();
        screenshot("job-05-hired");

        browser.get(url("/cases/" + caseId + "?lang=en"));
        assertThat(section().getText()).contains("Job seeking and referrals").contains("Hired").doesNotContain("??");
        browser.get(url("/cases?lang=zh"));
    }

    @Test
    void threeRefusalsWithoutGoodReasonBringAProposalTheOfficerConfirms() throws IOException {
        String caseId = registeredPerson("钟" + System.nanoTime() % 100000);
        String occupation = "焊工" + System.nanoTime() % 100000;
        String employerId = employer();
        List<String> vacancies = List.of(publishedVacancy(employerId, occupation),
                publishedVacancy(employerId, occupation), publishedVacancy(employerId, occupation));

        signIn("caseworker-street", "ChangeMe-2026!");
        browser.get(url("/cases/" + caseId + "/job-seeking/new"));
        fillRegistration(occupation);
        new Select(browser.findElement(By.id("identityDocument"))).selectByValue("SOCIAL_SECURITY_CARD");
        submit(browser.findElement(By.cssSelector("form.job-seeking button")));
        String row = "table.job-seeking-reviews tr[data-case='" + caseId + "']";
        eventually(() -> {
            browser.get(url("/job-seeking/reviews"));
            assertThat(browser.findElements(By.cssSelector(row))).hasSize(1);
        });
        submit(browser.findElement(By.cssSelector(row + " button.publish")));

        for (String vacancyId : vacancies) {
            String offer = "ol.matches li[data-vacancy='" + vacancyId + "']";
            eventually(() -> {
                browser.get(url("/cases/" + caseId + "/vacancy-matches"));
                assertThat(browser.findElements(By.cssSelector(offer + " button.refer"))).hasSize(1);
            });
            submit(browser.findElement(By.cssSelector(offer + " button.refer")));
            String pending = "table.referrals a.record-outcome";
            eventually(() -> {
                browser.navigate().refresh();
                assertThat(browser.findElements(By.cssSelector(pending))).hasSize(1);
            });
            submit(browser.findElement(By.cssSelector(pending)));
            new Select(browser.findElement(By.id("outcome"))).selectByValue("REFUSED_WITHOUT_GOOD_REASON");
            browser.findElement(By.id("note")).sendKeys("本人表示不愿从事该工作");
            submit(browser.findElement(By.cssSelector("form.outcome button")));
            eventually(() -> {
                browser.navigate().refresh();
                assertThat(browser.findElements(By.cssSelector("table.referrals a.record-outcome"))).isEmpty();
            });
        }

        eventually(() -> {
            browser.navigate().refresh();
            assertThat(browser.findElements(By.cssSelector("a.open-proposal"))).hasSize(1);
        });
        assertThat(browser.findElement(By.cssSelector("dd.refusals")).getText()).contains("3");
        assertThat(street.caseView(caseId).path("status").asText()).as("a proposal cancels nothing").isEqualTo("ACTIVE");
        screenshot("job-06-proposal");

        submit(browser.findElement(By.cssSelector("a.open-proposal")));
        long before = storedEvents();
        submit(browser.findElement(By.cssSelector("form.confirm-proposal button")));
        assertThat(browser.findElement(By.id("notificationMethod-error")).getText()).isEqualTo("必填");
        assertThat(storedEvents()).isEqualTo(before);
        new Select(browser.findElement(By.id("notificationMethod"))).selectByValue("PHONE");
        screenshot("job-07-confirm");
        submit(browser.findElement(By.cssSelector("form.confirm-proposal button")));
        assertThat(browser.getCurrentUrl()).endsWith("/cases/" + caseId);
        eventually(() -> assertThat(street.caseView(caseId).path("status").asText()).isEqualTo("CANCELLED"));
        eventually(() -> {
            browser.navigate().refresh();
            assertThat(browser.findElement(By.cssSelector("dd.status")).getText()).isEqualTo("已注销");
            assertThat(browser.findElements(By.cssSelector("a.open-proposal"))).isEmpty();
        });
    }

    // ------------------------------------------------------------------ the person, the employer, the vacancy

    private String registeredPerson(String name) {
        String caseId = street.registerAtWindow(TestIds.adult(), name);
        eventually(() -> {
            street.getting("/api/cases/" + caseId).expectStatus().isOk();
            assertThat(street.history(caseId).path("entries")).hasSize(2);
        });
        return caseId;
    }

    private String employer() {
        Map<String, Object> body = Map.of("creditCode", CreditCodes.fresh(), "name", "XX市东湖机械制造有限公司",
                "registeredAddress", "XX市中心区解放路88号", "areaAgencyId", STREET,
                "contact", Map.of("name", "李四", "phone", "13912345678"));
        return street.post("/api/employers", body).expectStatus().isCreated().expectBody(JsonNode.class)
                .returnResult().getResponseBody().path("employerId").asText();
    }

    /** Posted by the street office, published by the county after review (JOB-3), and found by search. */
    private String publishedVacancy(String employerId, String occupation) {
        Map<String, Object> body = new HashMap<>(Map.of("occupation", occupation, "headcount", 3, "wageMin", 5000,
                "wageMax", 7500, "areaAgencyId", STREET, "form", "FULL_TIME", "requirements", "两年以上经验"));
        String vacancyId = street.post("/api/employers/" + employerId + "/vacancies", body)
                .expectStatus().isCreated().expectBody(JsonNode.class).returnResult().getResponseBody()
                .path("vacancyId").asText();
        county.post("/api/employers/" + employerId + "/vacancies/" + vacancyId + "/publication", Map.of())
                .expectStatus().isOk();
        eventually(Duration.ofSeconds(20), () -> assertThat(street.get("/api/vacancies?occupation=" + occupation)
                .path("vacancies").findValuesAsText("vacancyId")).contains(vacancyId));
        return vacancyId;
    }

    /** Everything but the identity document. */
    private void fillRegistration(String occupation) {
        new Select(browser.findElement(By.id("education"))).selectByValue("VOCATIONAL_SECONDARY");
        browser.findElement(By.id("yearsOfExperience")).sendKeys("5");
        browser.findElement(By.id("skills")).sendKeys("数控车床操作，持四级证书");
        browser.findElement(By.id("occupations")).sendKeys(occupation);
        browser.findElement(By.id("expectedMonthlyWageYuan")).sendKeys("6000");
    }

    private WebElement section() {
        return browser.findElement(By.cssSelector("section.job-seeking"));
    }

    // ------------------------------------------------------------------ browser
}
