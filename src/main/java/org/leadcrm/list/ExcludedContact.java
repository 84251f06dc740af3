package org.leadcrm.list;

import java.time.Instant;
import org.springframework.lang.Nullable;

/** A contact a list must never contain. */
public record ExcludedContact(long contactId, String name, String email, @Nullable String company, Instant excludedAt) {
}
