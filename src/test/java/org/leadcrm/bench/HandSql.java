package org.leadcrm.bench;

import java.sql.Timestamp;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The floor: the same effect as each measured operation, written by hand as the best statements
 * this benchmark's author could find for each database, with none of the application around it
 * (no service proxies, no security, no progress, no JPA). Each keeps what the product requires
 * and costs little: one transaction, the list's row locked, the member count checked against the
 * confirmed number, an audit row, and the counts the user is shown.
 */
final class HandSql {

    private final BenchDb db;
    private final NamedParameterJdbcTemplate jdbc;
    private final TransactionTemplate tx;

    HandSql(BenchApp app) {
        this.db = app.db();
        this.jdbc = app.jdbc();
        this.tx = new TransactionTemplate(app.bean(PlatformTransactionManager.class));
    }

    /** Permanently Delete All Contacts: the non-synced members go, with all that hangs on them. */
    long deleteAllContacts(long listId, long confirmedCount) {
        return tx.execute(status -> {
            MapSqlParameterSource params = new MapSqlParameterSource("list", listId);
            lockAndCheck(params, confirmedCount);
            long deleted = deleteDoomed("""
                    select m.contact_id from list_member m join contact c on c.id = m.contact_id
                    where m.list_id = :list and c.crm_system = 'NONE'
                    """, params);
            audit(params, "DELETE_ALL_CONTACTS", deleted);
            return deleted;
        });
    }

    /**
     * Deleting every contact matching {@code conditionSql} (on {@code contact c}) from the Contact
     * Manager: the matches counted and compared with the confirmed number, then the non-synced ones
     * deleted as a list's are.
     */
    long deleteMatching(String conditionSql, long confirmedCount) {
        return tx.execute(status -> {
            MapSqlParameterSource params = new MapSqlParameterSource("list", null);
            Long matching = jdbc.queryForObject("select count(*) from contact c where " + conditionSql, params, Long.class);
            if (matching == null || matching != confirmedCount) {
                throw new IllegalStateException(matching + " contacts match, not " + confirmedCount);
            }
            long deleted = deleteDoomed("select c.id from contact c where " + conditionSql + " and c.crm_system = 'NONE'",
                    params);
            audit(params, "DELETE_SELECTED_CONTACTS", deleted);
            return deleted;
        });
    }

    /** Stages the contact ids {@code doomedSql} selects and deletes them with all that hangs on them. */
    private long deleteDoomed(String doomedSql, MapSqlParameterSource params) {
        if (db == BenchDb.POSTGRES) {
            // A temporary table with fresh statistics: the planner knows how many rows it holds.
            jdbc.update("create temporary table doomed (id bigint primary key) on commit drop", params);
        } else {
            jdbc.update("create local temporary table doomed (id bigint primary key) on commit drop transactional",
                    params);
        }
        long deleted = jdbc.update("insert into doomed (id) " + doomedSql, params);
        String opportunities = """
                delete from opportunity o
                where o.id in (select oc.opportunity_id from opportunity_contact oc join doomed d on d.id = oc.contact_id)
                and not exists (select 1 from opportunity_contact oc
                                where oc.opportunity_id = o.id
                                and not exists (select 1 from doomed d where d.id = oc.contact_id))
                """;
        if (db == BenchDb.POSTGRES) {
            jdbc.update("analyze doomed", params);
            jdbc.update(opportunities, params);
            jdbc.update("delete from opportunity_contact oc using doomed d where oc.contact_id = d.id", params);
            jdbc.update("delete from list_exclusion e using doomed d where e.contact_id = d.id", params);
            jdbc.update("delete from list_member m using doomed d where m.contact_id = d.id", params);
            jdbc.update("delete from contact c using doomed d where c.id = d.id", params);
        } else {
            jdbc.update(opportunities, params);
            jdbc.update("delete from opportunity_contact where contact_id in (select id from doomed)", params);
            jdbc.update("delete from list_exclusion where contact_id in (select id from doomed)", params);
            jdbc.update("delete from list_member where contact_id in (select id from doomed)", params);
            jdbc.update("delete from contact where id in (select id from doomed)", params);
        }
        return deleted;
    }

    /** Remove All Contacts: memberships and exclusions of the list go; contacts stay. */
    long removeAllContacts(long listId) {
        return tx.execute(status -> {
            MapSqlParameterSource params = new MapSqlParameterSource("list", listId);
            lock(params);
            long removed = jdbc.update("delete from list_member where list_id = :list", params);
            jdbc.update("delete from list_exclusion where list_id = :list", params);
            audit(params, "REMOVE_ALL_CONTACTS", removed);
            return removed;
        });
    }

    /**
     * Bulk Edit of every contact matching {@code conditionSql} (on {@code contact c}) into a list:
     * one {@code INSERT … SELECT} that skips members and exclusions, and the two small counts the
     * result shows (already members, excluded), each proportional to the list, not to the match.
     */
    long addMatching(long listId, String conditionSql) {
        return tx.execute(status -> {
            MapSqlParameterSource params = new MapSqlParameterSource("list", listId)
                    .addValue("now", new Timestamp(System.currentTimeMillis()));
            lock(params);
            jdbc.queryForObject("select count(*) from list_member m join contact c on c.id = m.contact_id"
                    + " where m.list_id = :list and " + conditionSql, params, Long.class);
            jdbc.queryForObject("select count(*) from list_exclusion e join contact c on c.id = e.contact_id"
                    + " where e.list_id = :list and " + conditionSql, params, Long.class);
            return (long) jdbc.update("""
                    insert into list_member (list_id, contact_id, source, added_at)
                    select :list, c.id, 'MANUAL', :now from contact c
                    where %s
                    and not exists (select 1 from list_member m where m.list_id = :list and m.contact_id = c.id)
                    and not exists (select 1 from list_exclusion e where e.list_id = :list and e.contact_id = c.id)
                    """.formatted(conditionSql), params);
        });
    }

    private void lock(MapSqlParameterSource params) {
        jdbc.queryForList("select id from contact_list where id = :list for update", params, Long.class);
    }

    private void lockAndCheck(MapSqlParameterSource params, long confirmedCount) {
        lock(params);
        Long members = jdbc.queryForObject("select count(*) from list_member where list_id = :list", params, Long.class);
        if (members == null || members != confirmedCount) {
            throw new IllegalStateException("the list has " + members + " members, not " + confirmedCount);
        }
    }

    private void audit(MapSqlParameterSource params, String operation, long count) {
        jdbc.update("""
                insert into audit_entry (occurred_at, username, operation, list_id, list_name, contacts_affected)
                values (current_timestamp, 'bench', :operation, :list, 'bench', :count)
                """, new MapSqlParameterSource("operation", operation).addValue("list", params.getValue("list"))
                .addValue("count", count));
    }
}
