package org.leadcrm.list;

import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongFunction;
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

    /**
     * The rules as a sentence for the list's page, e.g. "company is Acme and lead score ≥ 50".
     *
     * @param ownerName the display name of a user, by id
     */
    public String describe(LongFunction<String> ownerName) {
        List<String> parts = new ArrayList<>();
        if (company != null) {
            parts.add("company is " + company);
        }
        if (city != null) {
            parts.add("city is " + city);
        }
        if (country != null) {
            parts.add("country is " + country);
        }
        if (status != null) {
            parts.add("status is " + status.label());
        }
        if (ownerId != null) {
            parts.add("owner is " + ownerName.apply(ownerId));
        }
        if (minScore != null) {
            parts.add("lead score ≥ " + minScore);
        }
        if (maxScore != null) {
            parts.add("lead score ≤ " + maxScore);
        }
        if (createdFrom != null) {
            parts.add("created on or after " + createdFrom);
        }
        if (createdTo != null) {
            parts.add("created on or before " + createdTo);
        }
        return parts.isEmpty() ? "none (every contact matches)" : String.join(" and ", parts);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
