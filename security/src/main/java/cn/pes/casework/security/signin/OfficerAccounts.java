package cn.pes.casework.security.signin;

import cn.pes.casework.security.Role;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/** The {@code officer_account} table. Counters change by single UPDATE statements, so concurrent sign-ins count right. */
@Component
class OfficerAccounts {

    private static final RowMapper<OfficerAccount> ROW = (row, number) -> new OfficerAccount(
            row.getString("username"), row.getString("officer_id"), row.getString("agency_id"),
            roles(row.getString("roles")), row.getString("password_hash"), row.getBoolean("initial_password"),
            row.getBoolean("enabled"), row.getInt("failed_attempts"), instant(row.getTimestamp("locked_until")),
            instant(row.getTimestamp("password_changed_at")));

    private final JdbcTemplate jdbc;

    OfficerAccounts(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    Optional<OfficerAccount> find(String username) {
        return jdbc.query("SELECT * FROM officer_account WHERE username = ?", ROW, username).stream().findFirst();
    }

    Optional<OfficerAccount> findByOfficerId(String officerId) {
        return jdbc.query("SELECT * FROM officer_account WHERE officer_id = ?", ROW, officerId).stream().findFirst();
    }

    List<OfficerAccount> all() {
        return jdbc.query("SELECT * FROM officer_account ORDER BY username", ROW);
    }

    /**
     * Creates the account unless it exists; an existing account keeps its password and lockout state.
     * Processes sharing one database (command side and query side) seed at the same moment when they
     * start together: the one whose insert loses finds the account there, as if it had looked first.
     * Each statement commits on its own here, so a lost insert aborts nothing else.
     */
    boolean createIfAbsent(String username, String officerId, String agencyId, Set<Role> roles, String passwordHash) {
        if (find(username).isPresent()) {
            return false;
        }
        try {
            jdbc.update("INSERT INTO officer_account (username, officer_id, agency_id, roles, password_hash,"
                            + " initial_password, enabled, failed_attempts) VALUES (?, ?, ?, ?, ?, TRUE, TRUE, 0)",
                    username, officerId, agencyId, roles(roles), passwordHash);
            return true;
        } catch (DuplicateKeyException e) {
            return false;
        }
    }

    /** Configuration decides who exists and with which roles and agency. */
    void updateAssignment(String username, String officerId, String agencyId, Set<Role> roles) {
        jdbc.update("UPDATE officer_account SET officer_id = ?, agency_id = ?, roles = ?, enabled = TRUE"
                + " WHERE username = ?", officerId, agencyId, roles(roles), username);
    }

    /** Accounts no longer in configuration can no longer sign in; their history stays. */
    int disableAllExcept(Set<String> usernames) {
        return all().stream()
                .filter(account -> account.enabled() && !usernames.contains(account.username()))
                .mapToInt(account -> jdbc.update("UPDATE officer_account SET enabled = FALSE WHERE username = ?",
                        account.username()))
                .sum();
    }

    /**
     * Counts a failure and, when it is the {@code maxFailures}th in a row, locks the account — in
     * statements that concurrent sign-ins cannot interleave wrongly.
     *
     * @return true if this failure locked the account
     */
    boolean recordFailure(String username, int maxFailures, Instant lockUntil) {
        jdbc.update("UPDATE officer_account SET failed_attempts = failed_attempts + 1 WHERE username = ?", username);
        return jdbc.update("UPDATE officer_account SET locked_until = ?, failed_attempts = 0"
                + " WHERE username = ? AND failed_attempts >= ?", Timestamp.from(lockUntil), username, maxFailures) == 1;
    }

    /**
     * Resets the count after a right password, unless a lock was set meanwhile by concurrent
     * failures: a right guess among parallel attempts must not lift the lock they caused.
     *
     * @return false if the account is locked at {@code now}
     */
    boolean recordSuccess(String username, Instant now) {
        return jdbc.update("UPDATE officer_account SET failed_attempts = 0, locked_until = NULL WHERE username = ?"
                + " AND (locked_until IS NULL OR locked_until <= ?)", username, Timestamp.from(now)) == 1;
    }

    void unlock(String username) {
        jdbc.update("UPDATE officer_account SET failed_attempts = 0, locked_until = NULL WHERE username = ?", username);
    }

    void changePassword(String username, String passwordHash, Instant at) {
        jdbc.update("UPDATE officer_account SET password_hash = ?, initial_password = FALSE, password_changed_at = ?"
                + " WHERE username = ?", passwordHash, Timestamp.from(at), username);
    }

    private static String roles(Set<Role> roles) {
        return roles.stream().map(Role::name).sorted().collect(Collectors.joining(","));
    }

    private static Set<Role> roles(String roles) {
        Set<Role> parsed = EnumSet.noneOf(Role.class);
        Arrays.stream(roles.split(",")).filter(role -> !role.isBlank()).map(Role::valueOf).forEach(parsed::add);
        return parsed;
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
