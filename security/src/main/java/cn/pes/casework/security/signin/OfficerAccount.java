package cn.pes.casework.security.signin;

import cn.pes.casework.security.Officer;
import cn.pes.casework.security.Role;

import java.time.Instant;
import java.util.Set;

/** A local sign-in account as stored; the password hash never leaves this package. */
record OfficerAccount(String username, String officerId, String agencyId, Set<Role> roles, String passwordHash,
                      boolean initialPassword, boolean enabled, int failedAttempts, Instant lockedUntil,
                      Instant passwordChangedAt) {

    Officer officer() {
        return new Officer(officerId, agencyId, roles);
    }

    boolean lockedAt(Instant now) {
        return lockedUntil != null && lockedUntil.isAfter(now);
    }

    @Override
    public String toString() {
        return "OfficerAccount[" + username + ", " + officerId + ", " + agencyId + ", " + roles + "]";
    }
}
