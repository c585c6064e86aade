package cn.pes.casework.events.cancellation;

/**
 * What a status change rests on (CAN-2).
 *
 * @param source      DATA_MATCH (with the record source in {@code reference}), VISIT, CALL, DOCUMENT, STATEMENT,
 *                    or CONTACT_RECORD (the platform's own record of contacts, for lost contact)
 * @param reference   data-match source and record, visit or call record number, document number
 * @param description free text
 */
public record Evidence(EvidenceSource source, String reference, String description) {

    public enum EvidenceSource { DATA_MATCH, VISIT, CALL, DOCUMENT, STATEMENT, CONTACT_RECORD }
}
