package cn.pes.casework.security.signin;

import cn.pes.casework.security.SecurityProperties;
import cn.pes.casework.security.SecuritySchema;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Brings the account table in line with {@code pes.security.users} at start, in LOCAL sign-in:
 * new accounts are created with their initial password, existing ones get their configured roles
 * and agency but keep the password the officer chose, accounts gone from configuration are disabled.
 */
@Component
class LocalAccountSeeder implements InitializingBean {

    private static final Logger log = LoggerFactory.getLogger(LocalAccountSeeder.class);

    private final OfficerAccounts accounts;
    private final PasswordEncoder passwords;
    private final SecurityProperties properties;

    LocalAccountSeeder(SecuritySchema schema, OfficerAccounts accounts, PasswordEncoder passwords,
                       SecurityProperties properties) {
        this.accounts = accounts;
        this.passwords = passwords;
        this.properties = properties;
    }

    @Override
    public void afterPropertiesSet() {
        if (properties.signIn() != SecurityProperties.SignIn.LOCAL) {
            return;
        }
        for (SecurityProperties.LocalUser user : properties.users()) {
            requireComplete(user);
            if (!accounts.createIfAbsent(user.username(), user.officerId(), user.agencyId(), user.roles(),
                    hashOf(user.initialPassword()))) {
                accounts.updateAssignment(user.username(), user.officerId(), user.agencyId(), user.roles());
            }
        }
        Set<String> configured = properties.users().stream().map(SecurityProperties.LocalUser::username)
                .collect(Collectors.toSet());
        int disabled = accounts.disableAllExcept(configured);
        if (disabled > 0) {
            log.info("Disabled {} account(s) no longer in pes.security.users", disabled);
        }
        List<String> unchanged = accounts.all().stream()
                .filter(account -> account.enabled() && account.initialPassword())
                .map(OfficerAccount::username).toList();
        if (!unchanged.isEmpty()) {
            log.warn("Accounts still on their initial password (change with POST /api/account/password): {}", unchanged);
        }
    }

    private static void requireComplete(SecurityProperties.LocalUser user) {
        if (user.username() == null || user.officerId() == null || user.agencyId() == null
                || user.roles() == null || user.roles().isEmpty() || user.initialPassword() == null) {
            throw new IllegalStateException("pes.security.users: " + user
                    + " needs username, officer-id, agency-id, roles and initial-password");
        }
    }

    /** A value with an encoder prefix ({bcrypt}...) is a hash already; plain text is hashed here. */
    private String hashOf(String initialPassword) {
        return initialPassword.startsWith("{") ? initialPassword : passwords.encode(initialPassword);
    }
}
