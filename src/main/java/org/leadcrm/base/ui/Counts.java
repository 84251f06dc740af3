package org.leadcrm.base.ui;

import java.text.NumberFormat;
import java.util.Locale;

/** Numbers and counted nouns as users read them: "1,234 contacts", "1 opportunity". */
public final class Counts {

    private Counts() {
    }

    public static String number(long value) {
        return NumberFormat.getIntegerInstance(Locale.US).format(value);
    }

    public static String of(long count, String singular, String plural) {
        return number(count) + " " + (count == 1 ? singular : plural);
    }
}
