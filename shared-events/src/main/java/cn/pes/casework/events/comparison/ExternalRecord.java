package cn.pes.casework.events.comparison;

import java.time.LocalDate;

/**
 * One external record as the evidence of a match (CAN-2): where it came from and what it says,
 * without the person's ID number (the case it matched is the person).
 *
 * @param batchId       the imported batch it was read from
 * @param line          its line in the batch's file
 * @param kind          what kind of record
 * @param source        the body that supplied it, e.g. 市社保中心
 * @param referenceDate the day the supplied records describe (数据截止日期)
 * @param recordDate    the day of the fact it records: enrolment, registration, pension start, death, ...
 * @param organisation  the employer, business or school, where the kind has one; otherwise null
 */
public record ExternalRecord(String batchId, int line, ExternalRecordKind kind, String source,
                             LocalDate referenceDate, LocalDate recordDate, String organisation) {
}
