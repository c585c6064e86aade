package cn.pes.casework.platform.security;

import cn.pes.casework.platform.support.Caseworker;
import cn.pes.casework.platform.support.CreditCodes;
import cn.pes.casework.platform.support.TestIds;
import cn.pes.casework.security.Role;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

import java.io.IOException;
import java.util.List;
import java.util.Map;

import static cn.pes.casework.platform.support.Eventually.eventually;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Entrepreneurship services in a real browser (创业服务, ENT-1..ENT-5), in Chinese: the street caseworker
 * enrols a registered person in training at a designated institution and records the certificate from
 * the case page; applies for a guarantee loan that the assessment refuses, naming every failed
 * condition in words with the policy version; applies again for one that is eligible, approves it,
 * records the disbursement and a repayment of the whole principal, which ends the loan (已结清) — seen
 * on the case page and in the county's loan pipeline with the person masked.
 */
class EntrepreneurshipBrowserTest extends BrowserPlatformTest {

    private Caseworker street;

    @BeforeEach
    void officers() {
        street = caseworker("W990101001A", STREET);
    }

    @Test
    void aPersonIsTrainedRefusedALoanThenGrantedOneAndRepaysIt() throws IOException {
        String name = "创" + System.nanoTime() % 100000;
        String caseId = registeredPerson(name);
        signIn("caseworker-street", "ChangeMe-2026!");
        assertThat(browser.findElements(By.cssSelector("header nav a"))).extracting(WebElement::getText)
                .contains("创业担保贷款", "创业培训");

        // ENT-1: training at a designated institution, ended with its certificate.
        browser.get(url("/cases/" + caseId));
        submit(browser.findElement(By.cssSelector("section.entrepreneurship a.new-training")));
        new Select(browser.findElement(By.id("institutionId"))).selectByValue("990101-SYB-01");
        new Select(browser.findElement(By.id("trainingType"))).selectByValue("START_YOUR_BUSINESS");
        setDate("startsOn", "2026-11-27");
        screenshot("ent-01-training");
        submit(browser.findElement(By.cssSelector("form.training button")));
        assertThat(browser.getCurrentUrl()).matches(".*/cases/" + caseId + "(#entrepreneurship)?");
        String training = "table.case-trainings tbody tr";
        eventually(() -> {
            browser.navigate().refresh();
            assertThat(browser.findElements(By.cssSelector(training))).hasSize(1);
        });
        assertThat(browser.findElement(By.cssSelector(training)).getText()).contains("中心区创业培训指导中心")
                .contains("在训");
        String trainingId = browser.findElement(By.cssSelector(training)).getAttribute("data-training");
        long before = storedEvents();
        setDate("completedOn-" + trainingId, "2026-11-27");
        submit(browser.findElement(By.cssSelector("form.training-completion button")));
        assertThat(browser.findElement(By.id("certificateNumber-" + trainingId + "-error")).getText()).isEqualTo("必填");
        assertThat(storedEvents()).as("a refused completion stores nothing").isEqualTo(before);
        setDate("completedOn-" + trainingId, "2026-11-27");
        browser.findElement(By.id("certificateNumber-" + trainingId)).sendKeys("SYB-B-" + System.nanoTime());
        submit(browser.findElement(By.cssSelector("form.training-completion button")));
        eventually(() -> {
            browser.navigate().refresh();
            assertThat(browser.findElement(By.cssSelector(training)).getAttribute("data-status")).isEqualTo("COMPLETED");
        });
        assertThat(browser.findElement(By.cssSelector(training + " td.training-status")).getText()).isEqualTo("结业");

        // A refusal at its field: the form keeps what was typed and nothing is stored.
        submit(browser.findElement(By.cssSelector("section.entrepreneurship a.new-loan")));
        fillApplication("", "", "250000", "36");
        before = storedEvents();
        submit(browser.findElement(By.cssSelector("form.loan-application button")));
        assertThat(browser.findElement(By.id("businessName-error")).getText()).isEqualTo("必填");
        assertThat(browser.findElement(By.id("amountRequested")).getAttribute("value")).isEqualTo("250000");
        assertThat(storedEvents()).as("a form refused at a field stores nothing").isEqualTo(before);

        // ENT-3/ENT-5: no concrete project and more than the limit — every failed condition in words.
        browser.findElement(By.id("businessName")).sendKeys("社区便利店");
        submit(browser.findElement(By.cssSelector("form.loan-application button")));
        assertThat(browser.getCurrentUrl()).contains("/cases/" + caseId + "/loans/");
        loanPageShown();
        assertThat(browser.findElement(By.cssSelector("dl.loan")).getAttribute("data-stage")).isEqualTo("REFUSED");
        assertThat(browser.findElements(By.cssSelector("ul.failed-conditions li")))
                .extracting(condition -> condition.getAttribute("data-condition"))
                .containsExactlyInAnyOrder("NO_CONCRETE_PROJECT", "AMOUNT_OVER_LIMIT");
        assertThat(browser.findElement(By.cssSelector("ul.failed-conditions")).getText())
                .contains("无具体创业项目").contains("申请金额超过额度上限");
        assertThat(browser.findElement(By.cssSelector("dd.policy-version")).getText()).isEqualTo("LOAN-DEFAULT-2020");
        assertThat(browser.findElements(By.cssSelector("section.loan-actions form"))).isEmpty();
        screenshot("ent-02-loan-refused");

        // An eligible application, approved, paid out and repaid in one go.
        browser.get(url("/cases/" + caseId + "/loans/new"));
        fillApplication("社区便利店", "经营日用品和生鲜，租用临街门面一间", "150000", "24");
        submit(browser.findElement(By.cssSelector("form.loan-application button")));
        String loanUrl = browser.getCurrentUrl();
        String loanId = loanUrl.substring(loanUrl.lastIndexOf('/') + 1);
        loanPageShown();
        assertThat(browser.findElement(By.tagName("main")).getText()).contains("符合创业担保贷款申请条件");
        assertThat(browser.findElement(By.cssSelector("p.eligible")).getText()).contains("符合");
        assertThat(browser.findElement(By.cssSelector("dd.qualifying-groups")).getText()).contains("城镇登记失业人员");
        screenshot("ent-03-loan-eligible");

        WebElement amount = browser.findElement(By.id("approval-amount"));
        amount.clear();
        amount.sendKeys("120000");
        browser.findElement(By.id("approval-lender")).sendKeys("XX农商银行");
        submit(browser.findElement(By.cssSelector("form.approval button")));
        assertThat(browser.findElement(By.id("approval-guaranteeContractNumber-error")).getText()).isEqualTo("必填");
        browser.findElement(By.id("approval-guaranteeContractNumber")).sendKeys("DB-" + System.nanoTime() % 100000);
        submit(browser.findElement(By.cssSelector("form.approval button")));
        assertThat(browser.findElement(By.cssSelector("p.done")).getText()).isEqualTo("已登记审批。");
        nextStep("form.disbursement button");
        nextStep("form.repayment button");
        eventually(() -> {
            browser.navigate().refresh();
            assertThat(browser.findElement(By.cssSelector("dl.loan")).getAttribute("data-stage")).isEqualTo("REPAID");
        });
        assertThat(browser.findElement(By.cssSelector("dd.loan-stage")).getText()).isEqualTo("已结清");
        assertThat(browser.findElement(By.cssSelector("dd.outstanding")).getText()).isEqualTo("0");
        assertThat(browser.findElement(By.cssSelector("table.repayments tbody")).getText()).contains("120000");
        screenshot("ent-04-loan-repaid");

        browser.get(url("/cases/" + caseId));
        String caseLoan = "table.case-loans tr[data-loan='" + loanId + "']";
        eventually(() -> {
            browser.navigate().refresh();
            assertThat(browser.findElement(By.cssSelector(caseLoan)).getAttribute("data-stage")).isEqualTo("REPAID");
        });
        assertThat(browser.findElements(By.cssSelector("table.case-loans tbody tr"))).hasSize(2);
        assertThat(browser.findElement(By.cssSelector(caseLoan)).getText()).contains("社区便利店").contains("已结清");

        submit(browser.findElements(By.cssSelector("header nav a")).stream()
                .filter(link -> link.getText().equals("创业担保贷款")).findFirst().orElseThrow());
        String line = "table.loans tr[data-loan='" + loanId + "']";
        eventually(() -> {
            browser.navigate().refresh();
            assertThat(browser.findElements(By.cssSelector(line))).hasSize(1);
        });
        assertThat(browser.findElement(By.cssSelector(line)).getText()).contains(name.substring(0, 1) + "*")
                .doesNotContain(name).contains("社区便利店").contains("已结清").contains("2026-11-27");
        eventually(() -> {
            browser.navigate().refresh();
            assertThat(Integer.parseInt(browser.findElement(By.cssSelector("dd.fig-repaid")).getText())).isPositive();
            assertThat(Integer.parseInt(browser.findElement(By.cssSelector("dd.m-trainees")).getText())).isPositive();
        });
        screenshot("ent-05-pipeline");

        submit(browser.findElements(By.cssSelector("header nav a")).stream()
                .filter(link -> link.getText().equals("创业培训")).findFirst().orElseThrow());
        new Select(browser.findElement(By.id("institution"))).selectByValue("990101-SYB-01");
        submit(browser.findElement(By.cssSelector("form.filters button")));
        String rollRow = "table.training-roll tr[data-training='" + trainingId + "']";
        eventually(() -> {
            browser.navigate().refresh();
            assertThat(browser.findElements(By.cssSelector(rollRow))).hasSize(1);
        });
        assertThat(browser.findElement(By.cssSelector(rollRow)).getText()).contains(name.substring(0, 1) + "*")
                .doesNotContain(name).contains("结业");
    }

    @Test
    void reviewersAndAuditorsReadThePagesWithoutActingAndEveryPageSpeaksEnglish() {
        String caseId = registeredPerson("读" + System.nanoTime() % 100000);
        String loanId = street.post("/api/cases/" + caseId + "/guarantee-loans", Map.of("application", Map.of(
                                "business", Map.of("name", "早餐店", "legalForm", "INDIVIDUAL_BUSINESS",
                                        "registrationNumber", CreditCodes.fresh(), "registeredInCity", true),
                                "projectDescription", "早餐店，社区门面", "amountRequested", "50000",
                                "termMonthsRequested", 12, "existingLoans", List.of(), "claimedGroups", List.of()),
                        "appliedOn", "2026-11-27"))
                .expectStatus().isCreated().expectBody(JsonNode.class).returnResult().getResponseBody()
                .path("loanId").asText();
        String loanPage = "/cases/" + caseId + "/loans/" + loanId;
        eventually(() -> street.getting(loanPage).expectStatus().isOk());

        Caseworker auditor = officer("E-auditor", CITY, Role.AUDITOR);
        Caseworker reviewer = officer("E-reviewer", COUNTY, Role.REVIEWER);
        for (Caseworker reader : List.of(auditor, reviewer)) {
            // The loan ledger is its own read model, which may follow the case's page by a moment.
            eventually(() -> assertThat(page(reader, "/loans?agency=" + COUNTY)).contains("创业担保贷款台账")
                                                                                 .contains("早餐店"));
            assertThat(page(reader, "/trainings")).contains("创业培训花名册");
            assertThat(page(reader, loanPage)).contains("符合创业担保贷款申请条件").doesNotContain("loan-actions");
        }
        assertThat(page(street, loanPage)).contains("loan-actions").contains("担保审批通过");
        street.getting("/loans?agency=" + OTHER_COUNTY).expectStatus().isNotFound();
        street.getting("/loans?stage=NO_SUCH_STAGE").expectStatus().isBadRequest();

        for (String path : List.of("/cases/" + caseId, "/cases/" + caseId + "/trainings/new",
                "/cases/" + caseId + "/loans/new", loanPage, "/loans", "/trainings")) {
            String english = page(street, path + (path.contains("?") ? "&" : "?") + "lang=en");
            assertThat(english).as(path).doesNotContain("??").doesNotContain("创业服务").doesNotContain("创业担保贷款申请");
        }
        assertThat(page(street, loanPage + "?lang=en")).contains("Eligibility assessment").contains("Approve");
        assertThat(page(street, "/cases/" + caseId + "?lang=en")).contains("Entrepreneurship").contains("Guarantee loans");
    }

    private static String page(Caseworker officer, String path) {
        return officer.getting(path).expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody();
    }

    private void fillApplication(String business, String project, String amount, String term) {
        WebElement name = browser.findElement(By.id("businessName"));
        name.clear();
        name.sendKeys(business);
        new Select(browser.findElement(By.id("legalForm"))).selectByValue("INDIVIDUAL_BUSINESS");
        WebElement code = browser.findElement(By.id("registrationNumber"));
        code.clear();
        code.sendKeys(CreditCodes.fresh());
        WebElement description = browser.findElement(By.id("projectDescription"));
        description.clear();
        description.sendKeys(project);
        browser.findElement(By.id("amountRequested")).clear();
        browser.findElement(By.id("amountRequested")).sendKeys(amount);
        browser.findElement(By.id("termMonthsRequested")).clear();
        browser.findElement(By.id("termMonthsRequested")).sendKeys(term);
        new Select(browser.findElement(By.id("loanType0"))).selectByValue("HOUSING");
        browser.findElement(By.id("loanAmount0")).clear();
        browser.findElement(By.id("loanAmount0")).sendKeys("300000");
    }

    /** The next step's form appears once the loan page reads the step before; then it is sent as filled in. */
    private void nextStep(String button) {
        eventually(() -> {
            browser.navigate().refresh();
            assertThat(browser.findElements(By.cssSelector(button))).hasSize(1);
        });
        submit(browser.findElement(By.cssSelector(button)));
        assertThat(browser.findElements(By.cssSelector("p.done"))).hasSize(1);
    }

    /** Right after an application the loan's read model may still trail the case. */
    private void loanPageShown() {
        eventually(() -> {
            if (browser.findElements(By.cssSelector("dl.loan")).isEmpty()) {
                browser.navigate().refresh();
            }
            assertThat(browser.findElements(By.cssSelector("dl.loan"))).hasSize(1);
        });
    }

    private String registeredPerson(String name) {
        String caseId = street.registerAtWindow(TestIds.adult(), name);
        eventually(() -> {
            street.getting("/api/cases/" + caseId).expectStatus().isOk();
            assertThat(street.history(caseId).path("entries")).hasSize(2);
        });
        return caseId;
    }
}
