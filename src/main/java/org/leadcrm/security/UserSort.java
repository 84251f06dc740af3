package org.leadcrm.security;

/** The columns the Users page can be sorted by. */
public enum UserSort {
    USERNAME, NAME, ROLE, ACTIVE, LAST_SIGN_IN
}
