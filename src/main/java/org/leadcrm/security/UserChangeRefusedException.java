package org.leadcrm.security;

import org.leadcrm.base.UserFacingException;

/**
 * A change to a user that the rules refuse, with the reason for the user and the field of the
 * form it is about, so that a dialog can show it there.
 */
public class UserChangeRefusedException extends UserFacingException {

    /** What the reason is about. */
    public enum Field {
        USERNAME, DISPLAY_NAME, ROLE, PASSWORD, CURRENT_PASSWORD,
        /** The account as a whole: nothing to correct in the form. */
        ACCOUNT
    }

    private final Field field;

    UserChangeRefusedException(Field field, String message) {
        super(message);
        this.field = field;
    }

    public Field field() {
        return field;
    }
}
