package org.leadcrm.security;

/** What other features need to know of a user: to show an owner or pick one. */
public record UserSummary(long id, String username, String displayName, Role role) {
}
