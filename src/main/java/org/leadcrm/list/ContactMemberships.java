package org.leadcrm.list;

import java.util.List;

/** The lists one contact is on and the lists that exclude it, by name, for the contact's page. */
public record ContactMemberships(List<ListChoice> memberOf, List<ListChoice> excludedFrom) {

    public static final ContactMemberships NONE = new ContactMemberships(List.of(), List.of());
}
