package org.leadcrm.security;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Creates the first Administrator of an empty production database from
 * {@code leadcrm.first-admin.username} and {@code leadcrm.first-admin.password} (for example the
 * environment variables LEADCRM_FIRST_ADMIN_USERNAME and LEADCRM_FIRST_ADMIN_PASSWORD). Does
 * nothing once any user exists, so the password can be removed from the environment afterwards.
 * The password must pass the {@link PasswordRules}, like any other; if it does not, the
 * application does not start, and says why.
 */
@Component
@Order(0)
class FirstAdministrator implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(FirstAdministrator.class);

    private final UserService users;
    private final String username;
    private final String password;

    FirstAdministrator(UserService users,
            @Value("${leadcrm.first-admin.username:}") String username,
            @Value("${leadcrm.first-admin.password:}") String password) {
        this.users = users;
        this.username = username;
        this.password = password;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (username.isBlank() || password.isBlank() || SystemAuthentication.callAsSystem(users::hasUsers)) {
            return;
        }
        try {
            SystemAuthentication.runAsSystem(() -> users.createUser(username.strip(), "Administrator", password, Role.ADMIN));
        } catch (UserChangeRefusedException refused) {
            // Better no start than an administrator with a guessable password; the reason never quotes it.
            throw new IllegalStateException("Could not create the first administrator from leadcrm.first-admin.*: "
                    + refused.getMessage(), refused);
        }
        log.info("Created the first administrator, {}", username.strip());
    }
}
