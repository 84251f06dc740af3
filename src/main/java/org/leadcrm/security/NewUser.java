package org.leadcrm.security;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.springframework.lang.Nullable;

/**
 * Who a new user is, with the rules the form and {@link UserService#createUser} both apply. The
 * password is deliberately not part of it: a record prints its fields, and a password must never
 * be printed.
 */
public record NewUser(
        @NotBlank(message = "Enter a username.")
        @Size(max = USERNAME_MAX_LENGTH, message = "At most " + USERNAME_MAX_LENGTH + " characters.")
        @Pattern(regexp = USERNAME_PATTERN, message = "Use letters, digits and . _ @ - only, no spaces.")
        String username,
        @NotBlank(message = "Enter a name.")
        @Size(max = DISPLAY_NAME_MAX_LENGTH, message = "At most " + DISPLAY_NAME_MAX_LENGTH + " characters.")
        String displayName,
        @NotNull(message = "Choose a role.")
        @Nullable Role role) {

    /** The width of {@code app_user.username}. */
    public static final int USERNAME_MAX_LENGTH = 50;
    /** The width of {@code app_user.display_name}. */
    public static final int DISPLAY_NAME_MAX_LENGTH = 100;
    /** Plain characters only: a username is typed at sign-in and shown in the audit log. */
    public static final String USERNAME_PATTERN = "[A-Za-z0-9._@-]*";

    public static NewUser empty() {
        return new NewUser("", "", null);
    }
}
