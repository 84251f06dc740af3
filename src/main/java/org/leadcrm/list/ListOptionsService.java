package org.leadcrm.list;

import org.leadcrm.audit.AuditEvent;
import org.leadcrm.audit.AuditOperation;
import org.leadcrm.audit.AuditService;
import org.leadcrm.base.UserFacingException;
import org.leadcrm.deletion.ContactDeletion;
import org.leadcrm.deletion.ContactSelection;
import org.leadcrm.deletion.DeletionPreview;
import org.leadcrm.deletion.DeletionResult;
import org.leadcrm.base.ProgressListener;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The five items of a list's Options menu (PRODUCT.md, "A list's Options menu"). Each is one
 * transaction of set-based statements that starts by locking the list, writes its audit entry
 * before it commits, and so either happens whole or not at all.
 */
@Service
@PreAuthorize(org.leadcrm.security.Role.Can.DELETE_CONTACTS)
public class ListOptionsService {

    private final ContactListRepository lists;
    private final ContactDeletion deletion;
    private final AuditService audit;
    private final NamedParameterJdbcTemplate jdbc;

    ListOptionsService(ContactListRepository lists, ContactDeletion deletion, AuditService audit, NamedParameterJdbcTemplate jdbc) {
        this.lists = lists;
        this.deletion = deletion;
        this.audit = audit;
        this.jdbc = jdbc;
    }

    /** What a permanent delete of this list's contacts would do, for its confirmation. */
    @Transactional(readOnly = true)
    public DeletionPreview previewDeletion(long listId) {
        if (!lists.existsById(listId)) {
            throw new ListNotFoundException();
        }
        return deletion.preview(ContactSelection.membersOf(listId));
    }

    /**
     * Remove All Contacts: every member leaves the list; its exclusions are cleared too unless
     * {@code keepExclusions}. No contact is deleted.
     */
    @Transactional
    public ListOperationResult removeAllContacts(long listId, boolean keepExclusions, ProgressListener progress) {
        int steps = keepExclusions ? 2 : 3;
        progress.phase("Locking the list", 1, steps);
        ContactList list = lock(listId);
        MapSqlParameterSource params = new MapSqlParameterSource("list", listId);
        progress.phase("Removing the members", 2, steps);
        int removed = jdbc.update("delete from list_member where list_id = :list", params);
        int exclusions = 0;
        if (!keepExclusions) {
            progress.phase("Clearing the exclusions", 3, steps);
            exclusions = jdbc.update("delete from list_exclusion where list_id = :list", params);
        }
        ListOperationResult result = new ListOperationResult(removed, 0, 0, exclusions);
        record(keepExclusions ? AuditOperation.REMOVE_ALL_CONTACTS_KEEP_EXCLUSIONS : AuditOperation.REMOVE_ALL_CONTACTS,
                list, result);
        return result;
    }

    /**
     * Permanently Delete All Contacts (and, with {@code alsoDeleteList}, the list). The count the
     * user typed is checked against the member count inside this transaction, with the list
     * locked: if they differ, nothing is deleted.
     */
    @Transactional
    public ListOperationResult deleteAllContacts(long listId, long confirmedCount, boolean alsoDeleteList,
            ProgressListener progress) {
        int steps = 1 + 6 + (alsoDeleteList ? 1 : 0);
        progress.phase("Locking the list and counting its members again", 1, steps);
        ContactList list = lock(listId);
        Long members = jdbc.queryForObject("select count(*) from list_member where list_id = :list",
                new MapSqlParameterSource("list", listId), Long.class);
        if (members == null || members != confirmedCount) {
            throw new ListChangedException(members == null ? 0 : members);
        }
        DeletionResult deleted = deletion.delete(ContactSelection.membersOf(listId), progress, 2, steps);
        long exclusions = 0;
        if (alsoDeleteList) {
            progress.phase("Deleting the list", steps, steps);
            exclusions = deleteListRows(listId).exclusionsRemoved();
        }
        ListOperationResult result = new ListOperationResult(deleted.contactsDeleted(), deleted.syncedKept(),
                deleted.opportunitiesDeleted(), exclusions);
        record(alsoDeleteList ? AuditOperation.DELETE_ALL_CONTACTS_AND_LIST : AuditOperation.DELETE_ALL_CONTACTS,
                list, result);
        return result;
    }

    /** Delete List: the list, its memberships and its exclusions go; every contact stays. */
    @Transactional
    public ListOperationResult deleteList(long listId, ProgressListener progress) {
        progress.phase("Locking the list", 1, 2);
        ContactList list = lock(listId);
        progress.phase("Deleting the list", 2, 2);
        ListOperationResult result = deleteListRows(listId);
        record(AuditOperation.DELETE_LIST, list, result);
        return result;
    }

    private ContactList lock(long listId) {
        return lists.lockById(listId).orElseThrow(ListNotFoundException::new);
    }

    private ListOperationResult deleteListRows(long listId) {
        MapSqlParameterSource params = new MapSqlParameterSource("list", listId);
        int members = jdbc.update("delete from list_member where list_id = :list", params);
        int exclusions = jdbc.update("delete from list_exclusion where list_id = :list", params);
        if (jdbc.update("delete from contact_list where id = :list", params) != 1) {
            throw new UserFacingException("The list could not be deleted. Nothing was changed.");
        }
        return new ListOperationResult(members, 0, 0, exclusions);
    }

    private void record(AuditOperation operation, ContactList list, ListOperationResult result) {
        audit.record(new AuditEvent(operation, list.getId(), list.getName(), result.contactsRemoved(),
                result.syncedKept(), result.opportunitiesDeleted(), result.exclusionsRemoved()));
    }
}
