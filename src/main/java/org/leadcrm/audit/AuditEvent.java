package org.leadcrm.audit;

import org.springframework.lang.Nullable;

/**
 * What an audit entry says happened: which operation, on which list or account, and the counts
 * its service measured. Never the names or addresses of the people deleted.
 *
 * @param contactsAdded  members a rule application added
 * @param targetUsername the account an operation on users was about
 */
public record AuditEvent(
        AuditOperation operation,
        @Nullable Long listId,
        @Nullable String listName,
        long contactsAffected,
        long contactsKept,
        long opportunitiesDeleted,
        long exclusionsRemoved,
        long contactsAdded,
        @Nullable String targetUsername) {

    /** An operation that removes or deletes contacts of a list (or of none), adds none, and is about no account. */
    public AuditEvent(AuditOperation operation, @Nullable Long listId, @Nullable String listName,
            long contactsAffected, long contactsKept, long opportunitiesDeleted, long exclusionsRemoved) {
        this(operation, listId, listName, contactsAffected, contactsKept, opportunitiesDeleted, exclusionsRemoved, 0, null);
    }

    /** A list's rules applied to the contacts: {@code removed} members no longer matching, {@code added} new ones. */
    public static AuditEvent rulesApplied(long listId, String listName, long added, long removed) {
        return new AuditEvent(AuditOperation.APPLY_LIST_RULES, listId, listName, removed, 0, 0, 0, added, null);
    }

    /** An operation on the account {@code username}, such as locking it. */
    public static AuditEvent forUser(AuditOperation operation, String username) {
        return new AuditEvent(operation, null, null, 0, 0, 0, 0, 0, username);
    }
}
