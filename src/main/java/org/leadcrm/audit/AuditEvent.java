package org.leadcrm.audit;

import org.springframework.lang.Nullable;

/**
 * An operation to be written down: a destructive one with the counts its service measured, or
 * one about a user account ({@link #forUser}).
 */
public record AuditEvent(
        AuditOperation operation,
        @Nullable Long listId,
        @Nullable String listName,
        long contactsAffected,
        long contactsKept,
        long opportunitiesDeleted,
        long exclusionsRemoved,
        @Nullable String targetUsername) {

    /** An operation on contacts or lists, about no user account. */
    public AuditEvent(AuditOperation operation, @Nullable Long listId, @Nullable String listName,
            long contactsAffected, long contactsKept, long opportunitiesDeleted, long exclusionsRemoved) {
        this(operation, listId, listName, contactsAffected, contactsKept, opportunitiesDeleted, exclusionsRemoved, null);
    }

    /** An operation on the account {@code username}, such as locking it. */
    public static AuditEvent forUser(AuditOperation operation, String username) {
        return new AuditEvent(operation, null, null, 0, 0, 0, 0, username);
    }
}
