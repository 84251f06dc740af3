package org.leadcrm.list;

import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import org.leadcrm.contact.ContactFilter;
import org.leadcrm.contact.ContactStatus;
import org.springframework.lang.Nullable;

/**
 * The conditions of a rule-based list, all AND-ed; an unset one matches every contact. The text
 * conditions are as long as the contact columns they match, and the list columns they are kept in.
 */
public record ListRules(
        @Nullable @Size(max = ListRules.COMPANY_MAX_LENGTH, message = "The rule \"Company is\" is too long: at most {max} characters.")
        String company,
        @Nullable @Size(max = ListRules.CITY_MAX_LENGTH, message = "The rule \"City is\" is too long: at most {max} characters.")
        String city,
        @Nullable @Size(max = ListRules.COUNTRY_MAX_LENGTH, message = "The rule \"Country is\" is too long: at most {max} characters.")
        String country,
        @Nullable ContactStatus status,
        @Nullable Long ownerId,
        @Nullable Integer minScore,
        @Nullable Integer maxScore,
        @Nullable LocalDate createdFrom,
        @Nullable LocalDate createdTo) {

    /** As {@code contact.company} and {@code contact_list.rule_company}. */
    public static final int COMPANY_MAX_LENGTH = 150;
    /** As {@code contact.city} and {@code contact_list.rule_city}. */
    public static final int CITY_MAX_LENGTH = 100;
    /** As {@code contact.country} and {@code contact_list.rule_country}. */
    public static final int COUNTRY_MAX_LENGTH = 100;

    public static final ListRules NONE = new ListRules(null, null, null, null, null, null, null, null, null);

    public ContactFilter asFilter() {
        return ContactFilter.ALL
                .withCompany(blankToNull(company))
                .withCity(blankToNull(city))
                .withCountry(blankToNull(country))
                .withStatus(status)
                .withOwnerId(ownerId)
                .withScoreRange(minScore, maxScore)
                .withCreatedRange(createdFrom, createdTo);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
