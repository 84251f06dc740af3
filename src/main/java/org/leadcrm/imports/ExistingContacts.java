package org.leadcrm.imports;

/** What an import does with a row whose e-mail address a contact already has (in any case). */
public enum ExistingContacts {
    /** Leaves the contact as it is. */
    SKIP,
    /** Writes the row's non-blank cells over the contact's fields; blank cells never erase anything. */
    UPDATE
}
