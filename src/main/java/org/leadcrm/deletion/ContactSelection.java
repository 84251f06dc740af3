package org.leadcrm.deletion;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;

/**
 * A set of contacts given as SQL: a query whose single column is contact ids. Deletions are
 * set-based, so the ids never travel through the application.
 *
 * @param idsSql a {@code select} of contact ids in a column named {@code id}; its parameters
 *               are in {@code params}
 */
public record ContactSelection(String idsSql, MapSqlParameterSource params) {

    public static ContactSelection contact(long contactId) {
        return new ContactSelection("select c.id as id from contact c where c.id = :sel_contact",
                new MapSqlParameterSource("sel_contact", contactId));
    }

    public static ContactSelection membersOf(long listId) {
        return new ContactSelection("select sm.contact_id as id from list_member sm where sm.list_id = :sel_list",
                new MapSqlParameterSource("sel_list", listId));
    }

    /** The contacts matching an SQL condition on {@code contact c}. */
    public static ContactSelection matching(String conditionSql, MapSqlParameterSource params) {
        return new ContactSelection("select c.id as id from contact c where " + conditionSql, params);
    }
}
