package cn.pes.casework.platform.security;

import cn.pes.casework.platform.support.Caseworker;
import cn.pes.casework.platform.support.TestIds;
import cn.pes.casework.security.Role;
import com.fasterxml.jackson.databind.JsonNode;
import com.github.kagkarlsson.scheduler.Scheduler;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static cn.pes.casework.platform.support.Eventually.eventually;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Entrepreneurship services end to end over HTTP (ENT-1..ENT-5): training from enrolment to its
 * certificate; a guarantee loan refused with every failed condition named; an eligible one guaranteed,
 * approved, paid out, repaid in two instalments with an interest subsidy in between, and seen from the
 * case, the county's loan pipeline, the month's figures and the area statistics; a loan left unpaid at
 * maturity made overdue by the platform's own clock, which then bars the person from another.
 * The clock starts on Friday 2026-11-27.
 */
class EntrepreneurshipHttpTest extends SecuredPlatformTest {

    @Autowired
    Scheduler scheduler;
    private Caseworker street;
    private Caseworker county;

    @BeforeEach
    void officers() {
        clock.set(NOW);
        street = caseworker("E-street", STREET);
        county = caseworker("E-county", COUNTY);
    }

    @Test
    void trainingFromEnrolmentToCertificateIsInTheCaseAndTheInstitutionsRoll() {
        JsonNode institutions = street.get("/api/training-institutions?designatedOn=2026-11-27");
        assertThat(institutions.path("institutions").findValuesAsText("id")).contains("990101-SYB-01");

        String caseId = street.registerAtWindow(TestIds.adult(), "创一");
        JsonNode enrolled = street.post("/api/cases/" + caseId + "/entrepreneurship-trainings", Map.of(
                        "institutionId", "990101-SYB-01", "trainingType", "START_YOUR_BUSINESS", "startsOn", "2026-11-30"))
                .expectStatus().isCreated().expectBody(JsonNode.class).returnResult().getResponseBody();
        String trainingId = enrolled.path("trainingId").asText();
        assertThat(trainingId).isNotBlank();
        street.post("/api/cases/" + caseId + "/entrepreneurship-trainings/" + trainingId + "/completion",
                        Map.of("completedOn", "2026-12-11", "certificateNumber", "SYB-E2E-" + System.nanoTime()))
                .expectStatus().is2xxSuccessful();
        // ENT-1: only designated institutions, for the types they are designated for
        long before = storedEvents();
        street.post("/api/cases/" + caseId + "/entrepreneurship-trainings", Map.of(
                        "institutionId", "9901-NET-01", "trainingType", "START_YOUR_BUSINESS", "startsOn", "2026-11-30"))
                .expectStatus().is4xxClientError().expectBody().jsonPath("$.ruleId").isEqualTo("ENT-1");
        assertThat(storedEvents()).isEqualTo(before);

        eventually(Duration.ofSeconds(20), () -> {
            JsonNode view = street.get("/api/cases/" + caseId + "/entrepreneurship");
            assertThat(view.path("trainings")).hasSize(1);
            assertThat(view.path("trainings").get(0).path("status").asText()).isEqualTo("COMPLETED");
        });
        eventually(Duration.ofSeconds(20), () -> {
            JsonNode roll = county.get("/api/agencies/" + COUNTY + "/training-rolls?institution=990101-SYB-01&month=2026-11");
            assertThat(roll.path("entries").findValuesAsText("trainingId")).contains(trainingId);
        });
        // The roll lists people: every read of it is in the access log.
        assertThat(listExports("E-county")).anyMatch(row -> row.matches("training-roll\\|agency=" + COUNTY
                + " institution=990101-SYB-01 month=2026-11 format=json rows=[1-9]\\d*"));
    }

    @Test
    void refusedApplicationNamesEveryFailedConditionAndTheVersionUsed() {
        // A woman of 56 周岁 on the application day: over the ENT-3 limit of 55 (55 itself would pass).
        String caseId = street.registerAtWindow(bornOn(LocalDate.of(1970, 11, 26), false), "创二");
        Map<String, Object> application = application("", "250000", 36, "HOUSING");
        JsonNode outcome = street.post("/api/cases/" + caseId + "/guarantee-loans",
                        Map.of("application", application, "appliedOn", "2026-11-27"))
                .expectStatus().isCreated().expectBody(JsonNode.class).returnResult().getResponseBody();

        assertThat(outcome.path("eligible").asBoolean()).isFalse();
        assertThat(outcome.path("failedConditions").findValuesAsText("code"))
                .containsExactlyInAnyOrder("OVER_AGE_LIMIT", "NO_CONCRETE_PROJECT", "AMOUNT_OVER_LIMIT");
        assertThat(outcome.path("policyVersion").asText()).isEqualTo("LOAN-DEFAULT-2020");
        String loanId = outcome.path("loanId").asText();

        county.post(loan(caseId, loanId) + "/approval", approval("100000", 24))
                .expectStatus().isEqualTo(409);
        eventually(Duration.ofSeconds(20), () -> {
            JsonNode view = street.get(loan(caseId, loanId));
            assertThat(view.path("stage").asText()).isEqualTo("REFUSED");
            assertThat(view.path("ageOnApplication").asInt()).isEqualTo(56);
        });
    }

    @Test
    void badLoanInputIsAProblemAndStoresNothing() {
        String caseId = street.registerAtWindow(TestIds.adult(), "创三");
        long before = storedEvents();
        street.post("/api/cases/" + caseId + "/guarantee-loans",
                        Map.of("application", application("小吃店", "-5", 12), "appliedOn", "2026-11-27"))
                .expectStatus().isBadRequest().expectBody()
                .jsonPath("$.field").isEqualTo("application.amountRequested");
        Map<String, Object> noBusiness = new HashMap<>(application("小吃店", "50000", 12));
        noBusiness.remove("business");
        street.post("/api/cases/" + caseId + "/guarantee-loans", Map.of("application", noBusiness, "appliedOn", "2026-11-27"))
                .expectStatus().isBadRequest();
        officer("E-analyst", COUNTY, Role.ANALYST).post("/api/cases/" + caseId + "/guarantee-loans",
                Map.of("application", application("小吃店", "50000", 12), "appliedOn", "2026-11-27"))
                .expectStatus().isForbidden();
        street.post(loan(caseId, "no-such-loan") + "/disbursement", Map.of("disbursedOn", "2026-11-27"))
                .expectStatus().isNotFound();
        assertThat(storedEvents()).isEqualTo(before);
    }

    @Test
    void loanFromApplicationToRepaymentIsSeenInTheCasePipelineAndStatistics() {
        int approvedBefore = county.get("/api/statistics/agencies/" + COUNTY + "/entrepreneurship?month=2026-11")
                .path("loansApproved").asInt();
        String caseId = street.registerAtWindow(TestIds.adult(), "创四");
        JsonNode outcome = street.post("/api/cases/" + caseId + "/guarantee-loans", Map.of(
                        "application", application("社区便利店，经营日用品和生鲜", "150000", 24, "CAR"),
                        "appliedOn", "2026-11-27"))
                .expectStatus().isCreated().expectBody(JsonNode.class).returnResult().getResponseBody();
        assertThat(outcome.path("eligible").asBoolean()).as("%s", outcome).isTrue();
        String loanId = outcome.path("loanId").asText();
        String loan = loan(caseId, loanId);

        county.post(loan + "/approval", approval("120000", 24)).expectStatus().is2xxSuccessful();
        county.post(loan + "/disbursement", Map.of("disbursedOn", "2026-11-27")).expectStatus().is2xxSuccessful();
        clock.set(LocalDateTime.of(2027, 3, 16, 10, 0));
        county.post(loan + "/repayments", Map.of("paidOn", "2027-02-27", "principal", "20000", "interest", "1050.00"))
                .expectStatus().is2xxSuccessful();
        county.post(loan + "/repayments", Map.of("paidOn", "2027-03-01", "principal", "100000.01", "interest", "0"))
                .expectStatus().is4xxClientError(); // more than is outstanding
        county.post(loan + "/interest-subsidies", Map.of("periodFrom", "2026-11-27", "periodTo", "2027-02-26",
                "interest", "1050.00", "subsidy", "1050.00", "paidOn", "2027-03-15")).expectStatus().is2xxSuccessful();
        clock.set(LocalDateTime.of(2027, 6, 16, 10, 0));
        county.post(loan + "/interest-subsidies", Map.of("periodFrom", "2027-02-01", "periodTo", "2027-05-26",
                        "interest", "900", "subsidy", "900", "paidOn", "2027-06-15"))
                .expectStatus().is4xxClientError(); // overlaps the period already subsidised
        county.post(loan + "/repayments", Map.of("paidOn", "2027-05-27", "principal", "100000", "interest", "900"))
                .expectStatus().is2xxSuccessful();

        eventually(Duration.ofSeconds(20), () -> {
            JsonNode view = street.get(loan);
            assertThat(view.path("stage").asText()).isEqualTo("REPAID");
            assertThat(new BigDecimal(view.path("amountApproved").asText())).isEqualByComparingTo("120000");
            assertThat(view.path("maturesOn").asText()).isEqualTo("2028-11-27");
            assertThat(new BigDecimal(view.path("outstanding").asText())).isZero();
            assertThat(view.path("repayments")).hasSize(2);
            assertThat(new BigDecimal(view.path("interestSubsidised").asText())).isEqualByComparingTo("1050");
            assertThat(view.path("qualifyingGroups").toString()).contains("REGISTERED_UNEMPLOYED", "GRADUATE");
        });
        eventually(Duration.ofSeconds(20), () -> {
            JsonNode pipeline = county.get("/api/agencies/" + COUNTY + "/guarantee-loans");
            JsonNode line = findLine(pipeline.path("lines"), loanId);
            assertThat(line).as("the loan in the county's pipeline").isNotNull();
            assertThat(line.path("stage").asText()).isEqualTo("REPAID");
        });
        eventually(Duration.ofSeconds(20), () -> {
            JsonNode figures = county.get("/api/statistics/agencies/" + COUNTY + "/entrepreneurship?month=2026-11");
            assertThat(figures.path("loansApproved").asInt()).isEqualTo(approvedBefore + 1);
        });
        eventually(Duration.ofSeconds(20), () -> {
            JsonNode history = street.history(caseId);
            assertThat(history.toString()).contains("GuaranteeLoanRepaid");
        });
    }

    @Test
    void aLoanUnpaidAtMaturityBecomesOverdueByItselfAndBarsAnotherLoan() {
        String caseId = street.registerAtWindow(TestIds.adult(), "创五");
        String loanId = street.post("/api/cases/" + caseId + "/guarantee-loans", Map.of(
                        "application", application("早餐店", "30000", 1), "appliedOn", "2026-11-27"))
                .expectStatus().isCreated().expectBody(JsonNode.class).returnResult().getResponseBody()
                .path("loanId").asText();
        county.post(loan(caseId, loanId) + "/approval", approval("30000", 1)).expectStatus().is2xxSuccessful();
        county.post(loan(caseId, loanId) + "/disbursement", Map.of("disbursedOn", "2026-11-27"))
                .expectStatus().is2xxSuccessful();
        clock.set(LocalDateTime.of(2026, 12, 20, 10, 0));
        county.post(loan(caseId, loanId) + "/repayments", Map.of("paidOn", "2026-12-20", "principal", "10000",
                "interest", "80")).expectStatus().is2xxSuccessful();

        clock.set(LocalDateTime.of(2026, 12, 28, 0, 0, 5));
        scheduler.triggerCheckForDueExecutions();
        eventually(Duration.ofSeconds(30), () -> {
            JsonNode view = street.get(loan(caseId, loanId));
            assertThat(view.path("stage").asText()).isEqualTo("OVERDUE");
            assertThat(view.path("overdueSince").asText()).isEqualTo("2026-12-28");
            assertThat(view.path("overdueSource").asText()).isEqualTo("MATURITY_PASSED");
        });

        clock.set(LocalDateTime.of(2027, 1, 6, 10, 0));
        county.post(loan(caseId, loanId) + "/repayments", Map.of("paidOn", "2027-01-05", "principal", "20000",
                "interest", "90")).expectStatus().is2xxSuccessful();
        JsonNode again = street.post("/api/cases/" + caseId + "/guarantee-loans", Map.of(
                        "application", application("早餐店二店", "30000", 12), "appliedOn", "2027-01-06"))
                .expectStatus().isCreated().expectBody(JsonNode.class).returnResult().getResponseBody();
        assertThat(again.path("eligible").asBoolean()).isFalse();
        assertThat(again.path("failedConditions").findValuesAsText("code")).containsExactly("PREVIOUS_LOAN_OVERDUE");
        eventually(Duration.ofSeconds(20), () -> assertThat(street.get(loan(caseId, loanId)).path("stage").asText())
                .isEqualTo("REPAID"));
    }

    @Test
    void theCountysLoanLedgerDownloadsMaskedWithAmountsAsNumbersAndIsLogged() throws Exception {
        String idNumber = TestIds.adult();
        String caseId = street.registerAtWindow(idNumber, "创六");
        String loanId = street.post("/api/cases/" + caseId + "/guarantee-loans", Map.of(
                        "application", application("修车铺", "60000", 12), "appliedOn", "2026-11-27"))
                .expectStatus().isCreated().expectBody(JsonNode.class).returnResult().getResponseBody()
                .path("loanId").asText();
        county.post(loan(caseId, loanId) + "/approval", approval("50000", 12)).expectStatus().is2xxSuccessful();
        Caseworker exporter = caseworker("E-export", COUNTY);
        eventually(Duration.ofSeconds(20), () -> assertThat(exporter.getting("/loans.csv?stage=APPROVED")
                .expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody()).contains(loanId));

        String csv = exporter.getting("/loans.csv?stage=APPROVED").expectStatus().isOk()
                .expectHeader().contentType("text/csv;charset=UTF-8")
                .expectBody(String.class).returnResult().getResponseBody();
        List<List<String>> lines = StatisticsExportHttpTest.parseCsv(csv.substring(1));
        assertThat(lines.get(0)).startsWith("姓名", "身份证号码", "经营实体", "经办机构", "申请金额（元）", "审批金额（元）");
        List<String> line = lines.stream().filter(l -> l.contains(loanId)).findFirst().orElseThrow();
        assertThat(line.get(0)).isEqualTo(cn.pes.casework.events.shared.Masking.name("创六"));
        assertThat(line.get(1)).isEqualTo(cn.pes.casework.events.shared.Masking.idNumber(idNumber));
        assertThat(new BigDecimal(line.get(5))).isEqualByComparingTo("50000");
        assertThat(line).contains("已审批，待放款", caseId);
        assertThat(csv).doesNotContain(idNumber).doesNotContain("创六");

        byte[] body = exporter.getting("/loans.xlsx").expectStatus().isOk().expectBody(byte[].class)
                .returnResult().getResponseBody();
        try (org.apache.poi.xssf.usermodel.XSSFWorkbook workbook = StatisticsExportHttpTest.open(body)) {
            org.apache.poi.ss.usermodel.Sheet sheet = workbook.getSheetAt(0);
            assertThat(workbook.getSheetName(0)).isEqualTo("创业担保贷款台账");
            org.apache.poi.ss.usermodel.Row row = null;
            for (org.apache.poi.ss.usermodel.Row candidate : sheet) {
                if (loanId.equals(candidate.getCell(14).getStringCellValue())) {
                    row = candidate;
                }
            }
            assertThat(row).as("the loan's row").isNotNull();
            assertThat(row.getCell(5).getNumericCellValue()).isEqualTo(50000.0);
            assertThat(org.apache.poi.ss.usermodel.DateUtil.isCellDateFormatted(row.getCell(8))).isTrue();
        }
        assertThat(jdbc.queryForList("SELECT target || '|' || detail FROM access_log WHERE officer_id = ?"
                + " AND action = 'LIST_EXPORTED' ORDER BY id", String.class, "E-export"))
                .endsWith("guarantee-loans|agency=" + COUNTY + " stage=APPROVED asOf=2026-11-27 format=csv",
                        "guarantee-loans|agency=" + COUNTY + " asOf=2026-11-27 format=xlsx");

        caseworker("E-export-other", OTHER_COUNTY).getting("/loans.csv?agency=" + COUNTY).expectStatus().isNotFound();
        officer("E-export-analyst", COUNTY, Role.ANALYST).getting("/loans.xlsx").expectStatus().isForbidden();
    }

    // ---------------------------------------------------------------------------------------------

    private static Map<String, Object> application(String project, String amount, int termMonths,
                                                   String... existingLoanTypes) {
        List<Map<String, Object>> existing = java.util.Arrays.stream(existingLoanTypes)
                .map(type -> Map.<String, Object>of("holder", "APPLICANT", "type", type, "amount", "80000"))
                .toList();
        return Map.of(
                "business", Map.of("name", "E2E小店" + System.nanoTime() % 1000, "legalForm", "INDIVIDUAL_BUSINESS",
                        "registrationNumber", creditCode(), "registeredInCity", true),
                "projectDescription", project,
                "amountRequested", amount,
                "termMonthsRequested", termMonths,
                "existingLoans", existing,
                "claimedGroups", List.of());
    }

    private static String creditCode() {
        return cn.pes.casework.platform.support.CreditCodes.fresh();
    }

    private static Map<String, Object> approval(String amount, int termMonths) {
        return Map.of("amount", amount, "termMonths", termMonths, "lender", "XX农商银行",
                "guaranteeContractNumber", "DB-E2E-" + System.nanoTime(), "approvedOn", "2026-11-27");
    }

    private static String loan(String caseId, String loanId) {
        return "/api/cases/" + caseId + "/guarantee-loans/" + loanId;
    }

    private static JsonNode findLine(JsonNode lines, String loanId) {
        for (JsonNode line : lines) {
            if (loanId.equals(line.path("loanId").asText())) {
                return line;
            }
        }
        return null;
    }

    /** A valid ID number of a man ({@code male}) or a woman born on the day (GB 11643: odd 17th digit = male). */
    private static String bornOn(LocalDate birthDate, boolean male) {
        while (true) {
            String id = TestIds.bornOn(birthDate);
            if (((id.charAt(16) - '0') % 2 == 1) == male) {
                return id;
            }
        }
    }
}
