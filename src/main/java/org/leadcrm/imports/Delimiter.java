package org.leadcrm.imports;

import java.util.Arrays;
import java.util.Optional;

/** What separates the cells of a row: a comma, a semicolon (European Excel) or a tab. */
public enum Delimiter {
    COMMA(',', "Comma ( , )"),
    SEMICOLON(';', "Semicolon ( ; )"),
    TAB('\t', "Tab");

    private final char character;
    private final String label;

    Delimiter(char character, String label) {
        this.character = character;
        this.label = label;
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
