package org.leadcrm.contact;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.springframework.lang.Nullable;

/**
 * The fields of a contact that people fill in, for a new contact or a change: what the contact form
 * binds to and the service validates before anything is written. The lengths are the schema's.
 * Whether a contact is synced with a CRM is not among them: only the CRM's sync sets that.
 */
public record ContactDraft(
        @NotBlank(message = "Enter a first name.") @Size(max = NAME_MAX_LENGTH, message = TOO_LONG) String firstName,
        @NotBlank(message = "Enter a last name.") @Size(max = NAME_MAX_LENGTH, message = TOO_LONG) String lastName,
        @NotBlank(message = "Enter an e-mail address.") @Email(message = "Enter a valid e-mail address.")
        @Size(max = EMAIL_MAX_LENGTH, message = TOO_LONG) String email,
        @Nullable @Size(max = PHONE_MAX_LENGTH, message = TOO_LONG) String phone,
        @Nullable @Size(max = COMPANY_MAX_LENGTH, message = TOO_LONG) String company,
        @Nullable @Size(max = TITLE_MAX_LENGTH, message = TOO_LONG) String title,
        @Nullable @Size(max = PLACE_MAX_LENGTH, message = TOO_LONG) String city,
        @Nullable @Size(max = PLACE_MAX_LENGTH, message = TOO_LONG) String country,
        @NotNull(message = "Choose a status.") ContactStatus status,
        @NotNull(message = "Enter a lead score from 0 to 100.")
        @Min(value = 0, message = "Enter a lead score from 0 to 100.")
        @Max(value = 100, message = "Enter a lead score from 0 to 100.") Integer leadScore,
        @Nullable Long ownerId) {

    static final String TOO_LONG = "At most {max} characters.";
    public static final int NAME_MAX_LENGTH = 100;
    public static final int EMAIL_MAX_LENGTH = 254;
    public static final int PHONE_MAX_LENGTH = 40;
    public static final int COMPANY_MAX_LENGTH = 150;
    public static final int TITLE_MAX_LENGTH = 150;
    public static final int PLACE_MAX_LENGTH = 100;

    public static ContactDraft of(String firstName, String lastName, String email) {
        return new ContactDraft(firstName, lastName, email, null, null, null, null, null, ContactStatus.LEAD, 0, null);
    }

    public ContactDraft withEmail(String value) {
        return new ContactDraft(firstName, lastName, value, phone, company, title, city, country, status, leadScore, ownerId);
    }

    public ContactDraft withCompany(@Nullable String value) {
        return new ContactDraft(firstName, lastName, email, phone, value, title, city, country, status, leadScore, ownerId);
    }

    public ContactDraft withStatus(ContactStatus value) {
        return new ContactDraft(firstName, lastName, email, phone, company, title, city, country, value, leadScore, ownerId);
    }

    public ContactDraft withOwnerId(@Nullable Long value) {
        return new ContactDraft(firstName, lastName, email, phone, company, title, city, country, status, leadScore, value);
    }

    public ContactDraft withLeadScore(Integer value) {
        return new ContactDraft(firstName, lastName, email, phone, company, title, city, country, status, value, ownerId);
    }

    public ContactDraft withCity(@Nullable String value) {
        return new ContactDraft(firstName, lastName, email, phone, company, title, value, country, status, leadScore, ownerId);
    }

    /** The draft with surrounding spaces dropped and blank optional fields left empty, as it is stored. */
    ContactDraft tidied() {
        return new ContactDraft(strip(firstName), strip(lastName), strip(email), blankToNull(phone), blankToNull(company),
                blankToNull(title), blankToNull(city), blankToNull(country), status, leadScore, ownerId);
    }

    private static String strip(String value) {
        return value == null ? null : value.strip();
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
