package org.leadcrm.export;

import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/** The name of an export's file: the list's name, or "contacts", and the day, as in "Spring webinar 2026-12-01.csv". */
public final class ExportFileName {

    private ExportFileName() {
    }

    public static String of(@Nullable String listName, LocalDate day) {
        String name = listName == null ? "" : safe(listName);
        return (name.isEmpty() ? "contacts" : name) + " " + day + ".csv";
    }

    /**
     * The characters Windows refuses in a file name (the strictest of the usual systems) and control
     * characters become "_"; dots and spaces at either end go, as Windows drops them and a leading
     * dot hides a file elsewhere.
     */
    private static String safe(String name) {
        return name.strip().replaceAll("[\\\\/:*?\"<>|\\p{Cntrl}]", "_").replaceAll("^[.\\s]+|[.\\s]+$", "");
    }
}
