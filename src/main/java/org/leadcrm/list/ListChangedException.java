package org.leadcrm.list;

import org.leadcrm.base.UserFacingException;

/** The list's member count changed between the confirmation and the deletion: nothing was deleted. */
public class ListChangedException extends UserFacingException {

    private final long actualCount;

    public ListChangedException(long actualCount) {
        super("This list changed while you were confirming: it now has " + actualCount
                + " contacts. Nothing was deleted.");
        this.actualCount = actualCount;
    }

    public long actualCount() {
        return actualCount;
    }
}
