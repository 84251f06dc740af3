package org.leadcrm.security;

import org.springframework.lang.Nullable;

/**
 * Published inside the transaction that changes a user, for the audit log to record with it (as
 * {@link AccountLocked}); never carries a password.
 *
 * @param detail what changed, for the record: the role, or the old and the new role
 */
public record AccountChanged(String username, Change change, @Nullable String detail) {

    public enum Change {
        CREATED, ROLE_CHANGED, DEACTIVATED, REACTIVATED, PASSWORD_RESET, PASSWORD_CHANGED
    }
}
