package org.leadcrm.imports;

import java.util.Arrays;
import java.util.Optional;

/** What separates the cells of a row: a comma, a semicolon (European Excel) or a tab. */
public enum Delimiter {
    COMMA(',', "Comma ( , )", "separated by commas"),
    SEMICOLON(';', "Semicolon ( ; )", "separated by semicolons"),
    TAB('\t', "Tab", "separated by tabs");

    private final char character;
    private final String label;
    private final String description;

    Delimiter(char character, String label, String description) {
        this.character = character;
        this.label = label;
        this.description = description;
    }

    /** "separated by semicolons" */
    public String description() {
        return description;
    }

    public char character() {
        return character;
    }

    public String label() {
        return label;
    }

    static Optional<Delimiter> of(char character) {
        return Arrays.stream(values()).filter(d -> d.character == character).findFirst();
    }
}
