package org.leadcrm.list;

/** A list created by Bulk Edit, and what was added to it. */
public record NewListResult(long listId, BulkAddResult result) {
}
