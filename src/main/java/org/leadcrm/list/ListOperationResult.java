package org.leadcrm.list;

import org.leadcrm.deletion.DeletionResult;

/**
 * What one of a list's Options did.
 *
 * @param membersRemoved       contacts that left the list and stay in LeadCRM
 * @param contactsDeleted      contacts deleted from the whole system (permanent deletes)
 * @param syncedKept           synced members a permanent delete kept
 * @param opportunitiesDeleted opportunities deleted with their only lead
 * @param exclusionsRemoved    exclusions cleared
 */
public record ListOperationResult(long membersRemoved, long contactsDeleted, long syncedKept, long opportunitiesDeleted,
        long exclusionsRemoved) {

    /** Contacts left the list (Remove All, Delete List); none was deleted. */
    static ListOperationResult membersRemoved(long members, long exclusions) {
        return new ListOperationResult(members, 0, 0, 0, exclusions);
    }

    /**
     * A permanent delete; with {@code listDeleted}, its synced members left the list with it
     * (and stay in LeadCRM).
     */
    static ListOperationResult deleted(DeletionResult deletion, boolean listDeleted, long exclusionsRemoved) {
        return new ListOperationResult(listDeleted ? deletion.syncedKept() : 0, deletion.contactsDeleted(),
                deletion.syncedKept(), deletion.opportunitiesDeleted(), exclusionsRemoved);
    }
}
