package org.leadcrm.list;

/**
 * What removing selected members from a list did.
 *
 * @param removed  members that left the list (every contact stays in LeadCRM)
 * @param excluded of those, excluded from it as well
 */
public record MembersRemovedResult(long removed, long excluded) {
}
