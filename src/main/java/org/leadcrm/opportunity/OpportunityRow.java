package org.leadcrm.opportunity;

import java.math.BigDecimal;
import java.time.LocalDate;
import org.springframework.lang.Nullable;

/** One row of the Opportunities view, or one opportunity on a contact's page. */
public record OpportunityRow(
        long id,
        String name,
        OpportunityStage stage,
        BigDecimal amount,
        @Nullable LocalDate closeDate,
        @Nullable String ownerName,
        int leadCount,
        @Nullable String firstLeadName) {
}
