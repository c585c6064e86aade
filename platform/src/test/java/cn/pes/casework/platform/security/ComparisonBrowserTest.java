package cn.pes.casework.platform.security;

import cn.pes.casework.platform.support.Caseworker;
import cn.pes.casework.platform.support.TestIds;
import cn.pes.casework.security.Role;
import com.fasterxml.jackson.databind.JsonNode;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chromium.HasCdp;
import org.openqa.selenium.support.ui.Select;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static cn.pes.casework.platform.support.Eventually.eventually;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Information comparison in a real browser, in Chinese (信息比对, TRK-2, CAN-3): the street caseworker
 * uploads a CSV of social insurance enrolments with a malformed row, follows the batch to 已完成 without
 * reloading, sees the row reported by line, then in the queue confirms one person's employment and
 * dismisses another's — an empty reason refused at its field — and finds both decisions on the case
 * pages; a list of ID numbers comes back as a workbook, read here cell by cell. An auditor reads the
 * pages without their forms; every page speaks English.
 */
class ComparisonBrowserTest extends BrowserPlatformTest {

    private static final String HEADER = "身份证号,姓名,日期,单位名称\r\n";

    private Caseworker street;

    @BeforeEach
    void officers() {
        street = caseworker("W990101001A", STREET);
    }

    @Test
    void aBatchIsUploadedItsProposalsDecidedAndAListReconciled() throws IOException {
        String firstId = TestIds.adult();
        String secondId = TestIds.adult();
        String first = registeredPerson(firstId, "比" + System.nanoTime() % 100000);
        String second = registeredPerson(secondId, "对" + System.nanoTime() % 100000);
        Path csv = Files.createTempFile("comparison-", ".csv");
        Files.writeString(csv, HEADER
                + firstId + ",甲,2026-11-27,城东机械有限公司\r\n"
                + secondId + ",乙,2026-11-27,城西物流有限公司\r\n"
                + TestIds.withWrongCheckDigit(TestIds.adult()) + ",丙,2026-11-27,城南商贸有限公司\r\n",
                StandardCharsets.UTF_8);

        signIn("caseworker-street", "ChangeMe-2026!");
        assertThat(browser.findElements(By.cssSelector("header nav a"))).extracting(WebElement::getText)
                .contains("比对批次", "待核实变更", "批量核对");
        submit(navLink("比对批次"));
        assertThat(browser.findElement(By.cssSelector("ul.columns")).getText()).contains("身份证号").contains("单位名称");
        new Select(browser.findElement(By.id("kind"))).selectByVisibleText("社会保险参保登记");
        browser.findElement(By.id("source")).sendKeys("市社保中心");
        setDate("referenceDate", "2026-11-27");
        browser.findElement(By.id("file")).sendKeys(csv.toAbsolutePath().toString());
        screenshot("cmp-01-upload");
        submit(browser.findElement(By.cssSelector("form.batch-upload button[type=submit]")));
        eventually(() -> assertThat(browser.getCurrentUrl()).contains("/comparison/batches/cmp-"));

        // The progress follows the matching without a reload, until it is done.
        eventually(Duration.ofSeconds(30), () -> assertThat(liveStatus()).isEqualTo("COMPLETED"));
        assertThat(browser.findElement(By.cssSelector("#batch-live p.batch-status")).getText()).isEqualTo("已完成");
        assertThat(browser.findElement(By.cssSelector("dd.o-proposed")).getText()).isEqualTo("2");
        assertThat(browser.findElement(By.cssSelector("dd.lines")).getText()).isEqualTo("共 3 行，有效 2 行，有问题 1 行");
        assertThat(browser.findElement(By.cssSelector("table.problems tr[data-line='4']")).getText())
                .contains("身份证号").contains("身份证号校验码不对");
        screenshot("cmp-02-batch");

        submit(browser.findElement(By.cssSelector("a.to-queue")));
        String firstRow = "table.proposals tr[data-case='" + first + "']";
        String secondRow = "table.proposals tr[data-case='" + second + "']";
        eventually(() -> {
            browser.navigate().refresh();
            assertThat(browser.findElements(By.cssSelector(firstRow))).hasSize(1);
            assertThat(browser.findElements(By.cssSelector(secondRow))).hasSize(1);
        });
        assertThat(browser.findElement(By.cssSelector(firstRow)).getText()).contains("信息比对").contains("单位就业")
                .contains("城东机械有限公司").contains("社会保险参保登记").contains("市社保中心")
                .contains(firstId.substring(0, 4)).doesNotContain(firstId);
        screenshot("cmp-03-queue");

        submit(browser.findElement(By.cssSelector(firstRow + " form.confirm-proposal button")));
        assertThat(browser.getCurrentUrl()).contains("/comparison/proposals");
        assertThat(browser.findElements(By.cssSelector(firstRow))).as("confirmed: no longer open").isEmpty();

        String proposalId = browser.findElement(By.cssSelector(secondRow)).getAttribute("data-proposal");
        long before = storedEvents();
        submit(browser.findElement(By.cssSelector(secondRow + " form.dismiss-proposal button")));
        assertThat(browser.findElement(By.id("reason-" + proposalId + "-error")).getText()).isEqualTo("必填");
        assertThat(storedEvents()).as("a refused dismissal stores nothing").isEqualTo(before);
        browser.findElement(By.id("reason-" + proposalId)).sendKeys("本人已辞职，参保为历史记录");
        submit(browser.findElement(By.cssSelector(secondRow + " form.dismiss-proposal button")));
        assertThat(browser.findElements(By.cssSelector(secondRow))).as("dismissed: no longer open").isEmpty();

        browser.get(url("/cases/" + first));
        eventually(() -> {
            browser.navigate().refresh();
            assertThat(browser.findElement(By.cssSelector("dd.status")).getText()).isEqualTo("已就业");
        });
        assertThat(browser.findElement(By.cssSelector("table.case-proposals tbody tr")).getAttribute("data-state"))
                .isEqualTo("CONFIRMED");
        assertThat(browser.findElement(By.cssSelector("table.case-proposals")).getText()).contains("已确认")
                .contains("城东机械有限公司");
        browser.get(url("/cases/" + second));
        assertThat(browser.findElement(By.cssSelector("table.case-proposals tbody tr")).getText())
                .contains("不予采纳").contains("本人已辞职，参保为历史记录");
        assertThat(browser.findElement(By.cssSelector("dd.status")).getText()).isEqualTo("登记有效");
        screenshot("cmp-04-case");

        screenshot("cmp-05-case-dismissed");
    }

    @Test
    void aListOfIdNumbersComesBackAsAWorkbook() throws IOException {
        String registeredId = TestIds.adult();
        String caseId = registeredPerson(registeredId, "核" + System.nanoTime() % 100000);
        street.phoneContact(caseId, LocalDate.of(2026, 11, 27), true);
        eventually(() -> assertThat(street.caseView(caseId).path("lastContact").path("method").asText()).isEqualTo("PHONE"));
        Path downloads = Files.createTempDirectory("cmp-downloads-");
        Path list = Files.createTempFile("reconcile-", ".csv");
        String unknown = TestIds.adult();
        Files.writeString(list, "姓名,身份证号\r\n甲," + registeredId + "\r\n乙," + TestIds.withWrongCheckDigit(registeredId)
                + "\r\n丙," + unknown + "\r\n", StandardCharsets.UTF_8);

        signIn("caseworker-street", "ChangeMe-2026!");
        ((HasCdp) browser).executeCdpCommand("Browser.setDownloadBehavior",
                Map.of("behavior", "allow", "downloadPath", downloads.toAbsolutePath().toString()));
        submit(navLink("批量核对"));
        browser.findElement(By.id("file")).sendKeys(list.toAbsolutePath().toString());
        screenshot("cmp-06-reconciliation");
        browser.findElement(By.cssSelector("form.reconciliation button[type=submit]")).click();
        Path workbook = saved(downloads);
        try (InputStream in = Files.newInputStream(workbook); XSSFWorkbook book = new XSSFWorkbook(in)) {
            Sheet sheet = book.getSheetAt(0);
            assertThat(texts(sheet.getRow(0))).containsExactly("序号", "身份证号", "姓名", "登记状态", "登记日期",
                    "登记结束日期", "经办机构", "最近联系日期", "最近联系方式", "人员类别", "技能补贴申请笔数", "已发放笔数",
                    "已发放金额", "创业担保贷款笔数", "最新贷款阶段", "未还本金", "问题");
            Row person = sheet.getRow(1);
            assertThat(person.getCell(0).getNumericCellValue()).isEqualTo(1.0);
            assertThat(person.getCell(1).getStringCellValue())
                    .isEqualTo(registeredId.substring(0, 4) + "**********" + registeredId.substring(14));
            assertThat(person.getCell(2).getStringCellValue()).startsWith("核").endsWith("*");
            assertThat(person.getCell(3).getStringCellValue()).isEqualTo("登记有效");
            assertThat(person.getCell(4).getLocalDateTimeCellValue().toLocalDate()).isEqualTo(LocalDate.of(2026, 11, 27));
            assertThat(person.getCell(5)).isNull();
            assertThat(person.getCell(6).getStringCellValue()).isNotBlank();
            assertThat(person.getCell(7).getLocalDateTimeCellValue().toLocalDate()).isEqualTo(LocalDate.of(2026, 11, 27));
            assertThat(person.getCell(8).getStringCellValue()).isEqualTo("电话调查");
            assertThat(person.getCell(9).getStringCellValue()).contains("高校毕业生");
            assertThat(person.getCell(10).getNumericCellValue()).isZero();
            assertThat(person.getCell(12).getCellType()).isEqualTo(CellType.NUMERIC);
            assertThat(person.getCell(12).getNumericCellValue()).isZero();
            assertThat(person.getCell(13).getNumericCellValue()).isZero();
            assertThat(person.getCell(15).getCellType()).isEqualTo(CellType.NUMERIC);
            assertThat(person.getCell(16)).isNull();
            assertThat(sheet.getRow(2).getCell(1).getStringCellValue()).startsWith(registeredId.substring(0, 4)).contains("*");
            assertThat(sheet.getRow(2).getCell(3)).isNull();
            assertThat(sheet.getRow(2).getCell(16).getStringCellValue()).isEqualTo("身份证号校验码不对");
            assertThat(sheet.getRow(3).getCell(16).getStringCellValue()).isEqualTo("未办理过失业登记");
            assertThat(sheet.getLastRowNum()).isEqualTo(3);
        }
        assertThat(street.get("/api/cases/" + caseId).toString()).doesNotContain(registeredId);

        // A file that is no list comes back to the form with the reason.
        Path notAList = Files.createTempFile("not-a-list-", ".xlsx");
        Files.writeString(notAList, "这不是 Excel 文件", StandardCharsets.UTF_8);
        browser.findElement(By.id("file")).sendKeys(notAList.toAbsolutePath().toString());
        submit(browser.findElement(By.cssSelector("form.reconciliation button[type=submit]")));
        assertThat(browser.findElement(By.id("file-error")).getText()).contains("文件无法读取");
    }

    @Test
    void anAuditorReadsThePagesWithoutFormsAndEveryPageSpeaksEnglish() {
        String idNumber = TestIds.adult();
        String caseId = registeredPerson(idNumber, "审" + System.nanoTime() % 100000);
        String batchId = ComparisonHttpTest.upload(street, "pension.csv", HEADER + idNumber + ",审,2026-11-27,\r\n",
                        "PENSION_START", "市社保中心", "2026-11-27")
                .expectStatus().isAccepted().expectBody(JsonNode.class).returnResult().getResponseBody()
                .path("batchId").asText();
        eventually(Duration.ofSeconds(30), () -> assertThat(street.get("/api/cases/" + caseId
                + "/status-change-proposals").path("lines")).hasSize(1));

        Caseworker auditor = officer("C-auditor-b", CITY, Role.AUDITOR);
        // The batch list is a read model of its own; the proposal above may be projected before it.
        eventually(Duration.ofSeconds(30), () -> assertThat(page(auditor, "/comparison")).contains("比对批次")
                .contains(batchId).doesNotContain("batch-upload"));
        assertThat(page(auditor, "/comparison/batches/" + batchId)).contains("按月领取基本养老金");
        assertThat(page(auditor, "/comparison/proposals")).contains(caseId).contains("按月领取基本养老金")
                .doesNotContain("confirm-proposal").doesNotContain("dismiss-proposal");
        assertThat(page(auditor, "/cases/" + caseId)).contains("case-proposals").doesNotContain("confirm-proposal");
        Caseworker reviewer = officer("C-reviewer-b", CITY, Role.REVIEWER);
        assertThat(page(reviewer, "/cases/" + caseId)).as("a reviewer reads the case, not its proposals' section")
                .contains("个人档案").doesNotContain("case-proposals");
        assertThat(page(street, "/comparison/proposals")).contains("confirm-proposal").contains("dismiss-proposal");
        assertThat(page(street, "/cases/" + caseId)).contains("confirm-proposal");
        assertThat(page(street, "/comparison")).contains("batch-upload");

        for (String path : List.of("/comparison", "/comparison/batches/" + batchId, "/comparison/proposals",
                "/comparison/proposals?state=DISMISSED", "/comparison/reconciliation", "/cases/" + caseId)) {
            String english = page(street, path + (path.contains("?") ? "&" : "?") + "lang=en");
            assertThat(english).as(path).doesNotContain("??").doesNotContain("比对批次").doesNotContain("待核实变更")
                    .doesNotContain("批量核对");
        }
        assertThat(page(street, "/comparison/proposals?lang=en")).contains("Proposed status changes")
                .contains("Monthly basic pension").contains("Confirm").contains("Dismiss");
        assertThat(page(street, "/comparison?lang=en")).contains("Import external records").contains("Reference date");
    }

    private static String page(Caseworker officer, String path) {
        return officer.getting(path).expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody();
    }

    private WebElement navLink(String text) {
        return browser.findElements(By.cssSelector("header nav a")).stream()
                .filter(link -> link.getText().equals(text)).findFirst().orElseThrow();
    }

    private static List<String> texts(Row row) {
        DataFormatter formatter = new DataFormatter();
        List<String> texts = new ArrayList<>();
        for (Cell cell : row) {
            texts.add(formatter.formatCellValue(cell));
        }
        return texts;
    }

    /** The saved workbook, once the browser has finished writing it. */
    private static Path saved(Path downloads) {
        List<Path> found = new ArrayList<>(1);
        eventually(Duration.ofSeconds(30), () -> {
            try (Stream<Path> files = Files.list(downloads)) {
                List<Path> done = files.filter(f -> f.getFileName().toString().endsWith(".xlsx")).toList();
                assertThat(done).hasSize(1);
                found.clear();
                found.add(done.get(0));
            } catch (IOException e) {
                throw new AssertionError(e);
            }
        });
        return found.get(0);
    }

    private String registeredPerson(String idNumber, String name) {
        String caseId = street.registerAtWindow(idNumber, name);
        eventually(() -> {
            street.getting("/api/cases/" + caseId).expectStatus().isOk();
            assertThat(street.history(caseId).path("entries")).hasSize(2);
        });
        return caseId;
    }

    /** The batch's status as the page shows it; the page replaces the element as it refreshes, so a stale one is read again. */
    private String liveStatus() {
        try {
            return browser.findElement(By.cssSelector("#batch-live")).getAttribute("data-status");
        } catch (org.openqa.selenium.StaleElementReferenceException e) {
            throw new AssertionError("the progress was being refreshed", e);
        }
    }
}
