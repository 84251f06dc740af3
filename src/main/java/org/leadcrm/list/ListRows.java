package org.leadcrm.list;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * A list's row as the services that change its members use it: locked before any change, and
 * its membership version bumped by every change, in the caller's transaction.
 */
@Component
class ListRows {

    private final ContactListRepository lists;
    private final NamedParameterJdbcTemplate jdbc;

    ListRows(ContactListRepository lists, NamedParameterJdbcTemplate jdbc) {
        this.lists = lists;
        this.jdbc = jdbc;
    }

    /** Locks the list's row for the rest of the transaction. */
    @Transactional(propagation = Propagation.MANDATORY)
    ContactList lock(long listId) {
        return lists.lockById(listId).orElseThrow(ListNotFoundException::new);
    }

    /** The list's membership version, bumped by every change to its members. */
    @Transactional(propagation = Propagation.MANDATORY)
    long memberVersion(long listId) {
        return jdbc.query("select member_version from contact_list where id = :list", new MapSqlParameterSource("list", listId),
                (rs, n) -> rs.getLong(1)).stream().findFirst().orElseThrow(ListNotFoundException::new);
    }

    /** Records that the list's members changed (or may have), in the same transaction as the change. */
    @Transactional(propagation = Propagation.MANDATORY)
    void membersChanged(long listId) {
        jdbc.update("update contact_list set member_version = member_version + 1 where id = :list",
                new MapSqlParameterSource("list", listId));
    }

    /** Deletes the list with its memberships and exclusions. */
    @Transactional(propagation = Propagation.MANDATORY)
    ListOperationResult delete(long listId) {
        MapSqlParameterSource params = new MapSqlParameterSource("list", listId);
        int members = jdbc.update("delete from list_member where list_id = :list", params);
        int exclusions = jdbc.update("delete from list_exclusion where list_id = :list", params);
        if (jdbc.update("delete from contact_list where id = :list", params) != 1) {
            throw new ListNotFoundException();
        }
        return new ListOperationResult(members, 0, 0, exclusions);
    }
}
