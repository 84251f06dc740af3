package org.leadcrm.opportunity;

import org.leadcrm.base.UserFacingException;

/** A save made from a version of the opportunity that someone else has changed since. */
public class StaleOpportunityException extends UserFacingException {

    public StaleOpportunityException() {
        super("This opportunity was changed by someone else since you opened it — reload to see their changes. "
                + "Nothing was saved.");
    }
}
