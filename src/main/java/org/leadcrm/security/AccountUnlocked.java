package org.leadcrm.security;

/** Published inside the transaction in which an Administrator lifts every lock of an account. */
public record AccountUnlocked(String username) {
}
