package org.leadcrm.contact;

import java.util.Set;

/**
 * The contacts a bulk action acts on: the rows the user ticked, or all matching a filter. Bulk Edit,
 * deleting from the Contact Manager and removing members from a list all take one; the SQL it
 * stands for comes from {@link ContactService#selectionCondition}, within what the user may see.
 */
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
