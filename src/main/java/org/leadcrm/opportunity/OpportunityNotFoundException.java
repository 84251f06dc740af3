package org.leadcrm.opportunity;

import org.leadcrm.base.UserFacingException;

/** An opportunity that does not exist (any more), or that the current user may not see. */
public class OpportunityNotFoundException extends UserFacingException {

    public OpportunityNotFoundException() {
        super("This opportunity no longer exists, or you may not see it.");
    }
}
