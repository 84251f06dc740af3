package org.leadcrm.list;

import org.leadcrm.base.UserFacingException;

public class ListNotFoundException extends UserFacingException {

    public ListNotFoundException() {
        super("This list no longer exists. Someone may have deleted it.");
    }
}
