package cn.pes.casework.command.web;

import cn.pes.casework.events.shared.RuleViolation;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

import java.net.URI;

/** Turns a rule violation into an RFC 9457 problem naming the rule and the field. */
final class Problems {

    private Problems() {
    }

    static ProblemDetail of(RuleViolation violation) {
        HttpStatus status = switch (violation.kind()) {
            case INVALID -> HttpStatus.BAD_REQUEST;
            case REFUSED -> HttpStatus.UNPROCESSABLE_ENTITY;
            case CONFLICT -> HttpStatus.CONFLICT;
            case NOT_FOUND -> HttpStatus.NOT_FOUND;
        };
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status,
                violation.ruleId() + ": " + violation.code()
                        + (violation.field() == null ? "" : " (" + violation.field() + ")"));
        problem.setType(URI.create("urn:pes:rule:" + violation.ruleId()));
        problem.setTitle(violation.code());
        problem.setProperty("ruleId", violation.ruleId());
        problem.setProperty("code", violation.code());
        if (violation.field() != null) {
            problem.setProperty("field", violation.field());
        }
        if (!violation.reasons().isEmpty()) {
            problem.setProperty("reasons", violation.reasons());
        }
        return problem;
    }

    static ProblemDetail input(HttpStatus status, String code, String field, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create("urn:pes:rule:INPUT"));
        problem.setTitle(code);
        problem.setProperty("ruleId", "INPUT");
        problem.setProperty("code", code);
        if (field != null) {
            problem.setProperty("field", field);
        }
        return problem;
    }
}
