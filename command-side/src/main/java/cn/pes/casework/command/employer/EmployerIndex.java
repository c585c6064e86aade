package cn.pes.casework.command.employer;

import cn.pes.casework.command.clientcase.CaseRuleViolation;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * "Is an employer with this credit code already registered anywhere in the city?" (JOB-3) — a
 * set-based question no single employer can answer. One row per code, written in the transaction
 * that appends {@code EmployerRegistered}: a refused registration claims nothing, and of two
 * registrations racing on one code the second fails on the key. The code identifies an organisation,
 * not a person, so it is stored as it is.
 */
@Component
public class EmployerIndex {

    private final JdbcTemplate jdbc;

    public EmployerIndex(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    boolean isRegistered(UnifiedSocialCreditCode code) {
        Integer rows = jdbc.queryForObject("SELECT COUNT(*) FROM employer_credit_code WHERE credit_code = ?",
                Integer.class, code.value());
        return rows != null && rows > 0;
    }

    /** @throws CaseRuleViolation conflict (JOB-3) when the code is taken, also by a concurrent registration */
    void claim(UnifiedSocialCreditCode code, String employerId) {
        try {
            jdbc.update("INSERT INTO employer_credit_code (credit_code, employer_id) VALUES (?, ?)",
                    code.value(), employerId);
        } catch (DuplicateKeyException e) {
            throw alreadyRegistered();
        }
    }

    static CaseRuleViolation alreadyRegistered() {
        return CaseRuleViolation.conflict("JOB-3", "EMPLOYER_ALREADY_REGISTERED", "creditCode");
    }
}
