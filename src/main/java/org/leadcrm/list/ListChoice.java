package org.leadcrm.list;

/** A list in a picker. */
public record ListChoice(long id, String name, boolean manual) {
}
