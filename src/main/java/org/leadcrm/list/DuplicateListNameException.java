package org.leadcrm.list;

import org.leadcrm.base.UserFacingException;

public class DuplicateListNameException extends UserFacingException {

    public DuplicateListNameException(String name) {
        super("A list named \"" + name.strip() + "\" already exists. Choose another name.");
    }
}
