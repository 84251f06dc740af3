package org.leadcrm.base.ui;

import java.util.OptionalLong;
import java.util.regex.Pattern;

/**
 * A count typed to confirm an action: as the page shows it ({@code 1,234,567}, grouped as
 * {@link Counts} writes it) or as plain digits ({@code 1234567}), spaces around it ignored.
 * Anything else is no count at all, so that a slip cannot confirm by accident.
 */
public final class TypedCount {

    private static final Pattern PLAIN = Pattern.compile("[0-9]+");
    private static final Pattern GROUPED = Pattern.compile("[1-9][0-9]{0,2}(,[0-9]{3})+");

    private TypedCount() {
    }

    /** The count typed, or empty if {@code text} is not a whole number written one of those two ways. */
    public static OptionalLong parse(String text) {
        String stripped = text.strip();
        if (!PLAIN.matcher(stripped).matches() && !GROUPED.matcher(stripped).matches()) {
            return OptionalLong.empty();
        }
        try {
            return OptionalLong.of(Long.parseLong(stripped.replace(",", "")));
        } catch (NumberFormatException tooLarge) {
            return OptionalLong.empty();
        }
    }
}
