package cn.pes.casework.platform.security;

import cn.pes.casework.platform.support.Caseworker;
import cn.pes.casework.platform.support.TestIds;
import cn.pes.casework.security.Role;
import com.fasterxml.jackson.databind.JsonNode;
import com.github.kagkarlsson.scheduler.Scheduler;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.client.MultipartBodyBuilder;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.BodyInserters;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;

import static cn.pes.casework.platform.support.Eventually.eventually;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Information comparison end to end over HTTP (信息比对, TRK-2, CAN-1..CAN-3): a batch of external records
 * with good, malformed and duplicate rows is reported by line and imported once; each of the eight kinds
 * proposes the change it implies for a registered person, never applies it; an officer confirms an
 * employment and a cancellation and dismisses a third; the same record in a later batch is not proposed
 * again; six months without contact propose a cancellation on the platform's own clock; a list of ID
 * numbers is reconciled. The people are registered on Friday 2026-11-27, the records imported on
 * 2026-12-10 describing 2026-12-09.
 */
class ComparisonHttpTest extends SecuredPlatformTest {

    static final LocalDateTime IMPORT_DAY = LocalDateTime.of(2026, 12, 10, 10, 0);
    static final String REFERENCE_DATE = "2026-12-09";
    static final String RECORD_DATE = "2026-12-01";
    static final String HEADER = "身份证号,姓名,日期,单位名称\r\n";

    @Autowired
    Scheduler scheduler;
    private Caseworker street;

    @BeforeEach
    void officers() {
        clock.set(NOW);
        street = caseworker("C-street", STREET);
    }

    @Test
    void malformedAndDuplicateRowsAreReportedByLineAndTheSameBatchIsImportedOnce() {
        String registered = TestIds.adult();
        String caseId = registered(registered, "比一");
        String unknown = TestIds.adult();
        clock.set(IMPORT_DAY);
        String csv = HEADER
                + registered + ",比一," + RECORD_DATE + ",甲科技有限公司\r\n"                       // line 2: good
                + TestIds.withWrongCheckDigit(TestIds.adult()) + ",比二," + RECORD_DATE + ",乙公司\r\n" // 3
                + TestIds.adult() + ",比三,2026-13-45,丙公司\r\n"                                    // 4
                + registered + ",比一," + RECORD_DATE + ",甲科技有限公司\r\n"                       // 5: repeats 2
                + unknown + ",比四," + RECORD_DATE + ",丁公司\r\n"                                   // 6: good
                + TestIds.adult() + ",比五," + RECORD_DATE + ",\r\n"                                 // 7
                + TestIds.adult() + ",比六,2026-12-20,戊公司\r\n";                                   // 8

        JsonNode receipt = upload(street, "社保参保-1.csv", csv, "SOCIAL_INSURANCE_ENROLMENT", "市社保中心")
                .expectStatus().isAccepted().expectBody(JsonNode.class).returnResult().getResponseBody();
        String batchId = receipt.path("batchId").asText();
        assertThat(receipt.path("alreadyImported").asBoolean()).isFalse();
        assertThat(receipt.path("linesRead").asInt()).isEqualTo(7);
        assertThat(receipt.path("validRows").asInt()).isEqualTo(2);
        assertThat(receipt.path("problemCount").asInt()).isEqualTo(5);
        assertThat(problems(receipt)).containsExactly("3 idNumber ID_NUMBER_CHECK_DIGIT",
                "4 recordDate DATE_UNREADABLE", "5 row DUPLICATE_ROW 2", "7 organisation MISSING",
                "8 recordDate DATE_AFTER_REFERENCE_DATE");

        JsonNode batch = completed(batchId);
        assertThat(batch.path("processed").path("rows").asInt()).isEqualTo(2);
        assertThat(batch.path("processed").path("proposed").asInt()).isEqualTo(1);
        assertThat(batch.path("processed").path("noCase").asInt()).isEqualTo(1);
        assertThat(batch.path("uploaderId").asText()).isEqualTo("C-street");
        assertThat(batch.toString()).as("no ID number in a batch").doesNotContain(registered).doesNotContain(unknown);
        eventually(() -> assertThat(proposals(caseId)).hasSize(1));

        long before = storedEvents();
        JsonNode again = upload(street, "社保参保-1-再次.csv", csv, "SOCIAL_INSURANCE_ENROLMENT", " 市社保中心 ")
                .expectStatus().isOk().expectBody(JsonNode.class).returnResult().getResponseBody();
        assertThat(again.path("alreadyImported").asBoolean()).isTrue();
        assertThat(again.path("batchId").asText()).isEqualTo(batchId);
        assertThat(storedEvents()).as("the same batch again records nothing").isEqualTo(before);
        assertThat(street.get("/api/agencies/" + STREET + "/comparison-batches").path("batches")
                .findValuesAsText("batchId")).containsOnlyOnce(batchId);
    }

    @Test
    void eachKindProposesTheChangeItImpliesAndRecordsAComparisonContact() {
        Map<String, String[]> kinds = new LinkedHashMap<>();
        kinds.put("SOCIAL_INSURANCE_ENROLMENT", new String[]{"甲制造有限公司", "EMPLOYED_BY_UNIT"});
        kinds.put("BUSINESS_REGISTRATION", new String[]{"某某便利店", "SELF_EMPLOYED"});
        kinds.put("PENSION_START", new String[]{"", "RECEIVES_PENSION"});
        kinds.put("DEATH", new String[]{"", "DIED"});
        kinds.put("FULL_TIME_SCHOOL", new String[]{"市职业技术学院", "FULL_TIME_SCHOOL"});
        kinds.put("ENLISTMENT", new String[]{"", "ENLISTED"});
        kinds.put("DEPARTURE_ABROAD", new String[]{"", "MOVED_ABROAD"});
        kinds.put("IMPRISONMENT", new String[]{"", "IMPRISONED"});
        Map<String, String> cases = new LinkedHashMap<>();
        Map<String, String> idNumbers = new LinkedHashMap<>();
        for (String kind : kinds.keySet()) {
            String idNumber = TestIds.adult();
            idNumbers.put(kind, idNumber);
            cases.put(kind, registered(idNumber, "类" + cases.size()));
        }
        clock.set(IMPORT_DAY);
        for (Map.Entry<String, String[]> kind : kinds.entrySet()) {
            String csv = HEADER + idNumbers.get(kind.getKey()) + ",类," + RECORD_DATE + "," + kind.getValue()[0] + "\r\n";
            String batchId = upload(street, kind.getKey() + ".csv", csv, kind.getKey(), "市数据局")
                    .expectStatus().isAccepted().expectBody(JsonNode.class).returnResult().getResponseBody()
                    .path("batchId").asText();
            assertThat(completed(batchId).path("processed").path("proposed").asInt()).as(kind.getKey()).isEqualTo(1);
        }

        for (Map.Entry<String, String[]> kind : kinds.entrySet()) {
            String caseId = cases.get(kind.getKey());
            eventually(() -> assertThat(proposals(caseId)).as(kind.getKey()).hasSize(1));
            JsonNode proposal = proposals(caseId).get(0);
            assertThat(proposal.path("source").asText()).isEqualTo("DATA_MATCH");
            assertThat(proposal.path("state").asText()).isEqualTo("OPEN");
            assertThat(proposal.path("record").path("kind").asText()).isEqualTo(kind.getKey());
            assertThat(proposal.path("record").path("recordDate").asText()).isEqualTo(RECORD_DATE);
            String expected = kind.getValue()[1];
            if (expected.startsWith("EMPLOYED") || expected.startsWith("SELF")) {
                assertThat(proposal.path("employment").path("type").asText()).as(kind.getKey()).isEqualTo(expected);
                assertThat(proposal.path("employment").path("employer").asText()).isEqualTo(kind.getValue()[0]);
                assertThat(proposal.path("employment").path("startDate").asText()).isEqualTo(RECORD_DATE);
                assertThat(proposal.path("ground").isMissingNode() || proposal.path("ground").isNull()).isTrue();
            } else {
                assertThat(proposal.path("ground").asText()).as(kind.getKey()).isEqualTo(expected);
            }
            // CAN-3: proposed only — the registration stays active until an officer decides.
            assertThat(street.caseView(caseId).path("status").asText()).isEqualTo("ACTIVE");
        }
        eventually(() -> {
            JsonNode ledger = street.ledger(YearMonth.of(2026, 12));
            List<String> compared = StreamSupport.stream(ledger.path("rows").spliterator(), false)
                    .filter(row -> "INFORMATION_COMPARISON".equals(row.path("method").asText()))
                    .map(row -> row.path("caseId").asText()).toList();
            assertThat(compared).containsAll(cases.values());
        });
        assertThat(StreamSupport.stream(street.ledger(YearMonth.of(2026, 12)).path("rows").spliterator(), false)
                .filter(row -> cases.get("DEATH").equals(row.path("caseId").asText())).findFirst().orElseThrow()
                .path("contactDate").asText()).isEqualTo(REFERENCE_DATE);
    }

    @Test
    void officersConfirmEmploymentAndCancellationDismissAnotherAndTheSameRecordIsNotProposedAgain() {
        String employedId = TestIds.adult();
        String diedId = TestIds.adult();
        String mistakenId = TestIds.adult();
        String employed = registered(employedId, "确一");
        String died = registered(diedId, "确二");
        String mistaken = registered(mistakenId, "确三");
        clock.set(IMPORT_DAY);
        completed(upload(street, "参保.csv", HEADER + employedId + ",确一," + RECORD_DATE + ",乙物流有限公司\r\n",
                "SOCIAL_INSURANCE_ENROLMENT", "市社保中心").expectStatus().isAccepted()
                .expectBody(JsonNode.class).returnResult().getResponseBody().path("batchId").asText());
        String deaths = HEADER + diedId + ",确二," + RECORD_DATE + ",\r\n" + mistakenId + ",确三," + RECORD_DATE + ",\r\n";
        completed(upload(street, "死亡.csv", deaths, "DEATH", "市民政局").expectStatus().isAccepted()
                .expectBody(JsonNode.class).returnResult().getResponseBody().path("batchId").asText());

        String employment = openProposal(employed);
        street.post(decision(employed, employment, "confirmation"), Map.of()).expectStatus().isNoContent();
        String death = openProposal(died);
        street.post(decision(died, death, "confirmation"), Map.of("effectiveDate", RECORD_DATE,
                "notification", Map.of("method", "LETTER", "notifiedOn", "2026-12-10"))).expectStatus().isNoContent();
        String wrong = openProposal(mistaken);
        long before = storedEvents();
        street.post(decision(mistaken, wrong, "dismissal"), Map.of("reason", " "))
                .expectStatus().isBadRequest().expectBody().jsonPath("$.field").isEqualTo("reason");
        street.post(decision(died, "no-such-proposal", "confirmation"), Map.of()).expectStatus().isNotFound();
        assertThat(storedEvents()).as("refusals store nothing").isEqualTo(before);
        street.post(decision(mistaken, wrong, "dismissal"), Map.of("reason", "本人到窗口核实，身份信息被冒用"))
                .expectStatus().isNoContent();
        street.post(decision(mistaken, wrong, "confirmation"), Map.of("effectiveDate", RECORD_DATE,
                        "notification", Map.of("method", "LETTER", "notifiedOn", "2026-12-10")))
                .expectStatus().isEqualTo(409);

        eventually(() -> {
            assertThat(street.caseView(employed).path("status").asText()).isEqualTo("EMPLOYED");
            assertThat(street.caseView(died).path("status").asText()).isEqualTo("CANCELLED");
            assertThat(street.caseView(mistaken).path("status").asText()).isEqualTo("ACTIVE");
            assertThat(proposals(employed).get(0).path("state").asText()).isEqualTo("CONFIRMED");
            assertThat(proposals(died).get(0).path("state").asText()).isEqualTo("CONFIRMED");
            assertThat(proposals(mistaken).get(0).path("state").asText()).isEqualTo("DISMISSED");
            assertThat(proposals(mistaken).get(0).path("reason").asText()).isEqualTo("本人到窗口核实，身份信息被冒用");
        });
        eventually(() -> assertThat(street.get("/api/agencies/" + STREET + "/status-change-proposals?state=DISMISSED")
                .path("lines").findValuesAsText("proposalId")).contains(wrong));

        // The same death reported again by another body: a tracking contact, no second proposal.
        clock.set(IMPORT_DAY.plusDays(5));
        JsonNode later = completed(upload(street, "死亡-公安.csv", HEADER + mistakenId + ",确三," + RECORD_DATE + ",\r\n",
                "DEATH", "市公安局").expectStatus().isAccepted()
                .expectBody(JsonNode.class).returnResult().getResponseBody().path("batchId").asText());
        assertThat(later.path("processed").path("contactOnly").asInt()).isEqualTo(1);
        assertThat(later.path("processed").path("proposed").asInt()).isZero();
        assertThat(proposals(mistaken)).hasSize(1);
    }

    @Test
    void sixMonthsWithoutContactProposeACancellationOnThePlatformsClock() {
        String caseId = registered(TestIds.adult(), "失联");
        // Registered on 2026-11-27: the six months end on 2027-05-27 (TIME-2), the proposal is due the day after.
        clock.set(LocalDateTime.of(2027, 5, 29, 10, 0));
        scheduler.triggerCheckForDueExecutions();
        eventually(Duration.ofSeconds(30), () -> {
            JsonNode queue = street.get("/api/agencies/" + STREET + "/status-change-proposals");
            JsonNode line = StreamSupport.stream(queue.path("lines").spliterator(), false)
                    .filter(l -> caseId.equals(l.path("caseId").asText())).findFirst()
                    .orElseThrow(() -> new AssertionError("no proposal yet for " + caseId));
            assertThat(line.path("source").asText()).isEqualTo("LOST_CONTACT");
            assertThat(line.path("ground").asText()).isEqualTo("NO_CONTACT_SIX_MONTHS");
            assertThat(line.path("lastContactOn").asText()).isEqualTo("2026-11-27");
        });
        assertThat(street.caseView(caseId).path("status").asText()).isEqualTo("ACTIVE");
        // The county's queue holds its streets' proposals.
        assertThat(caseworker("C-county", COUNTY).get("/api/agencies/" + COUNTY + "/status-change-proposals")
                .path("lines").findValuesAsText("caseId")).contains(caseId);
        String proposalId = openProposal(caseId);

        // The queue page: the change in words and, for a cancellation, how the person was told (CAN-2).
        String queue = street.getting("/comparison/proposals").expectStatus().isOk().expectBody(String.class)
                .returnResult().getResponseBody();
        assertThat(queue).contains("data-case=\"" + caseId + "\"").contains("连续6个月未与公共就业服务机构联系")
                .contains("最后一次联系：2026-11-27").contains("notificationMethod-" + proposalId);
        String page = "/comparison/proposals/" + caseId + "/" + proposalId;
        long before = storedEvents();
        assertThat(pageForm(page + "/confirmation", Map.of("back", "case", "effectiveDate", "2027-05-29",
                "notifiedOn", "2027-05-29"))).startsWith("/cases/" + caseId + "?proposal=" + proposalId)
                .contains("proposalField=notificationMethod").endsWith("#proposals");
        assertThat(storedEvents()).as("a form refused at its field stores nothing").isEqualTo(before);
        assertThat(pageForm(page + "/confirmation", Map.of("back", "queue", "effectiveDate", "2027-05-29",
                "notificationMethod", "PHONE", "notifiedOn", "2027-05-29"))).isEqualTo("/comparison/proposals");
        // The read models follow the confirmation asynchronously.
        eventually(() -> {
            assertThat(street.caseView(caseId).path("status").asText()).isEqualTo("CANCELLED");
            assertThat(proposals(caseId).get(0).path("state").asText()).isEqualTo("CONFIRMED");
        });
        assertThat(street.getting("/cases/" + caseId).expectStatus().isOk().expectBody(String.class).returnResult()
                .getResponseBody()).contains("case-proposals").contains("已确认").doesNotContain("confirm-proposal");
    }

    /** A page's form sent as the browser sends it (the bearer token standing in for the session): where it leads. */
    private String pageForm(String path, Map<String, String> fields) {
        org.springframework.util.LinkedMultiValueMap<String, String> form = new org.springframework.util.LinkedMultiValueMap<>();
        fields.forEach(form::add);
        return street.http().post().uri(path).header(HttpHeaders.AUTHORIZATION, street.bearer())
                .contentType(MediaType.APPLICATION_FORM_URLENCODED).body(BodyInserters.fromFormData(form))
                .exchange().expectStatus().is3xxRedirection().returnResult(String.class)
                .getResponseHeaders().getLocation().toString();
    }

    @Test
    void aListOfIdNumbersIsReconciledCityWide() {
        String registeredId = TestIds.adult();
        String caseId = registered(registeredId, "核对");
        String unknown = TestIds.adult();
        String invalid = TestIds.withWrongCheckDigit(TestIds.adult());
        // The lookup by ID number is its own read model and may trail the case by a moment.
        JsonNode view = eventually_(() -> {
            JsonNode answer = street.post("/api/reconciliations", Map.of("idNumbers", List.of(registeredId, invalid,
                    unknown))).expectStatus().isOk().expectBody(JsonNode.class).returnResult().getResponseBody();
            assertThat(answer.path("lines").get(0).path("caseId").asText()).isEqualTo(caseId);
            return answer;
        });
        JsonNode lines = view.path("lines");
        assertThat(lines).hasSize(3);
        assertThat(lines.get(0).path("status").asText()).isEqualTo("ACTIVE");
        assertThat(lines.get(0).path("spellStart").asText()).isEqualTo("2026-11-27");
        assertThat(lines.get(0).path("agencyId").asText()).isEqualTo(STREET);
        assertThat(lines.get(1).path("problem").asText()).isEqualTo("ID_NUMBER_CHECK_DIGIT");
        assertThat(lines.get(2).path("caseId").isMissingNode() || lines.get(2).path("caseId").isNull()).isTrue();
        assertThat(lines.get(2).path("problem").isMissingNode() || lines.get(2).path("problem").isNull()).isTrue();
        assertThat(view.toString()).as("the API masks the people").doesNotContain(registeredId);

        // The page reads a list without a header, saved as GB18030, or a workbook with the column named.
        byte[] headerless = (registeredId + "\r\n" + invalid + "\r\n").getBytes(java.nio.charset.Charset.forName("GB18030"));
        List<List<String>> rows = workbookRows(reconcile("名单.csv", headerless));
        assertThat(rows).hasSize(3);
        assertThat(rows.get(1).get(3)).isEqualTo("登记有效");
        assertThat(rows.get(2).get(16)).isEqualTo("身份证号校验码不对");
        java.io.ByteArrayOutputStream xlsx = new java.io.ByteArrayOutputStream();
        try (org.apache.poi.xssf.usermodel.XSSFWorkbook book = new org.apache.poi.xssf.usermodel.XSSFWorkbook()) {
            org.apache.poi.ss.usermodel.Sheet sheet = book.createSheet("名单");
            org.apache.poi.ss.usermodel.Row header = sheet.createRow(0);
            header.createCell(0).setCellValue("姓名");
            header.createCell(1).setCellValue("身份证号");
            for (int i = 0; i < 3; i++) {
                org.apache.poi.ss.usermodel.Row row = sheet.createRow(i + 1);
                row.createCell(0).setCellValue("某");
                row.createCell(1).setCellValue(List.of(unknown, registeredId, unknown).get(i));
            }
            book.write(xlsx);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        rows = workbookRows(reconcile("名单.xlsx", xlsx.toByteArray()));
        assertThat(rows).hasSize(4);
        assertThat(rows.get(1).get(16)).isEqualTo("未办理过失业登记");
        assertThat(rows.get(2).get(3)).isEqualTo("登记有效");
        assertThat(rows.get(2).toString()).doesNotContain(registeredId);

        List<String> exports = jdbc.queryForList("SELECT detail FROM access_log WHERE officer_id = ?"
                + " AND action = 'LIST_EXPORTED' AND target = 'reconciliation' ORDER BY id", String.class, "C-street");
        assertThat(exports).endsWith("numbers=2 format=xlsx", "numbers=3 format=xlsx");
        assertThat(String.join(" ", exports)).doesNotContain(registeredId);

        for (String bad : List.of("名单.txt", "空.csv", "坏.xlsx")) {
            byte[] content = bad.startsWith("空") ? "身份证号\r\n".getBytes(StandardCharsets.UTF_8)
                    : "不是名单".getBytes(StandardCharsets.UTF_8);
            assertThat(reconciliationPost(bad, content).expectStatus().isSeeOther().returnResult(String.class)
                    .getResponseHeaders().getLocation().toString()).as(bad)
                    .isEqualTo("/comparison/reconciliation?error=" + (bad.endsWith(".txt") ? "FILE_TYPE"
                            : bad.startsWith("空") ? "EMPTY" : "UNREADABLE"));
        }
        officer("C-auditor", CITY, Role.AUDITOR).getting("/comparison/reconciliation").expectStatus().isForbidden();
    }

    private byte[] reconcile(String fileName, byte[] content) {
        return reconciliationPost(fileName, content).expectStatus().isOk()
                .expectHeader().contentType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
                .expectBody(byte[].class).returnResult().getResponseBody();
    }

    private WebTestClient.ResponseSpec reconciliationPost(String fileName, byte[] content) {
        MultipartBodyBuilder body = new MultipartBodyBuilder();
        body.part("file", content).filename(fileName).contentType(MediaType.APPLICATION_OCTET_STREAM);
        return street.http().post().uri("/comparison/reconciliation").header(HttpHeaders.AUTHORIZATION, street.bearer())
                .contentType(MediaType.MULTIPART_FORM_DATA).body(BodyInserters.fromMultipartData(body.build()))
                .exchange();
    }

    private static List<List<String>> workbookRows(byte[] workbook) {
        try (org.apache.poi.xssf.usermodel.XSSFWorkbook book =
                     new org.apache.poi.xssf.usermodel.XSSFWorkbook(new java.io.ByteArrayInputStream(workbook))) {
            org.apache.poi.ss.usermodel.DataFormatter formatter = new org.apache.poi.ss.usermodel.DataFormatter();
            List<List<String>> rows = new ArrayList<>();
            for (org.apache.poi.ss.usermodel.Row row : book.getSheetAt(0)) {
                List<String> cells = new ArrayList<>();
                for (int c = 0; c < 17; c++) {
                    org.apache.poi.ss.usermodel.Cell cell = row.getCell(c);
                    cells.add(cell == null ? "" : formatter.formatCellValue(cell));
                }
                rows.add(cells);
            }
            return rows;
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void analystsMayNotImportAndABadFileIsAProblemThatStoresNothing() {
        clock.set(IMPORT_DAY);
        String good = HEADER + TestIds.adult() + ",坏," + RECORD_DATE + ",甲公司\r\n";
        long before = storedEvents();
        upload(officer("C-analyst", COUNTY, Role.ANALYST), "a.csv", good, "SOCIAL_INSURANCE_ENROLMENT", "市社保中心")
                .expectStatus().isForbidden();
        upload(street, "no-id.csv", "姓名,日期,单位名称\r\n坏," + RECORD_DATE + ",甲公司\r\n",
                "SOCIAL_INSURANCE_ENROLMENT", "市社保中心")
                .expectStatus().isBadRequest().expectBody().jsonPath("$.field").isEqualTo("file");
        upload(street, "future.csv", good, "SOCIAL_INSURANCE_ENROLMENT", "市社保中心", "2026-12-11")
                .expectStatus().isBadRequest().expectBody().jsonPath("$.field").isEqualTo("referenceDate");
        upload(street, "no-kind.csv", good, "", "市社保中心").expectStatus().isBadRequest();
        upload(street, "empty.csv", HEADER, "SOCIAL_INSURANCE_ENROLMENT", "市社保中心").expectStatus().isBadRequest();
        assertThat(storedEvents()).isEqualTo(before);

        // The pages: a caseworker's and an auditor's, never an analyst's.
        Caseworker auditor = officer("C-auditor", CITY, Role.AUDITOR);
        auditor.getting("/comparison").expectStatus().isOk();
        auditor.getting("/comparison/proposals").expectStatus().isOk();
        auditor.getting("/comparison/reconciliation").expectStatus().isForbidden();
        officer("C-analyst", COUNTY, Role.ANALYST).getting("/comparison").expectStatus().isForbidden();
        street.getting("/comparison/proposals?state=NO_SUCH_STATE").expectStatus().isBadRequest();
        street.getting("/comparison/batches/cmp-no-such-batch").expectStatus().isNotFound();
    }

    // ------------------------------------------------------------------ helpers

    private String registered(String idNumber, String name) {
        String caseId = street.registerAtWindow(idNumber, name);
        eventually(() -> street.getting("/api/cases/" + caseId).expectStatus().isOk());
        return caseId;
    }

    private WebTestClient.ResponseSpec upload(Caseworker who, String fileName, String csv, String kind, String source) {
        return upload(who, fileName, csv, kind, source, REFERENCE_DATE);
    }

    static WebTestClient.ResponseSpec upload(Caseworker who, String fileName, String csv, String kind, String source,
                                             String referenceDate) {
        MultipartBodyBuilder body = new MultipartBodyBuilder();
        body.part("file", csv.getBytes(StandardCharsets.UTF_8)).filename(fileName)
                .contentType(MediaType.parseMediaType("text/csv"));
        body.part("kind", kind);
        body.part("source", source);
        body.part("referenceDate", referenceDate);
        return who.http().post().uri("/api/comparison-batches")
                .header(HttpHeaders.AUTHORIZATION, who.bearer())
                .contentType(MediaType.MULTIPART_FORM_DATA)
                .body(BodyInserters.fromMultipartData(body.build()))
                .exchange();
    }

    private JsonNode completed(String batchId) {
        return eventually_(() -> {
            JsonNode batch = street.get("/api/comparison-batches/" + batchId);
            assertThat(batch.path("status").asText()).isEqualTo("COMPLETED");
            return batch;
        });
    }

    private static <T> T eventually_(java.util.function.Supplier<T> read) {
        List<T> found = new ArrayList<>(1);
        eventually(Duration.ofSeconds(30), () -> {
            found.clear();
            found.add(read.get());
        });
        return found.get(0);
    }

    private static List<String> problems(JsonNode receipt) {
        return StreamSupport.stream(receipt.path("problems").spliterator(), false)
                .map(p -> p.path("line").asInt() + " " + p.path("field").asText() + " " + p.path("code").asText()
                        + (p.path("duplicateOf").isNumber() ? " " + p.path("duplicateOf").asInt() : ""))
                .toList();
    }

    private List<JsonNode> proposals(String caseId) {
        return StreamSupport.stream(street.get("/api/cases/" + caseId + "/status-change-proposals").path("lines")
                .spliterator(), false).toList();
    }

    private String openProposal(String caseId) {
        return eventually_(() -> {
            List<JsonNode> open = proposals(caseId).stream().filter(p -> "OPEN".equals(p.path("state").asText()))
                    .toList();
            assertThat(open).hasSize(1);
            return open.get(0).path("proposalId").asText();
        });
    }

    private static String decision(String caseId, String proposalId, String decision) {
        return "/api/cases/" + caseId + "/status-change-proposals/" + proposalId + "/" + decision;
    }
}
