package org.leadcrm.list;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import org.leadcrm.audit.AuditEvent;
import org.leadcrm.audit.AuditService;
import org.leadcrm.base.BulkWorkLock;
import org.leadcrm.base.ProgressListener;
import org.leadcrm.base.SqlCounts;
import org.leadcrm.contact.BulkSelection;
import org.leadcrm.contact.ContactCondition;
import org.leadcrm.contact.ContactFilter;
import org.leadcrm.contact.ContactService;
import org.leadcrm.security.Role;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * One list's members and exclusions: remove a member or many selected ones, exclude a contact, lift
 * an exclusion, and read the exclusions the current user may see. Each change locks the list's row
 * and records the membership change; removing many takes the bulk-work lock first, as all bulk
 * work does (docs/decisions/004).
 */
@Service
@PreAuthorize(Role.Can.SIGNED_IN)
public class ListMemberService {

    private final ListRows listRows;
    private final ContactService contactService;
    private final BulkWorkLock bulkWorkLock;
    private final AuditService audit;
    private final NamedParameterJdbcTemplate jdbc;
    private final Clock clock;

    ListMemberService(ListRows listRows, ContactService contactService, BulkWorkLock bulkWorkLock, AuditService audit,
            NamedParameterJdbcTemplate jdbc, Clock clock) {
        this.listRows = listRows;
        this.contactService = contactService;
        this.bulkWorkLock = bulkWorkLock;
        this.audit = audit;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** The list's exclusions among the contacts the current user may see. */
    @Transactional(readOnly = true)
    public List<ExcludedContact> findExclusions(long listId, int offset, int limit) {
        ContactCondition visible = contactService.conditionFor(ContactFilter.ALL);
        return jdbc.query("""
                select c.id, c.first_name, c.last_name, c.email, c.company, e.created_at
                from list_exclusion e join contact c on c.id = e.contact_id
                where e.list_id = :list and %s
                order by c.last_name, c.first_name, c.id
                limit :limit offset :offset
                """.formatted(visible.sql()),
                visible.params().addValue("list", listId).addValue("limit", limit).addValue("offset", offset),
                (rs, n) -> new ExcludedContact(rs.getLong("id"), rs.getString("first_name") + " " + rs.getString("last_name"),
                        rs.getString("email"), rs.getString("company"), rs.getTimestamp("created_at").toInstant()));
    }

    @Transactional(readOnly = true)
    public long countExclusions(long listId) {
        ContactCondition visible = contactService.conditionFor(ContactFilter.ALL);
        return SqlCounts.count(jdbc, "select count(*) from list_exclusion e join contact c on c.id = e.contact_id"
                + " where e.list_id = :list and " + visible.sql(), visible.params().addValue("list", listId));
    }

    /** The lists the contact is on and those excluding it, or none if the current user may not see the contact. */
    @Transactional(readOnly = true)
    public ContactMemberships membershipsOf(long contactId) {
        ContactCondition visible = contactService.conditionFor(ContactFilter.ALL);
        MapSqlParameterSource params = visible.params().addValue("contact", contactId);
        Boolean seen = jdbc.queryForObject("select count(*) > 0 from contact c where c.id = :contact and "
                + visible.sql(), params, Boolean.class);
        if (!Boolean.TRUE.equals(seen)) {
            return ContactMemberships.NONE;
        }
        return new ContactMemberships(listsOf("list_member", params), listsOf("list_exclusion", params));
    }

    private List<ListChoice> listsOf(String table, MapSqlParameterSource params) {
        return jdbc.query("""
                select l.id, l.name, l.manual from %s x join contact_list l on l.id = x.list_id
                where x.contact_id = :contact order by l.name, l.id
                """.formatted(table), params,
                (rs, n) -> new ListChoice(rs.getLong("id"), rs.getString("name"), rs.getBoolean("manual")));
    }

    /** Removes one member; on a rule-based list this excludes it, or the next rebuild would bring it back. */
    @Transactional
    @PreAuthorize(Role.Can.MANAGE_LISTS)
    public void removeMember(long listId, long contactId) {
        ContactList list = listRows.lock(listId);
        MapSqlParameterSource params = memberParams(listId, contactId);
        listRows.membersChanged(listId);
        jdbc.update("delete from list_member where list_id = :list and contact_id = :contact", params);
        if (!list.isManual()) {
            insertExclusion(params);
        }
    }

    /**
     * Removes the list's members among {@code selection} (ticked rows, or all matching the member
     * search) in one statement, and with {@code exclude} excludes them first, so that neither the
     * list's rules nor a Bulk Edit bring them back. Every contact stays in LeadCRM. Audited.
     */
    @Transactional
    @PreAuthorize(Role.Can.MANAGE_LISTS)
    public MembersRemovedResult removeMembers(long listId, BulkSelection selection, boolean exclude,
            ProgressListener progress) {
        int steps = exclude ? 3 : 2;
        progress.phase("Locking the list", 1, steps);
        bulkWorkLock.acquire(progress);
        ContactList list = listRows.lock(listId);
        ContactCondition condition = contactService.selectionCondition(selection);
        MapSqlParameterSource params = condition.params()
                .addValue("list", listId)
                .addValue("now", Timestamp.from(clock.instant()));
        listRows.membersChanged(listId);
        int excluded = 0;
        if (exclude) {
            progress.phase("Excluding the selected members", 2, steps);
            excluded = jdbc.update("""
                    insert into list_exclusion (list_id, contact_id, created_at)
                    select :list, c.id, :now from contact c
                    where %s
                    and exists (select 1 from list_member m where m.list_id = :list and m.contact_id = c.id)
                    and not exists (select 1 from list_exclusion e where e.list_id = :list and e.contact_id = c.id)
                    """.formatted(condition.sql()), params);
        }
        progress.phase("Removing the selected members", steps, steps);
        int removed = jdbc.update("""
                delete from list_member
                where list_id = :list and contact_id in (select c.id from contact c where %s)
                """.formatted(condition.sql()), params);
        MembersRemovedResult result = new MembersRemovedResult(removed, excluded);
        audit.record(AuditEvent.membersRemoved(listId, list.getName(), describe(listId, selection), removed, excluded));
        return result;
    }

    /** The members selected, for the audit log: the member search's fields, or how many rows were ticked. */
    private String describe(long listId, BulkSelection selection) {
        if (selection instanceof BulkSelection.Matching matching) {
            ContactFilter filter = matching.filter();
            // The list itself goes without saying.
            ContactFilter search = Long.valueOf(listId).equals(filter.listId()) ? filter.withListId(null) : filter;
            return search.equals(ContactFilter.ALL) ? "all members" : "members matching: " + contactService.describe(search);
        }
        int ticked = ((BulkSelection.Selected) selection).contactIds().size();
        return ticked + (ticked == 1 ? " ticked member" : " ticked members");
    }

    /** Excludes a contact: it leaves the list and never comes back by rule or Bulk Edit. */
    @Transactional
    @PreAuthorize(Role.Can.MANAGE_LISTS)
    public void addExclusion(long listId, long contactId) {
        listRows.lock(listId);
        MapSqlParameterSource params = memberParams(listId, contactId);
        listRows.membersChanged(listId);
        jdbc.update("delete from list_member where list_id = :list and contact_id = :contact", params);
        insertExclusion(params);
    }

    @Transactional
    @PreAuthorize(Role.Can.MANAGE_LISTS)
    public void removeExclusion(long listId, long contactId) {
        listRows.lock(listId);
        jdbc.update("delete from list_exclusion where list_id = :list and contact_id = :contact", memberParams(listId, contactId));
    }

    private void insertExclusion(MapSqlParameterSource params) {
        jdbc.update("""
                insert into list_exclusion (list_id, contact_id, created_at)
                select :list, c.id, :now from contact c
                where c.id = :contact
                and not exists (select 1 from list_exclusion e where e.list_id = :list and e.contact_id = :contact)
                """, params);
    }

    private MapSqlParameterSource memberParams(long listId, long contactId) {
        return new MapSqlParameterSource("list", listId)
                .addValue("contact", contactId)
                .addValue("now", Timestamp.from(clock.instant()));
    }
}
