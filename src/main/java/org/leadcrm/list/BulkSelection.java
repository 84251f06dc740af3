package org.leadcrm.list;

import java.util.Set;
import org.leadcrm.contact.ContactFilter;

/** The contacts a Bulk Edit acts on: the rows the user ticked, or all matching a filter. */
public sealed interface BulkSelection {

    /** More ticked rows than this are refused: "all matching the filter" is the way for many. */
    int MAX_SELECTED = 10_000;

    record Selected(Set<Long> contactIds) implements BulkSelection {
        public Selected {
            contactIds = Set.copyOf(contactIds);
        }
    }

    record Matching(ContactFilter filter) implements BulkSelection {
    }

    static BulkSelection of(Set<Long> contactIds) {
        return new Selected(contactIds);
    }

    static BulkSelection matching(ContactFilter filter) {
        return new Matching(filter);
    }
}
