package cn.pes.casework.command.clientcase;

import cn.pes.casework.security.protection.BlindIndex;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.Locale;

/**
 * "Has this certificate been claimed by anyone?" (SUB-1: one certificate pays once) — a set-based
 * question no single case can answer. One row per certificate, keyed by the keyed hash of its
 * normalised number, written in the transaction that appends {@code CertificateSubmitted}: a refused
 * certificate claims nothing, and of two submissions racing on one number the second fails on the key
 * and is refused. A rejected application gives its certificate back (it paid nothing).
 */
@Component
public class CertificateIndex {

    private final JdbcTemplate jdbc;
    private final BlindIndex blindIndex;

    public CertificateIndex(JdbcTemplate jdbc, BlindIndex blindIndex) {
        this.jdbc = jdbc;
        this.blindIndex = blindIndex;
    }

    boolean isClaimed(String certificateNumber) {
        Integer rows = jdbc.queryForObject("SELECT COUNT(*) FROM subsidy_certificate WHERE certificate_hash = ?",
                Integer.class, hash(certificateNumber));
        return rows != null && rows > 0;
    }

    /** @throws CaseRuleViolation refused (SUB-1) when a concurrent submission claimed the number first */
    void claim(String certificateNumber, String caseId, String applicationId) {
        try {
            jdbc.update("INSERT INTO subsidy_certificate (certificate_hash, case_id, application_id) VALUES (?, ?, ?)",
                    hash(certificateNumber), caseId, applicationId);
        } catch (DuplicateKeyException e) {
            throw CaseRuleViolation.refused("SUB-1", "CERTIFICATE_ALREADY_USED", "certificate.certificateNumber");
        }
    }

    void release(String certificateNumber, String applicationId) {
        jdbc.update("DELETE FROM subsidy_certificate WHERE certificate_hash = ? AND application_id = ?",
                hash(certificateNumber), applicationId);
    }

    /** Spaces and case are how people copy a number, not part of it: 'ab 123' and 'AB123' are one certificate. */
    static String normalise(String certificateNumber) {
        return certificateNumber.replaceAll("[\\s\\u3000]", "").toUpperCase(Locale.ROOT);
    }

    private String hash(String certificateNumber) {
        return blindIndex.ofCertificateNumber(normalise(certificateNumber));
    }
}
