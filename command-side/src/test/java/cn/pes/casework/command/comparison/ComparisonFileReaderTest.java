package cn.pes.casework.command.comparison;

import cn.pes.casework.command.clientcase.CaseRuleViolation;
import cn.pes.casework.command.comparison.RecordFileReader.ReadFile;
import cn.pes.casework.command.comparison.RecordFileReader.StagedRow;
import cn.pes.casework.events.comparison.ExternalRecordKind;
import cn.pes.casework.events.comparison.RecordFileFormat;
import cn.pes.casework.events.comparison.RowProblem;
import cn.pes.casework.security.protection.BlindIndex;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Reading files of external records: what is staged, what is reported with its line, what refuses the file. */
class ComparisonFileReaderTest {

    private static final LocalDate REFERENCE = LocalDate.of(2026, 10, 31);
    private static final BlindIndex BLIND_INDEX = new BlindIndex(BlindIndex.DEVELOPMENT_KEY);

    private final RecordFileReader reader = new RecordFileReader(BLIND_INDEX, 200_000, 1000);

    private ReadFile csv(ExternalRecordKind kind, String text) {
        return reader.read(RecordFileFormat.CSV, text.getBytes(StandardCharsets.UTF_8), kind, REFERENCE);
    }

    private static String hash(String idNumber) {
        return BLIND_INDEX.ofIdNumber(idNumber);
    }

    @Test
    void goodRowsAreStagedWithTheBlindIndexAndTheirLines() {
        ReadFile file = csv(ExternalRecordKind.SOCIAL_INSURANCE_ENROLMENT, """
                身份证号,姓名,日期,单位名称
                %s,张三,2026-10-08,XX市东湖机械制造有限公司
                %s,李四,2026/10/8,XX市中心区食品厂
                %s,王五,20261001, XX市物流公司 
                """.formatted(TestIdNumbers.person(1), TestIdNumbers.person(2).toLowerCase(), TestIdNumbers.person(3)));

        assertThat(file.linesRead()).isEqualTo(3);
        assertThat(file.problemCount()).isZero();
        assertThat(file.rows()).containsExactly(
                new StagedRow(2, hash(TestIdNumbers.person(1)), LocalDate.of(2026, 10, 8), "XX市东湖机械制造有限公司"),
                new StagedRow(3, hash(TestIdNumbers.person(2)), LocalDate.of(2026, 10, 8), "XX市中心区食品厂"),
                new StagedRow(4, hash(TestIdNumbers.person(3)), LocalDate.of(2026, 10, 1), "XX市物流公司"));
        assertThat(file.rows().toString()).doesNotContain(TestIdNumbers.person(1)).doesNotContain("张三");
    }

    @Test
    void eachMalformedRowIsReportedWithItsLineAndFieldAndSkipped() {
        String bad = TestIdNumbers.person(5).substring(0, 17) + (TestIdNumbers.person(5).charAt(17) == '1' ? '2' : '1');
        ReadFile file = csv(ExternalRecordKind.SOCIAL_INSURANCE_ENROLMENT, """
                单位名称,日期,身份证号
                甲公司,2026-10-08,%s
                甲公司,2026-10-08,%s
                甲公司,2026-10-08,12345
                甲公司,,%s
                甲公司,2026-13-01,%s
                甲公司,2026-11-01,%s
                ,2026-10-08,%s
                %s,2026-10-08,%s
                甲公司,2026-10-08,
                """.formatted(TestIdNumbers.person(1), bad, TestIdNumbers.person(2), TestIdNumbers.person(3),
                TestIdNumbers.person(4), TestIdNumbers.person(6), "长".repeat(201), TestIdNumbers.person(7)));

        assertThat(file.rows()).extracting(StagedRow::line).containsExactly(2);
        assertThat(file.linesRead()).isEqualTo(9);
        assertThat(file.problemCount()).isEqualTo(8);
        assertThat(file.problems()).containsExactly(
                new RowProblem(3, "idNumber", "ID_NUMBER_CHECK_DIGIT", null),
                new RowProblem(4, "idNumber", "ID_NUMBER_FORMAT", null),
                new RowProblem(5, "recordDate", "MISSING", null),
                new RowProblem(6, "recordDate", "DATE_UNREADABLE", null),
                new RowProblem(7, "recordDate", "DATE_AFTER_REFERENCE_DATE", null),
                new RowProblem(8, "organisation", "MISSING", null),
                new RowProblem(9, "organisation", "TOO_LONG", null),
                new RowProblem(10, "idNumber", "ID_NUMBER_MISSING", null));
    }

    @Test
    void aRepeatedRowIsReportedAsDuplicateOfItsFirstLine() {
        ReadFile file = csv(ExternalRecordKind.BUSINESS_REGISTRATION, """
                idNumber,recordDate,organisation
                %1$s,2026-10-08,甲商店
                %1$s,2026-10-08,乙商店
                %1$s,2026/10/08, 甲商店
                %1$s,2026-10-09,甲商店
                """.formatted(TestIdNumbers.person(1)));

        assertThat(file.rows()).extracting(StagedRow::line).containsExactly(2, 3, 5);
        assertThat(file.problems()).containsExactly(new RowProblem(4, "row", "DUPLICATE_ROW", 2));
    }

    @Test
    void withoutAnOrganisationColumnTheKindThatNeedsNoneStillReads() {
        ReadFile file = csv(ExternalRecordKind.DEATH, """
                公民身份号码,业务日期,备注
                %1$s,2026-10-08,x
                %1$s,2026-10-08,y
                """.formatted(TestIdNumbers.person(1)));

        assertThat(file.rows()).containsExactly(new StagedRow(2, hash(TestIdNumbers.person(1)), LocalDate.of(2026, 10, 8), null));
        assertThat(file.problems()).containsExactly(new RowProblem(3, "row", "DUPLICATE_ROW", 2));
    }

    @Test
    void quotedFieldsKeepCommasQuotesAndLineBreaksAndBlankLinesAreSkipped() {
        ReadFile file = csv(ExternalRecordKind.FULL_TIME_SCHOOL, "\"身份证号\",\"日期\",\"单位名称\",\"备注\"\r\n"
                + TestIdNumbers.person(1) + ",2026-09-01,\"XX大学, 东校区\",\"第一行\r\n第二行\"\r\n"
                + "\r\n"
                + ",,,\r\n"
                + TestIdNumbers.person(2) + ",2026-09-01,\"XX\"\"技工\"\"学校\",\r\n");

        assertThat(file.linesRead()).isEqualTo(2);
        assertThat(file.rows()).extracting(StagedRow::line, StagedRow::organisation)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(2, "XX大学, 东校区"),
                        org.assertj.core.groups.Tuple.tuple(5, "XX\"技工\"学校"));
    }

    @Test
    void utf8WithByteOrderMarkAndGb18030ReadTheSame() {
        String text = "身份证号,日期,单位名称\n" + TestIdNumbers.person(1) + ",2026-10-08,东湖机械厂\n";
        byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
        byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
        byte[] withBom = new byte[bom.length + utf8.length];
        System.arraycopy(bom, 0, withBom, 0, 3);
        System.arraycopy(utf8, 0, withBom, 3, utf8.length);
        byte[] gb18030 = text.getBytes(Charset.forName("GB18030"));

        ReadFile fromBom = reader.read(RecordFileFormat.CSV, withBom, ExternalRecordKind.SOCIAL_INSURANCE_ENROLMENT, REFERENCE);
        ReadFile fromGb = reader.read(RecordFileFormat.CSV, gb18030, ExternalRecordKind.SOCIAL_INSURANCE_ENROLMENT, REFERENCE);

        StagedRow expected = new StagedRow(2, hash(TestIdNumbers.person(1)), LocalDate.of(2026, 10, 8), "东湖机械厂");
        assertThat(fromBom.rows()).containsExactly(expected);
        assertThat(fromGb.rows()).containsExactly(expected);
    }

    @Test
    void aFileWithoutTheRequiredColumnsOrRowsIsRefusedAsAWhole() {
        assertFileProblem(() -> csv(ExternalRecordKind.DEATH, "姓名,日期\n张三,2026-10-08\n"), "ID_NUMBER_COLUMN_MISSING");
        assertFileProblem(() -> csv(ExternalRecordKind.DEATH, "身份证号,姓名\nx,张三\n"), "RECORD_DATE_COLUMN_MISSING");
        assertFileProblem(() -> csv(ExternalRecordKind.SOCIAL_INSURANCE_ENROLMENT, "身份证号,日期\nx,2026-10-08\n"),
                "ORGANISATION_COLUMN_MISSING");
        assertFileProblem(() -> csv(ExternalRecordKind.DEATH, "身份证号,日期\n\n,\n"), "NO_DATA_ROWS");
        assertFileProblem(() -> csv(ExternalRecordKind.DEATH, "身份证号,日期\n\"unclosed,2026-10-08\n"), "FILE_UNREADABLE");
        assertFileProblem(() -> reader.read(RecordFileFormat.XLSX, "身份证号,日期\n".getBytes(StandardCharsets.UTF_8),
                ExternalRecordKind.DEATH, REFERENCE), "FILE_UNREADABLE");
        assertFileProblem(() -> reader.read(RecordFileFormat.CSV, new byte[]{(byte) 0xFF, (byte) 0xFF, (byte) 0xFF},
                ExternalRecordKind.DEATH, REFERENCE), "FILE_UNREADABLE");
        RecordFileReader small = new RecordFileReader(BLIND_INDEX, 2, 1000);
        assertFileProblem(() -> small.read(RecordFileFormat.CSV, ("身份证号,日期\n" + TestIdNumbers.person(1)
                        + ",2026-10-01\n" + TestIdNumbers.person(2) + ",2026-10-01\n" + TestIdNumbers.person(3)
                        + ",2026-10-01\n").getBytes(StandardCharsets.UTF_8), ExternalRecordKind.DEATH, REFERENCE),
                "TOO_MANY_ROWS");
    }

    @Test
    void onlyTheConfiguredNumberOfProblemsIsListedButAllAreCounted() {
        RecordFileReader limited = new RecordFileReader(BLIND_INDEX, 200_000, 2);
        ReadFile file = limited.read(RecordFileFormat.CSV, "身份证号,日期\nx,2026-10-01\ny,2026-10-01\nz,2026-10-01\n"
                .getBytes(StandardCharsets.UTF_8), ExternalRecordKind.DEATH, REFERENCE);

        assertThat(file.problemCount()).isEqualTo(3);
        assertThat(file.problems()).extracting(RowProblem::line).containsExactly(2, 3);
    }

    private static void assertFileProblem(org.assertj.core.api.ThrowableAssert.ThrowingCallable read, String code) {
        assertThatThrownBy(read).isInstanceOfSatisfying(CaseRuleViolation.class, violation -> {
            assertThat(violation.violation().code()).isEqualTo(code);
            assertThat(violation.violation().field()).isEqualTo("file");
            assertThat(violation.violation().ruleId()).isEqualTo("TRK-2");
        });
    }

    @Test
    void aWorkbookWithTextAndDateCellsReadsLikeTheCsvAndANumericIdCellIsReported() throws IOException {
        byte[] workbook = workbook(true);

        ReadFile file = reader.read(RecordFileFormat.XLSX, workbook, ExternalRecordKind.SOCIAL_INSURANCE_ENROLMENT, REFERENCE);

        assertThat(file.rows()).containsExactly(
                new StagedRow(2, hash(TestIdNumbers.person(1)), LocalDate.of(2026, 10, 8), "东湖机械厂"),
                new StagedRow(4, hash(TestIdNumbers.person(2)), LocalDate.of(2026, 10, 9), "中心区食品厂"));
        assertThat(file.problems()).containsExactly(new RowProblem(3, "idNumber", "ID_NUMBER_NOT_TEXT", null));
        assertThat(file.linesRead()).isEqualTo(3);
    }

    @Test
    void aWorkbookWithMoreRowsThanAllowedIsRefusedAsAWhole() throws IOException {
        RecordFileReader small = new RecordFileReader(BLIND_INDEX, 2, 1000);

        assertFileProblem(() -> small.read(RecordFileFormat.XLSX, workbook(true),
                ExternalRecordKind.SOCIAL_INSURANCE_ENROLMENT, REFERENCE), "TOO_MANY_ROWS");
    }

    /** Header in English, columns in another order, a date cell, a text date, a numeric ID and a blank row. */
    static byte[] workbook(boolean withNumericId) throws IOException {
        try (XSSFWorkbook book = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = book.createSheet("records");
            CellStyle dateStyle = book.createCellStyle();
            dateStyle.setDataFormat(book.getCreationHelper().createDataFormat().getFormat("yyyy-mm-dd"));
            Row header = sheet.createRow(0);
            header.createCell(0).setCellValue("organisation");
            header.createCell(1).setCellValue("Name");
            header.createCell(2).setCellValue("idNumber");
            header.createCell(3).setCellValue("recordDate");
            Row first = sheet.createRow(1);
            first.createCell(0).setCellValue("东湖机械厂");
            first.createCell(1).setCellValue("张三");
            first.createCell(2).setCellValue(TestIdNumbers.person(1));
            first.createCell(3).setCellValue(LocalDate.of(2026, 10, 8));
            first.getCell(3).setCellStyle(dateStyle);
            if (withNumericId) {
                Row numeric = sheet.createRow(2);
                numeric.createCell(0).setCellValue("东湖机械厂");
                numeric.createCell(2).setCellValue(110105199001010000d);
                numeric.createCell(3).setCellValue("2026-10-08");
            }
            Row third = sheet.createRow(3);
            third.createCell(0).setCellValue("中心区食品厂");
            third.createCell(2).setCellValue(TestIdNumbers.person(2));
            third.createCell(3).setCellValue("2026/10/09");
            sheet.createRow(4).createCell(0).setCellValue(" ");
            book.write(out);
            return out.toByteArray();
        }
    }

    @Test
    void aHundredThousandRowCsvIsReadInOnePass() {
        StringBuilder text = new StringBuilder("身份证号,姓名,日期,单位名称,备注\n");
        for (int i = 0; i < 100_000; i++) {
            text.append(TestIdNumbers.many(i)).append(",某某,2026-10-0").append(1 + i % 9)
                    .append(",XX市第").append(i % 500).append("机械制造有限公司,\n");
        }
        byte[] content = text.toString().getBytes(StandardCharsets.UTF_8);

        long started = System.nanoTime();
        ReadFile file = reader.read(RecordFileFormat.CSV, content, ExternalRecordKind.SOCIAL_INSURANCE_ENROLMENT, REFERENCE);
        long millis = (System.nanoTime() - started) / 1_000_000;

        System.out.printf("read 100,000 CSV rows (%d bytes) in %d ms%n", content.length, millis);
        assertThat(file.linesRead()).isEqualTo(100_000);
        assertThat(file.problemCount()).isZero();
        assertThat(file.rows()).hasSize(100_000);
        assertThat(List.of(file.rows().get(99_999).line())).containsExactly(100_001);
    }
}
