package org.leadcrm.list;

/** What Bulk Edit did: contacts added, already members, and skipped because the list excludes them. */
public record BulkAddResult(long added, long alreadyMembers, long excluded) {
}
