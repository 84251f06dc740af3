package org.leadcrm.audit;

import org.springframework.lang.Nullable;

/**
 * What an audit entry says happened: which operation, on which list or account, which contacts it
 * took (when not a list's members), and the counts its service measured. Never the names or
 * addresses of the people deleted.
 *
 * @param contactsAdded    members a rule application added
 * @param targetUsername   the account an operation on users was about
 * @param subject          which contacts a bulk action took, described without personal data
 *                         (a filter's fields, never its search text), or what changed in an
 *                         account (its role); at most
 *                         {@link AuditService#SUBJECT_MAX_LENGTH} characters once recorded
 * @param exclusionsAdded  contacts a removal from a list also excluded from it
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
        @Nullable String targetUsername,
        @Nullable String subject,
        long exclusionsAdded) {

    /** An operation that removes or deletes contacts of a list (or of none), adds none, and is about no account. */
    public AuditEvent(AuditOperation operation, @Nullable Long listId, @Nullable String listName,
            long contactsAffected, long contactsKept, long opportunitiesDeleted, long exclusionsRemoved) {
        this(operation, listId, listName, contactsAffected, contactsKept, opportunitiesDeleted, exclusionsRemoved, 0, null,
                null, 0);
    }

    /** A list's rules applied to the contacts: {@code removed} members no longer matching, {@code added} new ones. */
    public static AuditEvent rulesApplied(long listId, String listName, long added, long removed) {
        return new AuditEvent(AuditOperation.APPLY_LIST_RULES, listId, listName, removed, 0, 0, 0, added, null, null, 0);
    }

    /** An operation on the account {@code username}, such as locking it. */
    public static AuditEvent forUser(AuditOperation operation, String username) {
        return forUser(operation, username, null);
    }

    /** An operation on the account {@code username}, with what changed (a role, say; never a password). */
    public static AuditEvent forUser(AuditOperation operation, String username, @Nullable String detail) {
        return new AuditEvent(operation, null, null, 0, 0, 0, 0, 0, username, detail, 0);
    }

    /** Contacts deleted from the Contact Manager: the selection described, and what went and stayed. */
    public static AuditEvent contactsDeleted(String subject, long deleted, long syncedKept, long opportunitiesDeleted) {
        return new AuditEvent(AuditOperation.DELETE_SELECTED_CONTACTS, null, null, deleted, syncedKept,
                opportunitiesDeleted, 0, 0, null, subject, 0);
    }

    /**
     * Contacts written to a CSV file: a list's members ({@code listId} and {@code listName} set) or a
     * selection in the Contact Manager, described in {@code subject}; {@code rows} is the file's
     * number of contacts.
     */
    public static AuditEvent contactsExported(@Nullable Long listId, @Nullable String listName, String subject,
            long rows) {
        return new AuditEvent(AuditOperation.EXPORT_CONTACTS, listId, listName, rows, 0, 0, 0, 0, null, subject, 0);
    }

    /** Members removed from a list in bulk, {@code excluded} of them also excluded from it. */
    public static AuditEvent membersRemoved(long listId, String listName, String subject, long removed, long excluded) {
        return new AuditEvent(AuditOperation.REMOVE_SELECTED_MEMBERS, listId, listName, removed, 0, 0, 0, 0, null,
                subject, excluded);
    }

    /**
     * Contacts imported from a file: {@code written} created or updated, {@code addedToList} of them
     * added to the list named, if any; the rest of the counts in words as the subject.
     */
    public static AuditEvent contactsImported(@Nullable Long listId, @Nullable String listName, long written,
            long addedToList, String counts) {
        return new AuditEvent(AuditOperation.IMPORT_CONTACTS, listId, listName, written, 0, 0, 0, addedToList, null,
                counts, 0);
    }

    /** An opportunity deleted on its own (its leads stay), named as the subject. */
    public static AuditEvent opportunityDeleted(String name) {
        return new AuditEvent(AuditOperation.DELETE_OPPORTUNITY, null, null, 0, 0, 1, 0, 0, null, name, 0);
    }
}
