package org.leadcrm.audit;

import org.springframework.lang.Nullable;

/** A destructive operation to be written down, with the counts its service measured. */
public record AuditEvent(
        AuditOperation operation,
        @Nullable Long listId,
        @Nullable String listName,
        long contactsAffected,
        long contactsKept,
        long opportunitiesDeleted,
        long exclusionsRemoved,
        long contactsAdded) {

    /** An operation that removes or deletes contacts and adds none. */
    public AuditEvent(AuditOperation operation, @Nullable Long listId, @Nullable String listName, long contactsAffected,
            long contactsKept, long opportunitiesDeleted, long exclusionsRemoved) {
        this(operation, listId, listName, contactsAffected, contactsKept, opportunitiesDeleted, exclusionsRemoved, 0);
    }

    /** A list's rules applied to the contacts: {@code removed} members no longer matching, {@code added} new ones. */
    public static AuditEvent rulesApplied(long listId, String listName, long added, long removed) {
        return new AuditEvent(AuditOperation.APPLY_LIST_RULES, listId, listName, removed, 0, 0, 0, added);
    }
}
