package cn.pes.casework.platform.security;

import cn.pes.casework.events.shared.Masking;
import cn.pes.casework.platform.support.Caseworker;
import cn.pes.casework.platform.support.TestIds;
import cn.pes.casework.security.Role;
import com.fasterxml.jackson.databind.JsonNode;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static cn.pes.casework.platform.CaseLifecycleFlow.caseIds;
import static cn.pes.casework.platform.support.Eventually.eventually;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The overdue lists that have pages, downloaded as files: pending online applications past their
 * REG-5 due date, job-seeking registrations past JOB-2's review day, a department's missed subsidy
 * deadlines. Chinese headers, people masked as on the pages, every export in the access log, and the
 * pages' own refusals.
 */
class OverdueExportHttpTest extends SecuredPlatformTest {

    /** After the 2 working days of REG-5 and the 1 of JOB-2 for what arrives on {@link #NOW} (a Friday). */
    private static final LocalDateTime LATER = LocalDateTime.of(2026, 12, 2, 9, 0);
    private static final String PEOPLES_ROAD = "990101002";

    @BeforeEach
    @AfterEach
    void atNow() {
        clock.set(NOW);
    }

    @Test
    void pendingApplicationsPastTheirDueDateAreExportedMaskedAndMarked() {
        Caseworker street = caseworker("W-ovd-a", PEOPLES_ROAD);
        String idNumber = TestIds.adult();
        String name = "郑" + System.nanoTime() % 100000;
        String caseId = street.post("/api/registrations", Caseworker.onlineApplication(idNumber, name, "CITY_PES_CLOUD"))
                .expectStatus().isCreated().expectBody(JsonNode.class).returnResult().getResponseBody()
                .path("caseId").asText();
        // Waited for by another officer: each read of the list is in the access log, and only the downloads are counted below.
        Caseworker waiting = caseworker("W-ovd-a-wait", PEOPLES_ROAD);
        eventually(() -> assertThat(caseIds(waiting.pendingApplications(false), "applications")).contains(caseId));
        clock.set(LATER);

        String csv = street.getting("/applications.csv").expectStatus().isOk()
                .expectHeader().contentType("text/csv;charset=UTF-8")
                .expectBody(String.class).returnResult().getResponseBody();
        List<List<String>> lines = StatisticsExportHttpTest.parseCsv(csv.substring(1));
        assertThat(csv).startsWith("\uFEFF");
        assertThat(lines.get(0)).containsExactly("姓名", "身份证号码", "申请渠道", "申请日期", "办结期限", "是否超期");
        List<String> line = lines.stream().filter(l -> l.get(1).equals(Masking.idNumber(idNumber))).findFirst()
                .orElseThrow();
        assertThat(line).containsExactly(Masking.name(name), Masking.idNumber(idNumber), "市公共就业服务云平台",
                "2026-11-27", "2026-12-01", "是");
        assertThat(csv).doesNotContain(idNumber).doesNotContain(name);

        byte[] body = street.getting("/applications.xlsx").expectStatus().isOk().expectBody(byte[].class)
                .returnResult().getResponseBody();
        try (XSSFWorkbook workbook = StatisticsExportHttpTest.open(body)) {
            Sheet sheet = workbook.getSheetAt(0);
            assertThat(workbook.getSheetName(0)).isEqualTo("网上申请");
            assertThat(texts(sheet.getRow(0))).containsExactly("姓名", "身份证号码", "申请渠道", "申请日期", "办结期限", "是否超期");
            Row row = rowWith(sheet, 1, Masking.idNumber(idNumber));
            assertThat(DateUtil.isCellDateFormatted(row.getCell(4))).isTrue();
            assertThat(row.getCell(4).getLocalDateTimeCellValue().toLocalDate()).isEqualTo(LocalDate.of(2026, 12, 1));
            assertThat(row.getCell(5).getStringCellValue()).isEqualTo("是");
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        assertThat(listExports("W-ovd-a")).containsExactly(
                "pending-applications|agency=" + PEOPLES_ROAD + " asOf=2026-12-02 format=csv",
                "pending-applications|agency=" + PEOPLES_ROAD + " asOf=2026-12-02 format=xlsx");

        officer("R-ovd-a", CITY, Role.REVIEWER).getting("/applications.csv").expectStatus().isForbidden();
        officer("N-ovd-a", CITY, Role.ANALYST).getting("/applications.xlsx").expectStatus().isForbidden();
    }

    @Test
    void jobSeekingReviewsPastTheirDayAreExportedMaskedAndMarked() {
        Caseworker street = caseworker("W-ovd-j", PEOPLES_ROAD);
        String idNumber = TestIds.adult();
        String name = "冯" + System.nanoTime() % 100000;
        String caseId = street.registerAtWindow(idNumber, name);
        street.post("/api/cases/" + caseId + "/job-seeking", Map.of("identityDocument", "RESIDENT_ID_CARD",
                "basics", Map.of("education", "VOCATIONAL_SECONDARY", "yearsOfExperience", 4, "skills", "数控车床"),
                "intentions", Map.of("occupations", List.of("数控车工", "钳工"), "expectedMonthlyWageYuan", 5200,
                        "areaAgencyId", COUNTY, "forms", List.of("FULL_TIME")))).expectStatus().isCreated();
        eventually(() -> assertThat(street.get("/api/agencies/" + PEOPLES_ROAD + "/job-seeking-reviews")
                .path("reviews").toString()).contains(caseId));
        clock.set(LATER);

        String csv = street.getting("/job-seeking/reviews.csv").expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody();
        List<List<String>> lines = StatisticsExportHttpTest.parseCsv(csv.substring(1));
        assertThat(lines.get(0)).containsExactly("姓名", "身份证号码", "求职意向", "期望月薪（元）", "经办机构", "受理日期",
                "审核期限", "是否超期");
        List<String> line = lines.stream().filter(l -> l.get(1).equals(Masking.idNumber(idNumber))).findFirst()
                .orElseThrow();
        assertThat(line).containsExactly(Masking.name(name), Masking.idNumber(idNumber), "数控车工、钳工", "5200",
                "中心区人民路街道劳动保障所", "2026-11-27", "2026-11-30", "是");
        assertThat(csv).doesNotContain(idNumber).doesNotContain(name);

        // The county above sees the street's list, the other county does not; reviewers city-wide, as the page.
        byte[] body = caseworker("W-ovd-jc", COUNTY).getting("/job-seeking/reviews.xlsx?agency=" + PEOPLES_ROAD)
                .expectStatus().isOk().expectBody(byte[].class).returnResult().getResponseBody();
        try (XSSFWorkbook workbook = StatisticsExportHttpTest.open(body)) {
            Row row = rowWith(workbook.getSheetAt(0), 1, Masking.idNumber(idNumber));
            assertThat(row.getCell(3).getNumericCellValue()).as("the wage is a number").isEqualTo(5200);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        caseworker("W-ovd-jo", OTHER_COUNTY).getting("/job-seeking/reviews.csv?agency=" + PEOPLES_ROAD)
                .expectStatus().isNotFound();
        officer("R-ovd-j", CITY, Role.REVIEWER).getting("/job-seeking/reviews.csv?agency=" + PEOPLES_ROAD)
                .expectStatus().isOk();
        officer("N-ovd-j", CITY, Role.ANALYST).getting("/job-seeking/reviews.csv").expectStatus().isForbidden();
        // The file, and before it each JSON read of the list while waiting for the registration.
        assertThat(listExports("W-ovd-j")).last()
                .isEqualTo("pending-job-seeking-reviews|agency=" + PEOPLES_ROAD + " asOf=2026-12-02 format=csv");
        assertThat(listExports("W-ovd-j")).filteredOn(row -> row.contains("format=json")).isNotEmpty()
                .allMatch(row -> row.matches("pending-job-seeking-reviews\\|agency=" + PEOPLES_ROAD
                        + " asOf=\\d{4}-\\d{2}-\\d{2} format=json rows=\\d+"));
        assertThat(listExports("W-ovd-jo")).isEmpty();
    }

    @Test
    void missedSubsidyDeadlinesAreExportedForTheDepartmentsThePageShows() {
        Caseworker county = caseworker("W-ovd-m", COUNTY);
        String csv = county.getting("/subsidies/missed.csv").expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody();
        assertThat(StatisticsExportHttpTest.parseCsv(csv.substring(1)).get(0))
                .containsExactly("环节", "受理部门", "办理期限", "办结日期", "申请编号", "档案编号");
        byte[] body = officer("A-ovd-m", CITY, Role.AUDITOR).getting("/subsidies/missed.xlsx?department=" + COUNTY)
                .expectStatus().isOk().expectBody(byte[].class).returnResult().getResponseBody();
        try (XSSFWorkbook workbook = StatisticsExportHttpTest.open(body)) {
            assertThat(workbook.getSheetName(0)).isEqualTo("超期未办");
            assertThat(texts(workbook.getSheetAt(0).getRow(0))).startsWith("环节", "受理部门");
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        caseworker("W-ovd-mo", OTHER_STREET).getting("/subsidies/missed.csv?department=" + COUNTY)
                .expectStatus().isNotFound();
        assertThat(listExports("W-ovd-m")).containsExactly(
                "missed-subsidy-deadlines|department=" + COUNTY + " format=csv");
        assertThat(listExports("A-ovd-m")).containsExactly(
                "missed-subsidy-deadlines|department=" + COUNTY + " format=xlsx");
    }

    @Test
    void theListOfPendingApplicationsReadAsDataIsInTheAccessLogAsItsDownloadIs() {
        Caseworker street = caseworker("W-ovd-json", PEOPLES_ROAD);
        JsonNode all = street.pendingApplications(false);
        JsonNode overdue = street.pendingApplications(true);

        assertThat(listExports("W-ovd-json")).containsExactly(
                "pending-applications|agency=" + PEOPLES_ROAD + " asOf=" + NOW.toLocalDate()
                        + " overdueOnly=false format=json rows=" + all.path("applications").size(),
                "pending-applications|agency=" + PEOPLES_ROAD + " asOf=" + NOW.toLocalDate()
                        + " overdueOnly=true format=json rows=" + overdue.path("applications").size());
        caseworker("W-ovd-json-2", OTHER_STREET)
                .getting("/api/agencies/" + PEOPLES_ROAD + "/pending-applications").expectStatus().isNotFound();
        assertThat(listExports("W-ovd-json-2")).isEmpty();
    }

    private static Row rowWith(Sheet sheet, int column, String text) {
        for (Row row : sheet) {
            if (row.getRowNum() > 0 && text.equals(row.getCell(column).getStringCellValue())) {
                return row;
            }
        }
        throw new AssertionError("no row with " + text);
    }

    private static List<String> texts(Row row) {
        DataFormatter formatter = new DataFormatter();
        List<String> texts = new ArrayList<>();
        for (int c = 0; c < row.getLastCellNum(); c++) {
            texts.add(formatter.formatCellValue(row.getCell(c)));
        }
        return texts;
    }
}
