package org.leadcrm.contact;

import org.leadcrm.base.UserFacingException;

public class DuplicateEmailException extends UserFacingException {

    public DuplicateEmailException(String email) {
        super("A contact with the e-mail address " + email + " already exists.");
    }
}
