package cn.pes.casework.events.audit;

import java.time.Instant;

/**
 * One recorded event as an auditor reads it: who, where, how, when and what, by identifiers and event
 * type only — never personal data.
 *
 * @param aggregateType the kind of record changed, e.g. {@code ClientCase}, {@code Employer}, {@code RecruitmentFair}
 * @param sequence      the event's position in that record's stream
 * @param eventType     stable name of the event, e.g. {@code UnemploymentRegistered}
 * @param label         the event type in plain words (Chinese), the same for every event of that type
 * @param recordedAt    when the event was recorded
 */
public record RecordedAction(String eventId, String aggregateType, String aggregateId, long sequence,
                             String eventType, String label, Instant recordedAt, String officerId, String agencyId,
                             String channel, String correlationId) {
}
