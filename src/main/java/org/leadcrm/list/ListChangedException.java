package org.leadcrm.list;

import org.leadcrm.base.UserFacingException;

/**
 * The list's members changed between the confirmation and the deletion (other members, or another
 * number of them): nothing was deleted.
 */
public class ListChangedException extends UserFacingException {

    private final long actualCount;

    public ListChangedException(long actualCount) {
        super("The list changed while you were confirming — look again. It now has " + actualCount
                + " contacts. Nothing was deleted.");
        this.actualCount = actualCount;
    }

    public long actualCount() {
        return actualCount;
    }
}
