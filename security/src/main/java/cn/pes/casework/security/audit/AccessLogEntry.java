package cn.pes.casework.security.audit;

import java.time.Instant;

/**
 * One line of the access log.
 *
 * @param target what the action concerned: a case ID or an account name, never personal data
 * @param detail the stated purpose or outcome, free text without personal data
 */
public record AccessLogEntry(long id, Instant occurredAt, String officerId, String agencyId, AccessAction action,
                             String target, String detail, String correlationId) {
}
