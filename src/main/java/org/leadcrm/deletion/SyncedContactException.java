package org.leadcrm.deletion;

import org.leadcrm.base.UserFacingException;
import org.leadcrm.contact.CrmSystem;

/** A third-party CRM owns this contact: it can only be deleted there. */
public class SyncedContactException extends UserFacingException {

    public SyncedContactException(CrmSystem crmSystem) {
        super("Synced with " + crmSystem.label() + " — delete it there.");
    }
}
