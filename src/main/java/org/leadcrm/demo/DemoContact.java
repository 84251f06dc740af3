package org.leadcrm.demo;

import java.time.Instant;
import org.leadcrm.contact.ContactStatus;
import org.leadcrm.contact.CrmSystem;
import org.springframework.lang.Nullable;

/** One demo contact before it is inserted: a row of the {@code contact} table. */
record DemoContact(
        String firstName,
        String lastName,
        String email,
        @Nullable String phone,
        String company,
        String title,
        String city,
        String country,
        ContactStatus status,
        int leadScore,
        long ownerId,
        CrmSystem crmSystem,
        @Nullable String externalId,
        Instant createdAt,
        Instant updatedAt) {
}
