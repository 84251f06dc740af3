package org.leadcrm.security;

import java.time.Instant;
import org.springframework.lang.Nullable;

/**
 * A row of the Users page.
 *
 * @param lockedUntil  when the latest lock after failed sign-ins ends, if the account is locked
 *                     for any client address now
 * @param lastSignInAt null if the user has not signed in since sign-ins were recorded
 */
public record UserRow(String username, String displayName, Role role, boolean active,
        @Nullable Instant lockedUntil, @Nullable Instant lastSignInAt) {

    public boolean locked() {
        return lockedUntil != null;
    }
}
