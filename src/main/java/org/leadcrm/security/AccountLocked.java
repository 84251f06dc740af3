package org.leadcrm.security;

import java.time.Instant;

/**
 * Published inside the transaction that locks an account for one client address after too many
 * failed sign-ins, for the audit log to record with it.
 */
public record AccountLocked(String username, Instant lockedUntil) {
}
