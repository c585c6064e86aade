package cn.pes.casework.events.comparison;

import java.time.LocalDate;

/**
 * Import a file of external records (信息比对数据导入): the command side reads it, reports malformed
 * rows by line and skips them, and records the batch with its valid rows staged for matching — all or
 * nothing. The batch's ID comes from its content, so the same batch imported again records nothing
 * and answers the batch already there. Answers a {@link ComparisonImportReceipt}.
 *
 * <p>Carries the file's bytes: on the embedded and JDBC command bus it never leaves the process; with
 * Axon Server the connector's maximum message size bounds the file.
 *
 * @param fileName      as uploaded, for the officers' lists
 * @param content       the file as uploaded
 * @param source        the body that supplied the records, e.g. 市社保中心
 * @param referenceDate the day the records describe (数据截止日期): not after {@code importedOn}
 * @param uploaderId    the officer who uploads it
 * @param agencyId      the uploader's agency
 * @param importedOn    the agency's today
 */
public record ImportExternalRecordsCommand(String fileName, RecordFileFormat format, byte[] content,
                                           ExternalRecordKind kind, String source, LocalDate referenceDate,
                                           String uploaderId, String agencyId, LocalDate importedOn) {

    @Override
    public String toString() {
        return "ImportExternalRecordsCommand[fileName=" + fileName + ", format=" + format + ", bytes="
                + (content == null ? 0 : content.length) + ", kind=" + kind + ", referenceDate=" + referenceDate + "]";
    }
}
