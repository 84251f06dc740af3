package org.leadcrm.contact;

import org.leadcrm.base.UserFacingException;

/** A contact that does not exist (any more), or that the current user may not see: the two are not told apart. */
public class ContactNotFoundException extends UserFacingException {

    public ContactNotFoundException() {
        super("This contact no longer exists, or you may not see it.");
    }
}
