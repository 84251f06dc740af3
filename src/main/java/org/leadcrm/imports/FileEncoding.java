package org.leadcrm.imports;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

/** The encodings an imported file may have: what spreadsheets write, UTF-8 or Windows' Western European. */
public enum FileEncoding {
    UTF_8("UTF-8", StandardCharsets.UTF_8),
    WINDOWS_1252("Windows-1252 (Western European, older Excel)", Charset.forName("windows-1252"));

    private final String label;
    private final Charset charset;

    FileEncoding(String label, Charset charset) {
        this.label = label;
        this.charset = charset;
    }

    public String label() {
        return label;
    }

    public Charset charset() {
        return charset;
    }
}
