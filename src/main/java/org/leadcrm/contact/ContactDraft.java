package org.leadcrm.contact;

import org.springframework.lang.Nullable;

/** The fields of a new contact. */
public record ContactDraft(
        String firstName,
        String lastName,
        String email,
        @Nullable String phone,
        @Nullable String company,
        @Nullable String title,
        @Nullable String city,
        @Nullable String country,
        ContactStatus status,
        int leadScore,
        @Nullable Long ownerId,
        CrmSystem crmSystem,
        @Nullable String externalId) {

    public static ContactDraft of(String firstName, String lastName, String email) {
        return new ContactDraft(firstName, lastName, email, null, null, null, null, null,
                ContactStatus.LEAD, 0, null, CrmSystem.NONE, null);
    }

    public ContactDraft withCompany(@Nullable String value) {
        return new ContactDraft(firstName, lastName, email, phone, value, title, city, country, status, leadScore, ownerId, crmSystem, externalId);
    }

    public ContactDraft withStatus(ContactStatus value) {
        return new ContactDraft(firstName, lastName, email, phone, company, title, city, country, value, leadScore, ownerId, crmSystem, externalId);
    }

    public ContactDraft withOwnerId(@Nullable Long value) {
        return new ContactDraft(firstName, lastName, email, phone, company, title, city, country, status, leadScore, value, crmSystem, externalId);
    }

    public ContactDraft withLeadScore(int value) {
        return new ContactDraft(firstName, lastName, email, phone, company, title, city, country, status, value, ownerId, crmSystem, externalId);
    }

    public ContactDraft withCity(@Nullable String value) {
        return new ContactDraft(firstName, lastName, email, phone, company, title, value, country, status, leadScore, ownerId, crmSystem, externalId);
    }

    public ContactDraft syncedWith(CrmSystem system, String recordId) {
        return new ContactDraft(firstName, lastName, email, phone, company, title, city, country, status, leadScore, ownerId, system, recordId);
    }
}
