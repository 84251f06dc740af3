package org.leadcrm.list;

/** What refreshing a rule-based list did. */
public record RebuildResult(long added, long removed) {
}
