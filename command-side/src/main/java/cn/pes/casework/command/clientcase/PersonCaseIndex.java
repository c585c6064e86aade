package cn.pes.casework.command.clientcase;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The command side's set-based view "which case belongs to this person": one row per person,
 * keyed by the blind index of the ID number (never the number itself). Written in the same
 * transaction as the case's first events, so a person can never end up with two cases, even when
 * registrations of the same person race. Erasure removes the case's row in the transaction of its
 * {@code PersonalDataErased} event: the ID number then finds nothing, and the person, should they
 * come back, is a new case.
 */
@Component
public class PersonCaseIndex {

    /** Bind parameters per statement: far below every database's limit, large enough for few round trips. */
    private static final int LOOKUP_BATCH = 500;

    private final JdbcTemplate jdbc;

    public PersonCaseIndex(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    Optional<String> caseOf(String idNumberHash) {
        List<String> found = jdbc.queryForList("SELECT case_id FROM person_case WHERE id_number_hash = ?",
                String.class, idNumberHash);
        return found.stream().findFirst();
    }

    /**
     * The cases of many people at once (information comparison matches thousands of rows per chunk):
     * blind index to case ID, for the hashes that have a case; the others are absent.
     */
    public Map<String, String> casesOf(Collection<String> idNumberHashes) {
        List<String> hashes = idNumberHashes.stream().distinct().toList();
        Map<String, String> cases = new HashMap<>();
        for (int from = 0; from < hashes.size(); from += LOOKUP_BATCH) {
            List<String> part = hashes.subList(from, Math.min(hashes.size(), from + LOOKUP_BATCH));
            String placeholders = String.join(",", java.util.Collections.nCopies(part.size(), "?"));
            jdbc.query("SELECT id_number_hash, case_id FROM person_case WHERE id_number_hash IN (" + placeholders + ")",
                    rs -> {
                        cases.put(rs.getString(1), rs.getString(2));
                    }, part.toArray());
        }
        return cases;
    }

    /**
     * Claims the person for a new case.
     *
     * @throws PersonAlreadyClaimedException when a concurrent registration claimed the person first; the
     *                                       command is retried and then finds that case
     */
    void claim(String idNumberHash, String caseId) {
        try {
            jdbc.update("INSERT INTO person_case (id_number_hash, case_id) VALUES (?, ?)", idNumberHash, caseId);
        } catch (DuplicateKeyException e) {
            throw new PersonAlreadyClaimedException();
        }
    }

    /** Unlinks the case from its person; by case ID, since an erased case no longer knows the ID number. */
    void forget(String caseId) {
        jdbc.update("DELETE FROM person_case WHERE case_id = ?", caseId);
    }
}
