package org.leadcrm.list;

import jakarta.validation.Valid;
import java.time.Clock;
import java.util.Locale;
import org.leadcrm.base.BulkWorkLock;
import org.leadcrm.base.ProgressListener;
import org.leadcrm.base.UserFacingException;
import org.leadcrm.contact.BulkSelection;
import org.leadcrm.contact.ContactCondition;
import org.leadcrm.contact.ContactService;
import org.leadcrm.list.ListRows.MemberSource;
import org.leadcrm.security.Role;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.validation.annotation.Validated;

/**
 * Bulk Edit (PRODUCT.md): the ticked contacts, or all matching a filter, added to an existing list
 * or a new manual one in one transaction of set-based statements, skipping those the list excludes.
 * Like all bulk work it takes the bulk-work lock, then the list's row (docs/decisions/004).
 */
@Service
@Validated
@PreAuthorize(Role.Can.MANAGE_LISTS)
public class BulkEditService {

    private static final int STEPS = 3;

    private final ListService lists;
    private final ListRows listRows;
    private final ContactService contactService;
    private final BulkWorkLock bulkWorkLock;
    private final NamedParameterJdbcTemplate jdbc;
    private final Clock clock;

    BulkEditService(ListService lists, ListRows listRows, ContactService contactService, BulkWorkLock bulkWorkLock,
            NamedParameterJdbcTemplate jdbc, Clock clock) {
        this.lists = lists;
        this.listRows = listRows;
        this.contactService = contactService;
        this.bulkWorkLock = bulkWorkLock;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Adds the selected contacts to a list, skipping those it excludes. */
    @Transactional
    public BulkAddResult addContacts(long listId, BulkSelection selection, ProgressListener progress) {
        progress.phase("Locking the list", 1, STEPS);
        bulkWorkLock.acquire(progress);
        listRows.lock(listId);
        return addSelected(listId, selection, progress);
    }

    /** Creates a manual list and adds the selected contacts to it, in one transaction. */
    @Transactional
    public NewListResult addContactsToNewList(@Valid ListDraft draft, BulkSelection selection, ProgressListener progress) {
        if (!draft.manual()) {
            throw new UserFacingException("Bulk Edit creates manual lists only.");
        }
        progress.phase("Creating the list", 1, STEPS);
        bulkWorkLock.acquire(progress);
        long listId = lists.create(draft);
        return new NewListResult(listId, addSelected(listId, selection, progress));
    }

    /**
     * Adds the contacts matching {@code condition} to a list, skipping those it excludes, as Bulk Edit
     * does, for bulk work that ends by filling a list (an import). It runs in the caller's transaction,
     * which has taken the bulk-work lock; the list's row is locked here.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public BulkAddResult addToList(long listId, ContactCondition condition) {
        listRows.lock(listId);
        return addMatching(listId, condition, ProgressListener.NONE);
    }

    private BulkAddResult addSelected(long listId, BulkSelection selection, ProgressListener progress) {
        progress.phase("Counting the contacts", 2, STEPS);
        return addMatching(listId, contactService.selectionCondition(selection), progress);
    }

    private BulkAddResult addMatching(long listId, ContactCondition condition, ProgressListener progress) {
        if (hasNoMembersOrExclusions(listId)) {
            // Nothing to count: every matching contact is added (a new list, for one).
            progress.phase("Adding the contacts to the list", 3, STEPS);
            return new BulkAddResult(listRows.addMembers(listId, MemberSource.MANUAL, condition, clock.instant()), 0, 0);
        }
        BulkAddResult counted = jdbc.queryForObject("""
                select count(*) as matching,
                       count(m.contact_id) as members,
                       sum(case when e.contact_id is not null and m.contact_id is null then 1 else 0 end) as excluded
                from contact c
                left join list_member m on m.list_id = :list and m.contact_id = c.id
                left join list_exclusion e on e.list_id = :list and e.contact_id = c.id
                where %s
                """.formatted(condition.sql()), condition.params().addValue("list", listId),
                (rs, n) -> new BulkAddResult(rs.getLong("matching"), rs.getLong("members"), rs.getLong("excluded")));
        long toAdd = counted.added() - counted.alreadyMembers() - counted.excluded();
        progress.phase("Adding " + String.format(Locale.US, "%,d", toAdd) + " contacts to the list", 3, STEPS);
        int added = listRows.addMembers(listId, MemberSource.MANUAL, condition, clock.instant());
        return new BulkAddResult(added, counted.alreadyMembers(), counted.excluded());
    }

    /** Read with the list's row locked, so no member or exclusion can arrive before the insert. */
    private boolean hasNoMembersOrExclusions(long listId) {
        return Boolean.TRUE.equals(jdbc.queryForObject("""
                select case when exists (select 1 from list_member where list_id = :list)
                    or exists (select 1 from list_exclusion where list_id = :list) then false else true end
                """, new MapSqlParameterSource("list", listId), Boolean.class));
    }
}
