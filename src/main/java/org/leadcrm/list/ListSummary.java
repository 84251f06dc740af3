package org.leadcrm.list;

import java.time.Instant;
import org.springframework.lang.Nullable;

/** One row of the Lists grid; the counts come from SQL aggregates. */
public record ListSummary(
        long id,
        String name,
        @Nullable String description,
        boolean manual,
        long memberCount,
        long exclusionCount,
        String createdBy,
        Instant createdAt) {

    public String kind() {
        return manual ? "Manual" : "Rule-based";
    }
}
