package cn.pes.casework.command.web;

import cn.pes.casework.command.agency.AgencyDirectory;
import cn.pes.casework.command.clientcase.CaseRuleViolation;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;

import java.util.regex.Pattern;

/** Reads the acting officer of a request; see {@link ActingOfficer}. */
@Component
class ActingOfficerResolver {

    static final String OFFICER_HEADER = "X-Officer-Id";
    static final String AGENCY_HEADER = "X-Agency-Id";
    static final String CORRELATION_HEADER = "X-Correlation-Id";
    private static final Pattern OFFICER_ID = Pattern.compile("[A-Za-z0-9._-]{1,64}");
    private static final Pattern CORRELATION_ID = Pattern.compile("[A-Za-z0-9._:-]{1,100}");

    private final AgencyDirectory agencies;

    ActingOfficerResolver(AgencyDirectory agencies) {
        this.agencies = agencies;
    }

    ActingOfficer resolve(ServerWebExchange exchange) {
        String officer = exchange.getRequest().getHeaders().getFirst(OFFICER_HEADER);
        String agency = exchange.getRequest().getHeaders().getFirst(AGENCY_HEADER);
        if (officer == null || !OFFICER_ID.matcher(officer).matches()) {
            throw CaseRuleViolation.invalid("INPUT", "OFFICER_MISSING", OFFICER_HEADER);
        }
        if (!agencies.exists(agency)) {
            throw CaseRuleViolation.invalid("REG-4", "UNKNOWN_AGENCY", AGENCY_HEADER);
        }
        return new ActingOfficer(officer, agency);
    }

    /** The caller's correlation ID if it sent a usable one; otherwise Axon uses the command's own ID. */
    String correlationId(ServerWebExchange exchange) {
        String value = exchange.getRequest().getHeaders().getFirst(CORRELATION_HEADER);
        return value != null && CORRELATION_ID.matcher(value).matches() ? value : null;
    }
}
