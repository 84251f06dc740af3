package org.leadcrm.imports;

/** Everything the wizard decided about a file: how to read it, what its columns are, and what to do. */
public record ImportRequest(CsvLayout layout, ColumnMapping mapping, ImportOptions options) {
}
