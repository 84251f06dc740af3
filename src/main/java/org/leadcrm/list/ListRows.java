package org.leadcrm.list;

import java.sql.Timestamp;
import java.time.Instant;
import org.leadcrm.contact.ContactCondition;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * A list's rows as the services that change its members use them, in the caller's transaction:
 * the list's row locked before any change, its membership version bumped by every change, and the
 * one {@code INSERT … SELECT} that adds members (Bulk Edit and rules alike).
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

    /**
     * Adds the contacts matching {@code condition} that are neither members nor excluded, and
     * records the change.
     *
     * @return how many were added
     */
    @Transactional(propagation = Propagation.MANDATORY)
    int addMembers(long listId, MemberSource source, ContactCondition condition, Instant now) {
        membersChanged(listId);
        return jdbc.update("""
                insert into list_member (list_id, contact_id, source, added_at)
                select :list, c.id, :source, :now from contact c
                where %s
                and not exists (select 1 from list_member m where m.list_id = :list and m.contact_id = c.id)
                and not exists (select 1 from list_exclusion e where e.list_id = :list and e.contact_id = c.id)
                """.formatted(condition.sql()), condition.params()
                .addValue("list", listId)
                .addValue("source", source.name())
                .addValue("now", Timestamp.from(now)));
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
        return ListOperationResult.membersRemoved(members, exclusions);
    }

    /** How a member came onto a list: by hand (Bulk Edit) or by the list's rules. */
    enum MemberSource { MANUAL, RULE }
}
