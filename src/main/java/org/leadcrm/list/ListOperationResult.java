package org.leadcrm.list;

/**
 * What one of a list's Options did.
 *
 * @param contactsRemoved      memberships removed (Remove All) or contacts deleted (permanent deletes)
 * @param syncedKept           synced members kept (permanent deletes)
 * @param opportunitiesDeleted opportunities deleted with their only lead
 * @param exclusionsRemoved    exclusions cleared
 */
public record ListOperationResult(long contactsRemoved, long syncedKept, long opportunitiesDeleted, long exclusionsRemoved) {
}
