package org.leadcrm.contact;

import java.time.LocalDate;
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
