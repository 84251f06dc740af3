package org.leadcrm.deletion;

/**
 * What deleting a Contact Manager selection would do, and a checksum of the contacts it was counted
 * on (the sum of their ids): the confirmation hands it back, so that the delete goes ahead only on
 * the contacts the user saw. The same number of other contacts (one left the filter, another came
 * in) is refused, as a list's membership version refuses a swap.
 */
public record SelectionDeletionPreview(DeletionPreview preview, long checksum) {
}
