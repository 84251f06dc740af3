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
        long exclusionsRemoved) {
}
