package cn.pes.casework.events.casefile;

import java.time.Instant;
import java.time.LocalDate;

/**
 * One event of a case, for people.
 *
 * @param sequence      the event's position in the case
 * @param recordedAt    when the event was recorded
 * @param effectiveDate when it happened in the world (contact date, employment start, ...), or null
 * @param eventType     stable name of the event, e.g. {@code UnemploymentRegistered}
 * @param title         short title in plain words
 * @param description   what happened, in plain words
 * @param channelName   the channel in words (e.g. 窗口); {@code channel} keeps the code
 */
public record HistoryEntry(long sequence, Instant recordedAt, LocalDate effectiveDate, String eventType,
                           String title, String description, String officerId, String agencyId,
                           String channel, String channelName, String correlationId) {
}
