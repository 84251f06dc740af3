package org.leadcrm.deletion;

/** What a deletion did. */
public record DeletionResult(long contactsDeleted, long syncedKept, long opportunitiesDeleted) {
}
