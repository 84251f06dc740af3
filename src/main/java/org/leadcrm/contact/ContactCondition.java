package org.leadcrm.contact;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import org.leadcrm.base.SearchText;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;

/**
 * A {@link ContactFilter} as an SQL condition on the {@code contact} table aliased {@code c}.
 * The one translation of a filter into SQL: the grid, its count, Bulk Edit and list rules all
 * use it, so they always agree on which contacts a filter means.
 *
 *
 * <p>Made only by its factories, so no caller can slip SQL of its own into a bulk statement.
 */
public final class ContactCondition {

    private static final String EVERYTHING = "1=1";

    private final String sql;
    private final MapSqlParameterSource params;

    private ContactCondition(String sql, MapSqlParameterSource params) {
        this.sql = sql;
        this.params = params;
    }

    /** The contacts with one of these ids; the ids travel as one parameter. */
    public static ContactCondition idIn(Collection<Long> ids) {
        return new ContactCondition("c.id in (:f_ids)", new MapSqlParameterSource("f_ids", List.copyOf(ids)));
    }

    /**
     * The contacts whose address is among the rows an import staged (table {@code import_row}): what
     * an import adds to a list, whether it created the contact or found it.
     */
    public static ContactCondition stagedByImport(long importId) {
        return new ContactCondition("exists (select 1 from import_row fi where fi.import_id = :f_import"
                + " and fi.email_key = c.email_key)", new MapSqlParameterSource("f_import", importId));
    }

    /** Both conditions; their parameters must not share names. */
    public ContactCondition and(ContactCondition other) {
        MapSqlParameterSource both = new MapSqlParameterSource(params.getValues()).addValues(other.params.getValues());
        if (other.matchesEverything()) {
            return new ContactCondition(sql, both);
        }
        return new ContactCondition(matchesEverything() ? other.sql : sql + " and " + other.sql, both);
    }

    /** A boolean SQL expression on {@code contact c} ({@code 1=1} for no condition). */
    public String sql() {
        return sql;
    }

    /** A fresh copy of the condition's named parameters (prefixed {@code f_}), to add the caller's own to. */
    public MapSqlParameterSource params() {
        return new MapSqlParameterSource(params.getValues());
    }

    /** True when the condition does not narrow anything, so a count may skip the contact table. */
    public boolean matchesEverything() {
        return EVERYTHING.equals(sql);
    }

    /** @throws org.leadcrm.base.UserFacingException if the search text is longer than {@link ContactFilter#SEARCH_MAX_LENGTH} */
    public static ContactCondition of(ContactFilter filter, ZoneId zone) {
        SearchText.requireWithinLimit(filter.search());
        List<String> clauses = new ArrayList<>();
        MapSqlParameterSource params = new MapSqlParameterSource();
        String search = trimToNull(filter.search());
        if (search != null) {
            params.addValue("f_search", SearchText.escapedForLike(search) + "%");
            clauses.add("(lower(c.last_name) like :f_search escape '\\' or lower(c.first_name) like :f_search escape '\\'"
                    + " or c.email_key like :f_search escape '\\' or lower(c.company) like :f_search escape '\\')");
        }
        if (filter.status() != null) {
            params.addValue("f_status", filter.status().name());
            clauses.add("c.status = :f_status");
        }
        if (filter.ownerId() != null) {
            params.addValue("f_owner", filter.ownerId());
            clauses.add("c.owner_id = :f_owner");
        }
        if (filter.listId() != null) {
            params.addValue("f_list", filter.listId());
            clauses.add("exists (select 1 from list_member fm where fm.list_id = :f_list and fm.contact_id = c.id)");
        }
        addEqualsIgnoreCase(clauses, params, "c.company", "f_company", filter.company());
        addEqualsIgnoreCase(clauses, params, "c.city", "f_city", filter.city());
        addEqualsIgnoreCase(clauses, params, "c.country", "f_country", filter.country());
        if (filter.minScore() != null) {
            params.addValue("f_min_score", filter.minScore());
            clauses.add("c.lead_score >= :f_min_score");
        }
        if (filter.maxScore() != null) {
            params.addValue("f_max_score", filter.maxScore());
            clauses.add("c.lead_score <= :f_max_score");
        }
        if (filter.createdFrom() != null) {
            params.addValue("f_created_from", java.sql.Timestamp.from(filter.createdFrom().atStartOfDay(zone).toInstant()));
            clauses.add("c.created_at >= :f_created_from");
        }
        if (filter.createdTo() != null) {
            params.addValue("f_created_to", java.sql.Timestamp.from(filter.createdTo().plusDays(1).atStartOfDay(zone).toInstant()));
            clauses.add("c.created_at < :f_created_to");
        }
        return new ContactCondition(clauses.isEmpty() ? EVERYTHING : String.join(" and ", clauses), params);
    }

    private static void addEqualsIgnoreCase(List<String> clauses, MapSqlParameterSource params,
            String column, String name, String value) {
        String trimmed = trimToNull(value);
        if (trimmed != null) {
            params.addValue(name, trimmed.toLowerCase(Locale.ROOT));
            clauses.add("lower(" + column + ") = :" + name);
        }
    }

    private static String trimToNull(String value) {
        if (value == null) {
            return null;
        }
        String trimmed = value.strip();
        return trimmed.isEmpty() ? null : trimmed;
    }
}
