package org.leadcrm.imports;

import java.util.List;

/**
 * What the wizard shows of a file before importing it: the layout it was read with, its header and
 * first rows (each padded or cut to the header's width), the columns matched to fields from their
 * headers, and about how many rows it has.
 *
 * @param detected      the layout guessed from the file itself, whatever {@code layout} is
 * @param validUtf8     whether every byte of the file is valid UTF-8
 * @param estimatedRows the lines after the header (a cell with line breaks makes it an overestimate)
 */
public record ImportPreview(CsvLayout layout, CsvLayout detected, boolean validUtf8, List<String> header,
        List<List<String>> rows, ColumnMapping suggestedMapping, long estimatedRows) {
}
