package cn.pes.casework.security.audit;

import cn.pes.casework.security.Officer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import java.util.regex.Pattern;

/**
 * Reads that the access log records (MLPS level 3 安全审计): a person's record viewed, a list exported.
 * One row per read — who (officer, agency), what (a case ID, or a list's name with its filters, never
 * personal data), when, and the request's correlation ID.
 * <p>
 * Written before the answer leaves, and a read whose row cannot be written fails (503): an auditor
 * must be able to rely on "not in the log" meaning "not read". Retrying in the background instead
 * would hand out data whose record may never arrive (the log lives in the event store's database, so
 * when it is down the platform cannot record anything else either).
 */
@Component
public class ReadAudit {

    /** The header API clients may send; the command side takes the same one into the events. */
    public static final String CORRELATION_HEADER = "X-Correlation-Id";
    /** Anything else is not a correlation ID and would only pollute the log. */
    private static final Pattern CORRELATION_ID = Pattern.compile("[A-Za-z0-9._:-]{1,100}");
    private static final Logger log = LoggerFactory.getLogger(ReadAudit.class);

    private final AccessLog accessLog;

    public ReadAudit(AccessLog accessLog) {
        this.accessLog = accessLog;
    }

    /**
     * @param how which view of the record, e.g. {@code "page"} or {@code "GET /api/cases/{id}/history"}
     * @return completes once the row is written; errors with a 503 when it cannot be
     */
    public Mono<Void> caseViewed(Officer officer, String caseId, String how, ServerWebExchange exchange) {
        return record(officer, AccessAction.CASE_VIEWED, caseId, how, exchange);
    }

    /**
     * @param list    the list's name, e.g. {@code tracking-ledger}
     * @param filters what was exported, e.g. {@code agency=990101 month=2026-11 format=csv rows=12}
     */
    public Mono<Void> listExported(Officer officer, String list, String filters, ServerWebExchange exchange) {
        return record(officer, AccessAction.LIST_EXPORTED, list, filters, exchange);
    }

    /** The caller's correlation ID if it sent a usable one, else null. */
    public static String correlationId(ServerWebExchange exchange) {
        String value = exchange == null ? null : exchange.getRequest().getHeaders().getFirst(CORRELATION_HEADER);
        return value != null && CORRELATION_ID.matcher(value).matches() ? value : null;
    }

    private Mono<Void> record(Officer officer, AccessAction action, String target, String detail,
                              ServerWebExchange exchange) {
        String correlationId = correlationId(exchange);
        // JDBC blocks: on a worker, whichever thread asks.
        return Mono.<Void>fromRunnable(() -> accessLog.record(officer.officerId(), officer.agencyId(), action, target,
                                                              detail, correlationId))
                   .subscribeOn(Schedulers.boundedElastic())
                   .onErrorMap(DataAccessException.class, e -> {
                       // The type only: the message may quote the statement.
                       log.error("Access log unavailable ({}); the read is refused", e.getClass().getName());
                       return new AccessLogUnavailableException();
                   });
    }

    /** The read could not be recorded, so it is not answered. */
    public static final class AccessLogUnavailableException extends ResponseStatusException {

        AccessLogUnavailableException() {
            super(HttpStatus.SERVICE_UNAVAILABLE, "The access log cannot record this read; try again shortly");
        }
    }
}
