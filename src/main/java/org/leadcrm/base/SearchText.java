package org.leadcrm.base;

import java.util.Locale;
import org.springframework.lang.Nullable;

/**
 * The limit on what users type into a search field. Searches are LIKE patterns on indexed
 * columns: no one types more than a name or the start of an e-mail address, and the limit keeps
 * pasted pages of text out of the database's pattern matching.
 */
public final class SearchText {

    public static final int MAX_LENGTH = 100;

    private SearchText() {
    }

    /** Refuses search text longer than {@link #MAX_LENGTH}, spaces around it not counted. */
    public static void requireWithinLimit(@Nullable String search) {
        if (search != null && search.strip().length() > MAX_LENGTH) {
            throw new UserFacingException("Search text is too long: at most " + MAX_LENGTH + " characters.");
        }
    }

    /**
     * What was typed, in lower case with LIKE's wildcards and escape character escaped (for
     * {@code like … escape '\'}), so that "100%" looks for a percent sign, not for anything.
     */
    public static String escapedForLike(String typed) {
        return typed.strip().toLowerCase(Locale.ROOT).replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
