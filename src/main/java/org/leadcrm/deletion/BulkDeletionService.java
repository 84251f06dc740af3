package org.leadcrm.deletion;

import org.leadcrm.audit.AuditEvent;
import org.leadcrm.audit.AuditService;
import org.leadcrm.base.BulkWorkLock;
import org.leadcrm.base.ProgressListener;
import org.leadcrm.contact.BulkSelection;
import org.leadcrm.contact.ContactCondition;
import org.leadcrm.contact.ContactService;
import org.leadcrm.security.Role;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Deleting the contacts selected in the Contact Manager, some ticked rows or all matching a filter
 * (PRODUCT.md, "Beyond the seed"), through the same deletion core and with the same count-match
 * confirmation as a list's permanent delete: the selection is counted again inside the deleting
 * transaction, with the bulk-work lock held and the same visibility rules, and nothing is deleted
 * if it is not what the user confirmed.
 */
@Service
@PreAuthorize(Role.Can.DELETE_CONTACTS)
public class BulkDeletionService {

    /** The number of phases {@link #deleteSelected} reports. */
    public static final int STEPS = 1 + ContactDeletion.STEPS;

    private final ContactDeletion deletion;
    private final ContactService contacts;
    private final BulkWorkLock bulkWorkLock;
    private final AuditService audit;
    private final NamedParameterJdbcTemplate jdbc;

    BulkDeletionService(ContactDeletion deletion, ContactService contacts, BulkWorkLock bulkWorkLock, AuditService audit,
            NamedParameterJdbcTemplate jdbc) {
        this.deletion = deletion;
        this.contacts = contacts;
        this.bulkWorkLock = bulkWorkLock;
        this.audit = audit;
        this.jdbc = jdbc;
    }

    /**
     * What deleting the selection would do, for its confirmation, with the checksum it was counted
     * on. The checksum is read first: a change that commits while the counts are read makes the
     * confirmation stale, never the other way round.
     */
    @Transactional(readOnly = true)
    public SelectionDeletionPreview previewDeletion(BulkSelection selection) {
        ContactCondition condition = contacts.selectionCondition(selection);
        long checksum = count(condition).checksum();
        return new SelectionDeletionPreview(deletion.preview(ContactSelection.matching(condition)), checksum);
    }

    /**
     * Deletes the non-synced contacts of the selection, with all that hangs on them. The selection
     * is counted again, with the bulk-work lock held: if the number differs from
     * {@code confirmedCount}, or the contacts from those the checksum was taken on, nothing is
     * deleted.
     *
     * @throws SelectionChangedException if the selection is not what the user confirmed
     */
    @Transactional
    public DeletionResult deleteSelected(BulkSelection selection, long confirmedCount, long confirmedChecksum,
            ProgressListener progress) {
        progress.phase("Counting the selected contacts again", 1, STEPS);
        bulkWorkLock.acquire(progress);
        ContactCondition condition = contacts.selectionCondition(selection);
        Counted now = count(condition);
        if (now.count() != confirmedCount || now.checksum() != confirmedChecksum) {
            throw new SelectionChangedException(now.count());
        }
        DeletionResult result = deletion.delete(ContactSelection.matching(condition), progress, 2, STEPS);
        audit.record(AuditEvent.contactsDeleted(describe(selection), result.contactsDeleted(), result.syncedKept(),
                result.opportunitiesDeleted()));
        return result;
    }

    /** The selection for the audit log: the filter's fields, or how many rows were ticked. */
    private String describe(BulkSelection selection) {
        if (selection instanceof BulkSelection.Matching matching) {
            return "all matching: " + contacts.describe(matching.filter());
        }
        int ticked = ((BulkSelection.Selected) selection).contactIds().size();
        return ticked + (ticked == 1 ? " ticked row" : " ticked rows");
    }

    /** The number of selected contacts and the sum of their ids, in one statement so that they agree. */
    private Counted count(ContactCondition condition) {
        return jdbc.queryForObject("select count(*), coalesce(sum(c.id), 0) from contact c where " + condition.sql(),
                condition.params(), (rs, n) -> new Counted(rs.getLong(1), rs.getLong(2)));
    }

    private record Counted(long count, long checksum) {
    }
}
