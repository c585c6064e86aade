package cn.pes.casework.platform.security;

import cn.pes.casework.events.shared.Masking;
import cn.pes.casework.platform.support.Caseworker;
import cn.pes.casework.platform.support.TestIds;
import cn.pes.casework.security.Role;
import com.fasterxml.jackson.databind.JsonNode;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static cn.pes.casework.platform.CaseLifecycleFlow.caseIds;
import static cn.pes.casework.platform.support.Eventually.eventually;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The ledger as an Excel workbook ({@code /ledger.xlsx}), downloaded after real commands and opened
 * with POI: the month's contacts and the people not yet contacted, masked as in the CSV, dates as
 * dates, text never a formula; refused and signed-in-for exactly as the CSV is.
 */
class LedgerWorkbookHttpTest extends SecuredPlatformTest {

    /** A street no other test registers at: its ledger holds only what this class puts there. */
    private static final String WEST_HILL = "990103001";
    private static final String WEST_HILL_COUNTY = "990103";
    private static final YearMonth MONTH = YearMonth.from(NOW);
    private static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    private static final String FORMULA = "=HYPERLINK(\"http://example.invalid/\",\"点此\")";

    @BeforeEach
    void atNow() {
        clock.set(NOW);
    }

    @Test
    void theWorkbookHoldsTheMonthsContactsAndThePeopleNotYetContactedMasked() throws IOException {
        Caseworker caseworker = caseworker("W-xlsx", WEST_HILL);
        String phonedId = TestIds.adult();
        String phonedName = "秦" + System.nanoTime() % 100000;
        String phoned = caseworker.registerAtWindow(phonedId, phonedName);
        caseworker.phoneContact(phoned, NOW.toLocalDate(), true);
        String visitedId = TestIds.adult();
        String visitedName = "尤" + System.nanoTime() % 100000;
        String visited = caseworker.registerAtWindow(visitedId, visitedName);
        caseworker.post("/api/cases/" + visited + "/contacts", Map.of("contactDate", NOW.toLocalDate().toString(),
                "method", "ON_SITE_VISIT", "reached", false, "nextStep", FORMULA)).expectStatus().isCreated();
        String waitingId = TestIds.adult();
        String waitingName = "许" + System.nanoTime() % 100000;
        String waiting = caseworker.registerAtWindow(waitingId, waitingName);
        // The two sheets come from two read models (tracking-ledger, agency-caseload), each following
        // the events on its own: wait until both have every contact and registration.
        eventually(() -> {
            assertThat(caseIds(caseworker.ledger(MONTH), "rows")).containsExactlyInAnyOrder(phoned, visited);
            JsonNode uncontacted = caseworker.uncontacted(MONTH);
            assertThat(caseIds(uncontacted, "cases")).containsExactly(waiting);
            assertThat(uncontacted.path("activeCases").asInt()).isEqualTo(3);
        });

        byte[] body = caseworker.getting("/ledger.xlsx?month=" + MONTH).expectStatus().isOk()
                .expectHeader().contentType(XLSX)
                .expectHeader().value(HttpHeaders.CONTENT_DISPOSITION, disposition -> assertThat(disposition)
                        .startsWith("attachment;")
                        .contains("filename=\"ledger-" + WEST_HILL + "-2026-11.xlsx\"")
                        .contains("filename*=UTF-8''ledger-" + WEST_HILL + "-2026-11.xlsx"))
                .expectBody(byte[].class).returnResult().getResponseBody();

        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(body))) {
            assertThat(workbook.getNumberOfSheets()).isEqualTo(2);
            assertThat(workbook.getSheetName(0)).isEqualTo("跟踪记录");
            assertThat(workbook.getSheetName(1)).isEqualTo("未跟踪人员");

            Sheet contacts = workbook.getSheetAt(0);
            assertThat(texts(contacts.getRow(0))).containsExactly("跟踪日期", "姓名", "身份证号码", "跟踪方式", "联系上",
                    "就业状况", "提供服务", "下一步", "经办人");
            assertHeaderBoldAndFrozen(workbook, contacts);
            assertThat(contacts.getColumnWidth(2)).as("the ID number column fits 18 characters")
                    .isGreaterThanOrEqualTo(18 * 256);
            assertThat(contacts.getPhysicalNumberOfRows()).as("header and two contacts").isEqualTo(3);

            Row phonedRow = rowNamed(contacts, 1, Masking.name(phonedName));
            assertThat(phonedRow.getCell(2).getCellType()).isEqualTo(CellType.STRING);
            assertThat(phonedRow.getCell(2).getStringCellValue()).isEqualTo(Masking.idNumber(phonedId))
                    .isEqualTo(phonedId.substring(0, 4) + "**********" + phonedId.substring(14));
            Cell date = phonedRow.getCell(0);
            assertThat(date.getCellType()).as("a real date, not text").isEqualTo(CellType.NUMERIC);
            assertThat(DateUtil.isCellDateFormatted(date)).isTrue();
            assertThat(date.getLocalDateTimeCellValue().toLocalDate()).isEqualTo(NOW.toLocalDate());
            assertThat(texts(phonedRow).subList(3, 9))
                    .containsExactly("电话调查", "是", "未就业", "职业指导、政策咨询", "下月继续电话跟踪", "W-xlsx");

            Row visitedRow = rowNamed(contacts, 1, Masking.name(visitedName));
            Cell nextStep = visitedRow.getCell(7);
            assertThat(nextStep.getCellType()).as("user text stays text").isEqualTo(CellType.STRING);
            assertThat(nextStep.getStringCellValue()).isEqualTo(FORMULA);
            assertThat(nextStep.getCellStyle().getQuotePrefixed()).isTrue();
            assertThat(texts(visitedRow).subList(3, 6)).containsExactly("实地走访", "否", "");

            Sheet notContacted = workbook.getSheetAt(1);
            assertThat(texts(notContacted.getRow(0))).containsExactly("姓名", "身份证号码", "登记日期", "最近跟踪");
            assertHeaderBoldAndFrozen(workbook, notContacted);
            assertThat(notContacted.getPhysicalNumberOfRows()).as("header and one person").isEqualTo(2);
            Row waitingRow = rowNamed(notContacted, 0, Masking.name(waitingName));
            assertThat(waitingRow.getCell(1).getStringCellValue()).isEqualTo(Masking.idNumber(waitingId));
            assertThat(DateUtil.isCellDateFormatted(waitingRow.getCell(2))).isTrue();
            assertThat(waitingRow.getCell(2).getLocalDateTimeCellValue().toLocalDate()).isEqualTo(NOW.toLocalDate());
            assertThat(waitingRow.getCell(3)).as("never contacted").isNull();

            String everything = allText(workbook);
            for (String personal : List.of(phonedId, visitedId, waitingId, phonedName, visitedName, waitingName)) {
                assertThat(everything).doesNotContain(personal);
            }
        }

        String csv = caseworker.getting("/ledger.csv?month=" + MONTH).expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody();
        assertThat(csv).startsWith("\uFEFF跟踪日期,姓名,身份证号码,跟踪方式,联系上,就业状况,提供服务,下一步,经办人\r\n");
        assertThat(csv.split("\r\n")).as("the CSV carries the same contacts").hasSize(3);
        assertThat(csv).contains(Masking.idNumber(phonedId)).contains("\"'" + FORMULA.replace("\"", "\"\"") + "\"");
    }

    @Test
    void anOfficerOutsideTheAgencyIsRefusedAsForTheCsv() {
        Caseworker otherStreet = caseworker("W-xlsx-other", OTHER_STREET);
        otherStreet.getting("/ledger.csv?agency=" + WEST_HILL).expectStatus().isNotFound();
        otherStreet.getting("/ledger.xlsx?agency=" + WEST_HILL).expectStatus().isNotFound()
                .expectHeader().doesNotExist(HttpHeaders.CONTENT_DISPOSITION);
        Caseworker anotherCounty = caseworker("W-xlsx-county", COUNTY);
        anotherCounty.getting("/ledger.csv?agency=" + WEST_HILL).expectStatus().isNotFound();
        anotherCounty.getting("/ledger.xlsx?agency=" + WEST_HILL).expectStatus().isNotFound();

        Caseworker reviewer = officer("R-xlsx", CITY, Role.REVIEWER);
        reviewer.getting("/ledger.csv?agency=" + WEST_HILL).expectStatus().isForbidden();
        reviewer.getting("/ledger.xlsx?agency=" + WEST_HILL).expectStatus().isForbidden();

        // The refusal is the scope's, not a broken route: the county above the street gets its workbook.
        caseworker("W-xlsx-above", WEST_HILL_COUNTY).getting("/ledger.xlsx?agency=" + WEST_HILL)
                .expectStatus().isOk().expectHeader().contentType(XLSX);
    }

    @Test
    void anAnonymousRequestIsAskedToSignInAsForTheCsv() {
        for (String route : List.of("/ledger.csv", "/ledger.xlsx")) {
            anonymous().get().uri(route).exchange().expectStatus().isUnauthorized();
            anonymous().get().uri(route).accept(MediaType.TEXT_HTML).exchange()
                    .expectStatus().isFound().expectHeader().valueEquals("Location", "/login");
        }
    }

    private static void assertHeaderBoldAndFrozen(XSSFWorkbook workbook, Sheet sheet) {
        for (Cell cell : sheet.getRow(0)) {
            assertThat(workbook.getFontAt(cell.getCellStyle().getFontIndex()).getBold())
                    .as("header %s bold", cell.getStringCellValue()).isTrue();
        }
        assertThat(sheet.getPaneInformation()).isNotNull();
        assertThat(sheet.getPaneInformation().isFreezePane()).isTrue();
        assertThat(sheet.getPaneInformation().getHorizontalSplitPosition()).as("header row frozen").isEqualTo((short) 1);
        assertThat(sheet.getPaneInformation().getVerticalSplitPosition()).isZero();
    }

    private static Row rowNamed(Sheet sheet, int nameColumn, String maskedName) {
        List<Row> found = new ArrayList<>();
        for (Row row : sheet) {
            if (row.getRowNum() > 0 && maskedName.equals(row.getCell(nameColumn).getStringCellValue())) {
                found.add(row);
            }
        }
        assertThat(found).as("rows of %s", maskedName).hasSize(1);
        return found.get(0);
    }

    private static List<String> texts(Row row) {
        DataFormatter formatter = new DataFormatter();
        List<String> texts = new ArrayList<>();
        for (int c = 0; c < row.getLastCellNum(); c++) {
            texts.add(formatter.formatCellValue(row.getCell(c)));
        }
        return texts;
    }

    private static String allText(XSSFWorkbook workbook) {
        StringBuilder text = new StringBuilder();
        workbook.forEach(sheet -> sheet.forEach(row -> text.append(String.join("|", texts(row))).append('\n')));
        return text.toString();
    }
}
