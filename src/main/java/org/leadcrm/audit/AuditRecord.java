package org.leadcrm.audit;

import java.time.Instant;
import org.springframework.lang.Nullable;

/**
 * What an audit entry says: when, who, which operation, which list, and counts, or which user
 * account it was about. Never the names or addresses of the people deleted.
 */
public record AuditRecord(
        long id,
        Instant occurredAt,
        String username,
        AuditOperation operation,
        @Nullable Long listId,
        @Nullable String listName,
        long contactsAffected,
        long contactsKept,
        long opportunitiesDeleted,
        long exclusionsRemoved,
        @Nullable String targetUsername) {
}
