package org.leadcrm.list;

import org.leadcrm.deletion.DeletionPreview;

/**
 * What a permanent delete of a list's contacts would do, and the membership version of the list
 * it was counted on: the confirmation hands the version back, so that the delete goes ahead only
 * on the very list the user saw.
 */
public record ListDeletionPreview(DeletionPreview preview, long memberVersion) {
}
