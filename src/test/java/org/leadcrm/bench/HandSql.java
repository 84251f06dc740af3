package org.leadcrm.bench;

import java.sql.Timestamp;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The floor: the same effect as each measured operation, written by hand as a database expert
 * would write it from the schema and the product's rules alone, without looking at (or calling)
 * the application's statements. Each keeps what the product requires and costs little: one
 * transaction, the bulk-work lock and the list's row locked, the count (and for a filter the sum
 * of the ids) checked against what was confirmed, the membership versions of the lists that lose
 * members bumped, an audit row, and the counts the user is shown.
 *
 * <p>PostgreSQL: each operation is one statement after the locking read — a chain of
 * data-modifying CTEs ({@code DELETE … USING}, {@code INSERT … SELECT … ON CONFLICT DO NOTHING})
 * that all see the same snapshot, so nothing needs staging. The application instead stages the
 * contacts in a table and runs a statement per table.
 *
 * <p>H2 has no data-modifying CTEs: the contacts to delete are staged in a temporary table (H2
 * cannot delete a list's members and then the contacts they named without keeping the set
 * somewhere; an array parameter, {@code = ANY(?)}, was tried and is quadratic there) and every
 * table is joined to it with {@code MERGE … WHEN MATCHED THEN DELETE}; Bulk Edit is a
 * {@code MERGE … WHEN NOT MATCHED THEN INSERT}. Remove All is the same two
 * {@code DELETE … WHERE list_id = ?} as anyone would write on either database (on PostgreSQL in
 * one round trip).
 *
 * <p>{@link #withoutForeignKeys} runs the very same statements with the database's foreign-key
 * work switched off (PostgreSQL: {@code session_replication_role = replica} for the transaction,
 * so the foreign-key triggers do not fire; H2: {@code SET REFERENTIAL_INTEGRITY FALSE}): the
 * physical reference, the same rows and index entries deleted without the integrity checks.
 */
final class HandSql {

    private final BenchDb db;
    private final NamedParameterJdbcTemplate jdbc;
    private final TransactionTemplate tx;
    private final boolean foreignKeys;

    private HandSql(BenchApp app, boolean foreignKeys) {
        this.db = app.db();
        this.jdbc = app.jdbc();
        this.tx = new TransactionTemplate(app.bean(PlatformTransactionManager.class));
        this.foreignKeys = foreignKeys;
    }

    static HandSql independent(BenchApp app) {
        return new HandSql(app, true);
    }

    static HandSql withoutForeignKeys(BenchApp app) {
        return new HandSql(app, false);
    }

    // --- Permanently Delete All Contacts, and deleting all matching a filter ------------------------

    /** Permanently Delete All Contacts: the list's non-synced members go, with all that hangs on them. */
    long deleteAllContacts(long listId, long confirmedCount) {
        return inTransaction(() -> {
            long members = lockListAndCount(listId);
            if (members != confirmedCount) {
                throw new IllegalStateException("the list has " + members + " members, not " + confirmedCount);
            }
            String doomed = """
                    select m.contact_id as id from list_member m join contact c on c.id = m.contact_id
                    where m.list_id = :list and c.crm_system = 'NONE'
                    """;
            return delete(doomed, new MapSqlParameterSource("list", listId), "DELETE_ALL_CONTACTS", listId);
        });
    }

    /**
     * Deleting every contact matching {@code conditionSql} (on {@code contact c}) from the Contact
     * Manager: the matches counted and their ids summed, compared with the confirmation, then the
     * non-synced ones deleted.
     */
    long deleteMatching(String conditionSql, long confirmedCount, long confirmedIdSum) {
        return inTransaction(() -> {
            lockBulkWork();
            Map<String, Object> now = jdbc.queryForMap("select count(*) as n, coalesce(sum(c.id), 0) as s from contact c where "
                    + conditionSql, new MapSqlParameterSource());
            long count = ((Number) now.get("n")).longValue();
            long sum = ((Number) now.get("s")).longValue();
            if (count != confirmedCount || sum != confirmedIdSum) {
                throw new IllegalStateException(count + " contacts match, not " + confirmedCount);
            }
            String doomed = "select c.id from contact c where " + conditionSql + " and c.crm_system = 'NONE'";
            return delete(doomed, new MapSqlParameterSource(), "DELETE_SELECTED_CONTACTS", null);
        });
    }

    private long delete(String doomedSql, MapSqlParameterSource params, String operation, Long listId) {
        params.addValue("operation", operation).addValue("auditList", listId);
        if (db == BenchDb.POSTGRES) {
            Long deleted = jdbc.queryForObject("""
                    with doomed as materialized (%s),
                    doomed_links as materialized (
                        select oc.opportunity_id, oc.contact_id from opportunity_contact oc join doomed d on d.id = oc.contact_id
                    ),
                    orphaned as (
                        select distinct dl.opportunity_id from doomed_links dl
                        where not exists (select 1 from opportunity_contact other
                                          where other.opportunity_id = dl.opportunity_id
                                          and not exists (select 1 from doomed d where d.id = other.contact_id))
                    ),
                    gone_opportunities as (delete from opportunity o using orphaned x where o.id = x.opportunity_id returning 1),
                    gone_links as (delete from opportunity_contact oc using doomed d where oc.contact_id = d.id returning 1),
                    gone_exclusions as (delete from list_exclusion e using doomed d where e.contact_id = d.id returning 1),
                    gone_memberships as (delete from list_member m using doomed d where m.contact_id = d.id returning m.list_id),
                    touched_lists as (
                        update contact_list l set member_version = l.member_version + 1
                        where l.id in (select list_id from gone_memberships) returning 1
                    ),
                    gone_contacts as (delete from contact c using doomed d where c.id = d.id returning 1)
                    insert into audit_entry (occurred_at, username, operation, list_id, list_name, contacts_affected,
                        opportunities_deleted)
                    select current_timestamp, 'bench', :operation, cast(:auditList as bigint), 'bench',
                        (select count(*) from gone_contacts), (select count(*) from gone_opportunities)
                    returning contacts_affected
                    """.formatted(doomedSql), params, Long.class);
            return deleted == null ? 0 : deleted;
        }
        // H2: the contacts staged once in a temporary table, then each table joined to it with MERGE … DELETE.
        jdbc.update("create local temporary table doomed (id bigint primary key) on commit drop transactional", params);
        jdbc.update("insert into doomed (id) " + doomedSql, params);
        int opportunities = jdbc.update("""
                merge into opportunity o
                using (select distinct oc.opportunity_id as id from opportunity_contact oc join doomed d on d.id = oc.contact_id
                       where not exists (select 1 from opportunity_contact x where x.opportunity_id = oc.opportunity_id
                                         and not exists (select 1 from doomed d2 where d2.id = x.contact_id))) s
                on (o.id = s.id)
                when matched then delete
                """, params);
        jdbc.update("merge into opportunity_contact t using doomed d on (t.contact_id = d.id) when matched then delete", params);
        jdbc.update("merge into list_exclusion t using doomed d on (t.contact_id = d.id) when matched then delete", params);
        jdbc.update("update contact_list l set member_version = member_version + 1 where exists"
                + " (select 1 from list_member m join doomed d on d.id = m.contact_id where m.list_id = l.id)", params);
        jdbc.update("merge into list_member t using doomed d on (t.contact_id = d.id) when matched then delete", params);
        int deleted = jdbc.update("merge into contact t using doomed d on (t.id = d.id) when matched then delete", params);
        jdbc.update("""
                insert into audit_entry (occurred_at, username, operation, list_id, list_name, contacts_affected,
                    opportunities_deleted)
                values (current_timestamp, 'bench', :operation, :auditList, 'bench', :deleted, :opportunities)
                """, params.addValue("deleted", deleted).addValue("opportunities", opportunities));
        return deleted;
    }

    // --- Remove All Contacts ------------------------------------------------------------------------

    /** Remove All Contacts: memberships and exclusions of the list go; contacts stay. */
    long removeAllContacts(long listId) {
        return inTransaction(() -> {
            lockListAndCount(listId);
            MapSqlParameterSource params = new MapSqlParameterSource("list", listId);
            if (db == BenchDb.POSTGRES) {
                Long removed = jdbc.queryForObject("""
                        with gone as (delete from list_member where list_id = :list returning 1),
                        unexcluded as (delete from list_exclusion where list_id = :list returning 1),
                        touched as (update contact_list set member_version = member_version + 1 where id = :list returning 1)
                        insert into audit_entry (occurred_at, username, operation, list_id, list_name, contacts_affected,
                            exclusions_removed)
                        select current_timestamp, 'bench', 'REMOVE_ALL_CONTACTS', :list, 'bench',
                            (select count(*) from gone), (select count(*) from unexcluded)
                        returning contacts_affected
                        """, params, Long.class);
                return removed == null ? 0 : removed;
            }
            long removed = jdbc.update("delete from list_member where list_id = :list", params);
            int exclusions = jdbc.update("delete from list_exclusion where list_id = :list", params);
            jdbc.update("update contact_list set member_version = member_version + 1 where id = :list", params);
            jdbc.update("""
                    insert into audit_entry (occurred_at, username, operation, list_id, list_name, contacts_affected,
                        exclusions_removed)
                    values (current_timestamp, 'bench', 'REMOVE_ALL_CONTACTS', :list, 'bench', :removed, :exclusions)
                    """, params.addValue("removed", removed).addValue("exclusions", exclusions));
            return removed;
        });
    }

    // --- Bulk Edit ----------------------------------------------------------------------------------

    /**
     * Bulk Edit of every contact matching {@code conditionSql} (on {@code contact c}) into a list,
     * skipping the list's exclusions and its members, with the counts the result shows.
     *
     * @return how many were added
     */
    long addMatching(long listId, String conditionSql) {
        return inTransaction(() -> {
            lockListAndCount(listId);
            MapSqlParameterSource params = new MapSqlParameterSource("list", listId)
                    .addValue("now", new Timestamp(System.currentTimeMillis()));
            if (db == BenchDb.POSTGRES) {
                Map<String, Object> counts = jdbc.queryForMap("""
                        with matching as materialized (select c.id from contact c where %s),
                        added as (
                            insert into list_member (list_id, contact_id, source, added_at)
                            select :list, m.id, 'MANUAL', :now from matching m
                            where not exists (select 1 from list_exclusion e where e.list_id = :list and e.contact_id = m.id)
                            on conflict (list_id, contact_id) do nothing
                            returning 1
                        ),
                        touched as (update contact_list set member_version = member_version + 1 where id = :list returning 1)
                        select (select count(*) from added) as added,
                               (select count(*) from matching m join list_exclusion e on e.list_id = :list and e.contact_id = m.id)
                                   as excluded,
                               (select count(*) from matching) as matching
                        """.formatted(conditionSql), params);
                return ((Number) counts.get("added")).longValue();
            }
            jdbc.queryForObject("select count(*) from list_exclusion e join contact c on c.id = e.contact_id"
                    + " where e.list_id = :list and " + conditionSql, params, Long.class);
            jdbc.queryForObject("select count(*) from contact c where " + conditionSql, params, Long.class);
            jdbc.update("update contact_list set member_version = member_version + 1 where id = :list", params);
            return (long) jdbc.update("""
                    merge into list_member t
                    using (select c.id as contact_id from contact c where %s
                           and not exists (select 1 from list_exclusion e where e.list_id = :list and e.contact_id = c.id)) s
                    on (t.list_id = :list and t.contact_id = s.contact_id)
                    when not matched then insert (list_id, contact_id, source, added_at)
                        values (:list, s.contact_id, 'MANUAL', :now)
                    """.formatted(conditionSql), params);
        });
    }

    // --- around every operation ---------------------------------------------------------------------

    private long inTransaction(java.util.function.LongSupplier work) {
        if (foreignKeys || db == BenchDb.POSTGRES) {
            Long result = tx.execute(status -> {
                if (!foreignKeys) {
                    jdbc.getJdbcTemplate().execute("set local session_replication_role = replica");
                }
                return work.getAsLong();
            });
            return result == null ? 0 : result;
        }
        // H2: a database-wide setting that commits; set around the transaction.
        jdbc.getJdbcTemplate().execute("set referential_integrity false");
        try {
            Long result = tx.execute(status -> work.getAsLong());
            return result == null ? 0 : result;
        } finally {
            jdbc.getJdbcTemplate().execute("set referential_integrity true");
        }
    }

    private void lockBulkWork() {
        jdbc.queryForList("select name from bulk_work_lock where name = 'contacts' for update", new MapSqlParameterSource(),
                String.class);
    }

    /** Takes the bulk-work lock and the list's row; the list's member count. */
    private long lockListAndCount(long listId) {
        lockBulkWork();
        MapSqlParameterSource params = new MapSqlParameterSource("list", listId);
        List<Long> locked = jdbc.queryForList("select id from contact_list where id = :list for update", params, Long.class);
        if (locked.isEmpty()) {
            throw new IllegalStateException("no list " + listId);
        }
        Long members = jdbc.queryForObject("select count(*) from list_member where list_id = :list", params, Long.class);
        return members == null ? 0 : members;
    }
}
