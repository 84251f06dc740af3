package org.leadcrm.contact;

import java.time.Instant;
import org.springframework.lang.Nullable;

/**
 * Everything a contact's page shows of the contact itself, with the version its form saves
 * against: a save made from an older version is refused (see {@link ContactService#update}).
 */
public record ContactDetails(
        long id,
        long version,
        ContactDraft fields,
        @Nullable String ownerName,
        CrmSystem crmSystem,
        @Nullable String externalId,
        Instant createdAt,
        Instant updatedAt) {

    public String fullName() {
        return fields.firstName() + " " + fields.lastName();
    }

    public boolean synced() {
        return crmSystem.isSynced();
    }

    /** The contact as a row of the Contact Manager, for what acts on rows (deleting a lead). */
    public ContactRow row() {
        return new ContactRow(id, fields.firstName(), fields.lastName(), fields.email(), fields.company(),
                fields.status(), ownerName, fields.leadScore(), crmSystem, createdAt);
    }
}
