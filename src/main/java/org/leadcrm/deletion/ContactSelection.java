package org.leadcrm.deletion;

import org.leadcrm.contact.ContactCondition;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;

/**
 * A set of contacts given as SQL: a query whose single column is contact ids. Deletions are
 * set-based, so the ids never travel through the application. Made only by its factories, so
 * the SQL it carries is always one of these few shapes.
 */
public final class ContactSelection {

    private final String idsSql;
    private final MapSqlParameterSource params;

    private ContactSelection(String idsSql, MapSqlParameterSource params) {
        this.idsSql = idsSql;
        this.params = params;
    }

    public static ContactSelection contact(long contactId) {
        return new ContactSelection("select c.id as id from contact c where c.id = :sel_contact",
                new MapSqlParameterSource("sel_contact", contactId));
    }

    public static ContactSelection membersOf(long listId) {
        return new ContactSelection("select sm.contact_id as id from list_member sm where sm.list_id = :sel_list",
                new MapSqlParameterSource("sel_list", listId));
    }

    /** The contacts matching a condition made by {@link ContactCondition}'s factories. */
    public static ContactSelection matching(ContactCondition condition) {
        return new ContactSelection("select c.id as id from contact c where " + condition.sql(), condition.params());
    }

    /**
     * A {@code select} of distinct contact ids in a column named {@code id}, each of a contact
     * that exists (list memberships reference their contact), so counting them counts contacts.
     */
    String idsSql() {
        return idsSql;
    }

    /** A fresh copy of the parameters of {@link #idsSql()}, to add the caller's own to. */
    MapSqlParameterSource params() {
        return new MapSqlParameterSource(params.getValues());
    }
}
