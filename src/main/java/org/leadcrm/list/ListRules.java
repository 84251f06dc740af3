package org.leadcrm.list;

import java.time.LocalDate;
import org.leadcrm.contact.ContactFilter;
import org.leadcrm.contact.ContactStatus;
import org.springframework.lang.Nullable;

/** The conditions of a rule-based list, all AND-ed; an unset one matches every contact. */
public record ListRules(
        @Nullable String company,
        @Nullable String city,
        @Nullable String country,
        @Nullable ContactStatus status,
        @Nullable Long ownerId,
        @Nullable Integer minScore,
        @Nullable Integer maxScore,
        @Nullable LocalDate createdFrom,
        @Nullable LocalDate createdTo) {

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
