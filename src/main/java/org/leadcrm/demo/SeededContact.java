package org.leadcrm.demo;

import org.leadcrm.contact.ContactStatus;

/** What the opportunities of the demo data need to know of a contact once it is stored. */
record SeededContact(long id, String company, long ownerId, ContactStatus status) {
}
