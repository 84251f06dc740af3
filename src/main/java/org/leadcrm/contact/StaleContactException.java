package org.leadcrm.contact;

import org.leadcrm.base.UserFacingException;

/** A save made from a version of the contact that someone else has changed since. */
public class StaleContactException extends UserFacingException {

    public StaleContactException() {
        super("This contact was changed by someone else since you opened it — reload to see their changes. "
                + "Nothing was saved.");
    }
}
