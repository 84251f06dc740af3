package org.leadcrm.contact;

import java.time.Instant;
import org.springframework.lang.Nullable;

/** One row of the Contact Manager's grid. */
public record ContactRow(
        long id,
        String firstName,
        String lastName,
        String email,
        @Nullable String company,
        ContactStatus status,
        @Nullable String ownerName,
        int leadScore,
        CrmSystem crmSystem,
        Instant createdAt) {

    public String fullName() {
        return firstName + " " + lastName;
    }

    public boolean synced() {
        return crmSystem.isSynced();
    }
}
