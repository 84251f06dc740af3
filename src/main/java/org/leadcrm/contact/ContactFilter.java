package org.leadcrm.contact;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongFunction;
import org.leadcrm.base.SearchText;
import org.springframework.lang.Nullable;

/**
 * Which contacts a user is looking at or acting on. Every field is optional; the conditions
 * that are set are AND-ed. The same filter drives the grid, its count, Bulk Edit and list rules.
 *
 * @param search     prefix of first name, last name, e-mail or company, any case; at most
 *                   {@link #SEARCH_MAX_LENGTH} characters
 * @param listId     only members of this list
 * @param ownerId    only contacts owned by this user
 */
public record ContactFilter(
        @Nullable String search,
        @Nullable ContactStatus status,
        @Nullable Long ownerId,
        @Nullable Long listId,
        @Nullable String company,
        @Nullable String city,
        @Nullable String country,
        @Nullable Integer minScore,
        @Nullable Integer maxScore,
        @Nullable LocalDate createdFrom,
        @Nullable LocalDate createdTo) {

    public static final int SEARCH_MAX_LENGTH = SearchText.MAX_LENGTH;

    public static final ContactFilter ALL =
            new ContactFilter(null, null, null, null, null, null, null, null, null, null, null);

    /**
     * The filter in words without personal data, for the audit log and confirmations: "status Lead,
     * owner Sam Sales, search text given". Users and lists are named; what was typed to search, or a
     * company, city or country (which can single a person out), only said to be given.
     */
    public String describe(LongFunction<String> userName, LongFunction<String> listName) {
        List<String> parts = new ArrayList<>();
        if (status != null) {
            parts.add("status " + status.label());
        }
        if (ownerId != null) {
            parts.add("owner " + userName.apply(ownerId));
        }
        if (listId != null) {
            parts.add("list " + listName.apply(listId));
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
        addGiven(parts, "company", company);
        addGiven(parts, "city", city);
        addGiven(parts, "country", country);
        addGiven(parts, "search text", search);
        return parts.isEmpty() ? "no filter" : String.join(", ", parts);
    }

    private static void addGiven(List<String> parts, String what, @Nullable String value) {
        if (value != null && !value.isBlank()) {
            parts.add(what + " given");
        }
    }

    public ContactFilter withSearch(@Nullable String value) {
        return new ContactFilter(value, status, ownerId, listId, company, city, country, minScore, maxScore, createdFrom, createdTo);
    }

    public ContactFilter withStatus(@Nullable ContactStatus value) {
        return new ContactFilter(search, value, ownerId, listId, company, city, country, minScore, maxScore, createdFrom, createdTo);
    }

    public ContactFilter withOwnerId(@Nullable Long value) {
        return new ContactFilter(search, status, value, listId, company, city, country, minScore, maxScore, createdFrom, createdTo);
    }

    public ContactFilter withListId(@Nullable Long value) {
        return new ContactFilter(search, status, ownerId, value, company, city, country, minScore, maxScore, createdFrom, createdTo);
    }

    public ContactFilter withCompany(@Nullable String value) {
        return new ContactFilter(search, status, ownerId, listId, value, city, country, minScore, maxScore, createdFrom, createdTo);
    }

    public ContactFilter withCity(@Nullable String value) {
        return new ContactFilter(search, status, ownerId, listId, company, value, country, minScore, maxScore, createdFrom, createdTo);
    }

    public ContactFilter withCountry(@Nullable String value) {
        return new ContactFilter(search, status, ownerId, listId, company, city, value, minScore, maxScore, createdFrom, createdTo);
    }

    public ContactFilter withScoreRange(@Nullable Integer min, @Nullable Integer max) {
        return new ContactFilter(search, status, ownerId, listId, company, city, country, min, max, createdFrom, createdTo);
    }

    public ContactFilter withCreatedRange(@Nullable LocalDate from, @Nullable LocalDate to) {
        return new ContactFilter(search, status, ownerId, listId, company, city, country, minScore, maxScore, from, to);
    }
}
