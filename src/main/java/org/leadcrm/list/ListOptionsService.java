package org.leadcrm.list;

import org.leadcrm.audit.AuditEvent;
import org.leadcrm.audit.AuditOperation;
import org.leadcrm.audit.AuditService;
import org.leadcrm.base.BulkWorkLock;
import org.leadcrm.base.ProgressListener;
import org.leadcrm.deletion.ContactDeletion;
import org.leadcrm.deletion.ContactSelection;
import org.leadcrm.deletion.DeletionResult;
import org.leadcrm.security.Role;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The five items of a list's Options menu (PRODUCT.md, "A list's Options menu"). Each is one
 * transaction of set-based statements that takes the bulk-work lock, then locks the list, writes
 * its audit entry before it commits, and so either happens whole or not at all.
 */
@Service
@PreAuthorize(Role.Can.DELETE_CONTACTS)
public class ListOptionsService {

    private final ListRows listRows;
    private final ContactDeletion deletion;
    private final BulkWorkLock bulkWorkLock;
    private final AuditService audit;
    private final NamedParameterJdbcTemplate jdbc;

    ListOptionsService(ListRows listRows, ContactDeletion deletion, BulkWorkLock bulkWorkLock, AuditService audit,
            NamedParameterJdbcTemplate jdbc) {
        this.listRows = listRows;
        this.deletion = deletion;
        this.bulkWorkLock = bulkWorkLock;
        this.audit = audit;
        this.jdbc = jdbc;
    }

    /**
     * What a permanent delete of this list's contacts would do, for its confirmation, with the
     * membership version it was counted on. The version is read first: a change that commits
     * while the counts are read makes the confirmation stale, never the other way round.
     */
    @Transactional(readOnly = true)
    public ListDeletionPreview previewDeletion(long listId) {
        long version = listRows.memberVersion(listId);
        return new ListDeletionPreview(deletion.preview(ContactSelection.membersOf(listId)), version);
    }

    /**
     * Remove All Contacts: every member leaves the list; its exclusions are cleared too unless
     * {@code keepExclusions}. No contact is deleted.
     */
    @Transactional
    public ListOperationResult removeAllContacts(long listId, boolean keepExclusions, ProgressListener progress) {
        int steps = keepExclusions ? 2 : 3;
        progress.phase("Locking the list", 1, steps);
        bulkWorkLock.acquire(progress);
        ContactList list = listRows.lock(listId);
        MapSqlParameterSource params = new MapSqlParameterSource("list", listId);
        progress.phase("Removing the members", 2, steps);
        listRows.membersChanged(listId);
        int removed = jdbc.update("delete from list_member where list_id = :list", params);
        int exclusions = 0;
        if (!keepExclusions) {
            progress.phase("Clearing the exclusions", 3, steps);
            exclusions = jdbc.update("delete from list_exclusion where list_id = :list", params);
        }
        ListOperationResult result = ListOperationResult.membersRemoved(removed, exclusions);
        record(keepExclusions ? AuditOperation.REMOVE_ALL_CONTACTS_KEEP_EXCLUSIONS : AuditOperation.REMOVE_ALL_CONTACTS,
                list, result);
        return result;
    }

    /**
     * Permanently Delete All Contacts (and, with {@code alsoDeleteList}, the list). The membership
     * version and the count the user confirmed are checked against the list inside this
     * transaction, with the list locked: if either differs, nothing is deleted.
     */
    @Transactional
    public ListOperationResult deleteAllContacts(long listId, long confirmedCount, long confirmedVersion,
            boolean alsoDeleteList, ProgressListener progress) {
        int steps = 1 + ContactDeletion.STEPS + (alsoDeleteList ? 1 : 0);
        progress.phase("Locking the list and counting its members again", 1, steps);
        bulkWorkLock.acquire(progress);
        ContactList list = listRows.lock(listId);
        Long members = jdbc.queryForObject("select count(*) from list_member where list_id = :list",
                new MapSqlParameterSource("list", listId), Long.class);
        long memberCount = members == null ? 0 : members;
        if (memberCount != confirmedCount || listRows.memberVersion(listId) != confirmedVersion) {
            throw new ListChangedException(memberCount);
        }
        DeletionResult deleted = deletion.delete(ContactSelection.membersOf(listId), progress, 2, steps);
        long exclusions = 0;
        if (alsoDeleteList) {
            progress.phase("Deleting the list", steps, steps);
            exclusions = listRows.delete(listId).exclusionsRemoved();
        }
        ListOperationResult result = ListOperationResult.deleted(deleted, alsoDeleteList, exclusions);
        record(alsoDeleteList ? AuditOperation.DELETE_ALL_CONTACTS_AND_LIST : AuditOperation.DELETE_ALL_CONTACTS,
                list, result);
        return result;
    }

    /** Delete List: the list, its memberships and its exclusions go; every contact stays. */
    @Transactional
    public ListOperationResult deleteList(long listId, ProgressListener progress) {
        progress.phase("Locking the list", 1, 2);
        bulkWorkLock.acquire(progress);
        ContactList list = listRows.lock(listId);
        progress.phase("Deleting the list", 2, 2);
        ListOperationResult result = listRows.delete(listId);
        record(AuditOperation.DELETE_LIST, list, result);
        return result;
    }

    private void record(AuditOperation operation, ContactList list, ListOperationResult result) {
        long contactsAffected = result.contactsDeleted() > 0 ? result.contactsDeleted() : result.membersRemoved();
        audit.record(new AuditEvent(operation, list.getId(), list.getName(), contactsAffected,
                result.syncedKept(), result.opportunitiesDeleted(), result.exclusionsRemoved()));
    }
}
