package org.leadcrm.list;

import org.springframework.lang.Nullable;

/** A list with its rules, for its page and its edit form. */
public record ListDetails(long id, String name, @Nullable String description, boolean manual, ListRules rules) {
}
