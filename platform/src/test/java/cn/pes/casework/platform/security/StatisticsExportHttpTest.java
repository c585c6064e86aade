package cn.pes.casework.platform.security;

import cn.pes.casework.events.statistics.AreaStatistics;
import cn.pes.casework.events.statistics.FindAreaStatisticsQuery;
import cn.pes.casework.events.statistics.MonthlyFigures;
import cn.pes.casework.events.tracking.ContactMethod;
import cn.pes.casework.platform.support.Caseworker;
import cn.pes.casework.platform.support.TestIds;
import cn.pes.casework.security.Role;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static cn.pes.casework.platform.support.Eventually.eventually;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The monthly statistics table (统计月报) downloaded as a workbook and as a CSV after real commands:
 * Chinese headers as agencies use them, figures as numbers equal to what the statistics query answers,
 * the county first and then each of its streets, twelve months of trend, every export in the access
 * log without personal data; refused outside the officer's area and to roles without statistics.
 */
class StatisticsExportHttpTest extends SecuredPlatformTest {

    private static final String EAST_LAKE = OTHER_COUNTY;
    private static final String NEW_TOWN = "990102002";
    private static final YearMonth MONTH = YearMonth.from(NOW);
    private static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    private static final List<String> LEADING_HEADERS = List.of("地区", "月份", "月末登记失业人数", "新增登记", "实现就业",
            "其中推荐就业", "注销", "注销：按月领取基本养老金");

    @Autowired
    QueryGateway queryGateway;

    @BeforeEach
    void atNow() {
        clock.set(NOW);
    }

    @Test
    void theWorkbookAndTheCsvHoldTheQuerysFiguresUnderAgenciesHeaders() throws IOException {
        Caseworker street = caseworker("W-stats-x", NEW_TOWN);
        String name = "钱" + System.nanoTime() % 100000;
        String idNumber = TestIds.adult();
        String caseId = street.registerAtWindow(idNumber, name);
        street.phoneContact(caseId, NOW.toLocalDate(), true);
        eventually(() -> assertThat(figures(List.of(NEW_TOWN), null).contactedByMethod().get(ContactMethod.PHONE))
                .isPositive());

        Caseworker analyst = officer("N-stats-x", CITY, Role.ANALYST);
        eventually(() -> {
            MonthlyFigures county = figures(List.of(EAST_LAKE, "990102001", NEW_TOWN), null);
            MonthlyFigures newTown = figures(List.of(NEW_TOWN), null);
            byte[] body = analyst.getting("/statistics.xlsx?area=" + EAST_LAKE + "&month=" + MONTH)
                    .expectStatus().isOk().expectHeader().contentType(XLSX)
                    .expectHeader().value(HttpHeaders.CONTENT_DISPOSITION, disposition -> assertThat(disposition)
                            .startsWith("attachment;").contains("statistics-" + EAST_LAKE + "-2026-11.xlsx"))
                    .expectBody(byte[].class).returnResult().getResponseBody();
            try (XSSFWorkbook workbook = open(body)) {
                assertThat(workbook.getSheetName(0)).isEqualTo("统计月报");
                assertThat(workbook.getSheetName(1)).isEqualTo("近12个月");
                Sheet month = workbook.getSheetAt(0);
                List<String> headers = texts(month.getRow(0));
                assertThat(headers.subList(0, LEADING_HEADERS.size())).isEqualTo(LEADING_HEADERS);
                assertThat(headers).contains("长期失业人数", "长期失业占比", "应跟踪人数", "已跟踪人数", "跟踪率",
                        "信息比对", "实地走访", "电话调查", "技能提升补贴（笔）", "技能提升补贴（金额，元）",
                        "生活费补贴（笔）", "生活费补贴（金额，元）", "创业担保贷款（笔）", "创业担保贷款（金额，元）");
                for (Cell cell : month.getRow(0)) {
                    assertThat(workbook.getFontAt(cell.getCellStyle().getFontIndex()).getBold()).isTrue();
                }
                assertThat(month.getPaneInformation().isFreezePane()).isTrue();
                assertThat(month.getPhysicalNumberOfRows())
                        .as("header, the county, its own office and its two streets").isEqualTo(5);
                assertThat(month.getRow(1).getCell(0).getStringCellValue()).isEqualTo("XX市东湖区公共就业服务中心");
                assertThat(month.getRow(2).getCell(0).getStringCellValue()).isEqualTo("XX市东湖区公共就业服务中心（本级）");
                assertThat(month.getRow(4).getCell(0).getStringCellValue()).isEqualTo("东湖区新城镇劳动保障所");
                assertFigures(month.getRow(1), headers, county);
                assertFigures(month.getRow(2), headers, figures(List.of(EAST_LAKE), null));
                assertFigures(month.getRow(4), headers, newTown);
                int registered = headers.indexOf("月末登记失业人数");
                assertThat(month.getRow(2).getCell(registered).getNumericCellValue()
                        + month.getRow(3).getCell(registered).getNumericCellValue()
                        + month.getRow(4).getCell(registered).getNumericCellValue())
                        .as("the lines add up to the county").isEqualTo(county.registeredAtMonthEnd());

                Sheet trend = workbook.getSheetAt(1);
                assertThat(trend.getPhysicalNumberOfRows()).as("header and twelve months").isEqualTo(13);
                assertThat(trend.getRow(1).getCell(0).getStringCellValue()).isEqualTo("2025-12");
                assertThat(trend.getRow(12).getCell(0).getStringCellValue()).isEqualTo("2026-11");
                assertThat(trend.getRow(12).getCell(1).getNumericCellValue())
                        .isEqualTo(county.registeredAtMonthEnd());
                for (Row row : month) {
                    assertThat(String.join("|", texts(row))).doesNotContain(name).doesNotContain(idNumber);
                }
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }

            String csv = analyst.getting("/statistics.csv?area=" + EAST_LAKE + "&month=" + MONTH)
                    .expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody();
            assertThat(csv).startsWith("\uFEFF\"地区\",\"月份\",\"月末登记失业人数\",\"新增登记\"");
            List<List<String>> lines = parseCsv(csv.substring(1));
            assertThat(lines).hasSize(5);
            List<String> csvHeaders = lines.get(0);
            List<String> countyLine = lines.get(1);
            assertThat(countyLine.get(0)).isEqualTo("XX市东湖区公共就业服务中心");
            assertThat(countyLine.get(1)).isEqualTo("2026-11");
            assertThat(countyLine.get(csvHeaders.indexOf("月末登记失业人数")))
                    .isEqualTo(String.valueOf(county.registeredAtMonthEnd()));
            assertThat(countyLine.get(csvHeaders.indexOf("电话调查")))
                    .isEqualTo(String.valueOf(county.contactedByMethod().get(ContactMethod.PHONE)));
            assertThat(countyLine.get(csvHeaders.indexOf("跟踪率")))
                    .isEqualTo(String.format("%.1f%%", county.coveragePerMille() / 10.0));
        });

        List<Map<String, Object>> logged = jdbc.queryForList("SELECT target, detail, agency_id FROM access_log"
                + " WHERE officer_id = 'N-stats-x' AND action = 'LIST_EXPORTED' ORDER BY id");
        assertThat(logged).isNotEmpty();
        assertThat(logged).allSatisfy(entry -> {
            assertThat(entry.get("TARGET")).isEqualTo("statistics");
            assertThat((String) entry.get("DETAIL")).startsWith("area=" + EAST_LAKE + " month=2026-11");
            assertThat(entry.get("AGENCY_ID")).isEqualTo(CITY);
        });
        assertThat(logged).extracting(entry -> (String) entry.get("DETAIL"))
                .anyMatch(detail -> detail.endsWith("format=xlsx")).anyMatch(detail -> detail.endsWith("format=csv"));
    }

    @Test
    void asKnownAtAnInstantBeforeAnythingWasRecordedTheFiguresAreEmpty() throws IOException {
        Caseworker street = caseworker("W-stats-k", NEW_TOWN);
        street.registerAtWindow(TestIds.adult(), "孙" + System.nanoTime() % 100000);
        eventually(() -> assertThat(figures(List.of(NEW_TOWN), null).registeredAtMonthEnd()).isPositive());
        Caseworker analyst = officer("N-stats-k", CITY, Role.ANALYST);
        byte[] body = analyst.getting("/statistics.xlsx?area=" + NEW_TOWN + "&month=" + MONTH
                + "&knownAt=2020-01-01T00:00").expectStatus().isOk().expectBody(byte[].class).returnResult()
                .getResponseBody();
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(body))) {
            Row street0 = workbook.getSheetAt(0).getRow(1);
            assertThat(street0.getCell(2).getCellType()).isEqualTo(CellType.NUMERIC);
            assertThat(street0.getCell(2).getNumericCellValue()).isZero();
            assertThat(workbook.getSheetAt(0).getPhysicalNumberOfRows()).as("a street has no breakdown").isEqualTo(2);
        }
        assertThat(jdbc.queryForObject("SELECT detail FROM access_log WHERE officer_id = 'N-stats-k'"
                + " AND action = 'LIST_EXPORTED'", String.class)).contains("knownAt=2020-01-01T00:00");
        analyst.getting("/statistics.csv?area=" + NEW_TOWN + "&knownAt=yesterday").expectStatus().isBadRequest();
        analyst.getting("/statistics.csv?area=" + NEW_TOWN + "&month=2026-13").expectStatus().isBadRequest();
    }

    @Test
    void outsideTheAreaOrWithoutStatisticsNothingIsExportedOrLogged() {
        Caseworker otherStreet = caseworker("W-stats-o", STREET);
        otherStreet.getting("/statistics.csv?area=" + EAST_LAKE).expectStatus().isNotFound();
        otherStreet.getting("/statistics.xlsx?area=" + CITY).expectStatus().isNotFound();
        otherStreet.getting("/statistics?area=" + EAST_LAKE).expectStatus().isNotFound();
        officer("R-stats-o", CITY, Role.REVIEWER).getting("/statistics.csv").expectStatus().isForbidden();
        officer("S-stats-o", CITY, Role.ADMINISTRATOR).getting("/statistics.xlsx").expectStatus().isForbidden();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM access_log WHERE officer_id IN"
                + " ('W-stats-o', 'R-stats-o', 'S-stats-o') AND action = 'LIST_EXPORTED'", Integer.class)).isZero();
        // The refusal is the scope's: the street's own figures are there for it.
        otherStreet.getting("/statistics.csv").expectStatus().isOk();
    }

    static XSSFWorkbook open(byte[] body) {
        try {
            return new XSSFWorkbook(new ByteArrayInputStream(body));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private MonthlyFigures figures(List<String> agencyIds, Instant knownAt) {
        AreaStatistics answer = queryGateway.query(new FindAreaStatisticsQuery(agencyIds, MONTH, MONTH, knownAt),
                ResponseTypes.instanceOf(AreaStatistics.class)).join();
        return answer.months().get(0);
    }

    private static void assertFigures(Row row, List<String> headers, MonthlyFigures figures) {
        Map<String, Number> expected = Map.of("月末登记失业人数", figures.registeredAtMonthEnd(),
                "新增登记", figures.newRegistrations(), "实现就业", figures.reEmployed(),
                "注销", figures.cancelled(), "长期失业人数", figures.longTermUnemployed(),
                "应跟踪人数", figures.activeInMonth(), "已跟踪人数", figures.contactedInMonth(),
                "电话调查", figures.contactedByMethod().getOrDefault(ContactMethod.PHONE, 0),
                "技能提升补贴（金额，元）", figures.subsidyAmountPaid().doubleValue());
        expected.forEach((header, value) -> {
            Cell cell = row.getCell(headers.indexOf(header));
            assertThat(cell.getCellType()).as("%s is a number", header).isEqualTo(CellType.NUMERIC);
            assertThat(cell.getNumericCellValue()).as(header).isEqualTo(value.doubleValue());
        });
        Cell coverage = row.getCell(headers.indexOf("跟踪率"));
        assertThat(coverage.getCellType()).isEqualTo(CellType.NUMERIC);
        assertThat(coverage.getNumericCellValue()).isEqualTo(figures.coveragePerMille() / 1000.0);
        assertThat(coverage.getCellStyle().getDataFormatString()).isEqualTo("0.0%");
    }

    private static List<String> texts(Row row) {
        DataFormatter formatter = new DataFormatter();
        List<String> texts = new ArrayList<>();
        for (int c = 0; c < row.getLastCellNum(); c++) {
            texts.add(formatter.formatCellValue(row.getCell(c)));
        }
        return texts;
    }

    /** RFC 4180 as the export writes it: CRLF lines, quoted cells with doubled quotes, bare numbers. */
    static List<List<String>> parseCsv(String text) {
        List<List<String>> lines = new ArrayList<>();
        List<String> line = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                    cell.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    cell.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                line.add(cell.toString());
                cell.setLength(0);
            } else if (c == '\r') {
                continue;
            } else if (c == '\n') {
                line.add(cell.toString());
                cell.setLength(0);
                lines.add(line);
                line = new ArrayList<>();
            } else {
                cell.append(c);
            }
        }
        return lines;
    }
}
