package org.leadcrm.audit;

import java.time.Instant;

/** An audit entry as written: when, who did it, and what happened. */
public record AuditRecord(long id, Instant occurredAt, String username, AuditEvent event) {
}
