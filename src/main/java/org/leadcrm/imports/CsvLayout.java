package org.leadcrm.imports;

/** How a file's bytes become rows: its encoding and its delimiter, detected or chosen by the user. */
public record CsvLayout(FileEncoding encoding, Delimiter delimiter) {
}
