package org.leadcrm.deletion;

import java.util.Locale;
import org.leadcrm.base.UserFacingException;

/** The selected contacts changed between the confirmation and the deletion: nothing was deleted. */
public class SelectionChangedException extends UserFacingException {

    private final long actualCount;

    public SelectionChangedException(long actualCount) {
        super(String.format(Locale.US, "The contacts selected changed while you were confirming — look again. "
                + "%,d now %s. Nothing was deleted.", actualCount, actualCount == 1 ? "matches" : "match"));
        this.actualCount = actualCount;
    }

    public long actualCount() {
        return actualCount;
    }
}
