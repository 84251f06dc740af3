package org.leadcrm.contact;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.springframework.lang.Nullable;

/** The fields of a new contact, validated by the service before anything is written. */
public record ContactDraft(
        @NotBlank @Size(max = Contact.NAME_MAX_LENGTH) String firstName,
        @NotBlank @Size(max = Contact.NAME_MAX_LENGTH) String lastName,
        @NotBlank @Email @Size(max = Contact.EMAIL_MAX_LENGTH) String email,
        @Nullable @Size(max = 40) String phone,
        @Nullable @Size(max = Contact.COMPANY_MAX_LENGTH) String company,
        @Nullable @Size(max = 150) String title,
        @Nullable @Size(max = 100) String city,
        @Nullable @Size(max = 100) String country,
        @NotNull ContactStatus status,
        @Min(0) @Max(100) int leadScore,
        @Nullable Long ownerId,
        @NotNull CrmSystem crmSystem,
        @Nullable @Size(max = 64) String externalId) {

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
}
