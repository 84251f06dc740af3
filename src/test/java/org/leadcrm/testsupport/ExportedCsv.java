package org.leadcrm.testsupport;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * An exported CSV file read back with Commons CSV, as a spreadsheet would read it: the byte-order
 * mark first (required), then the header and the rows.
 */
public record ExportedCsv(List<String> header, List<Map<String, String>> rows) {

    private static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

    public static ExportedCsv read(byte[] file) {
        if (file.length < BOM.length || !Arrays.equals(Arrays.copyOf(file, BOM.length), BOM)) {
            throw new AssertionError("The file does not start with UTF-8's byte-order mark");
        }
        String text = new String(file, BOM.length, file.length - BOM.length, StandardCharsets.UTF_8);
        CSVFormat format = CSVFormat.EXCEL.builder().setHeader().setSkipHeaderRecord(true).get();
        try (CSVParser parser = format.parse(new StringReader(text))) {
            List<Map<String, String>> rows = parser.getRecords().stream().map(CSVRecord::toMap).toList();
            return new ExportedCsv(parser.getHeaderNames(), rows);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The cells of one column, row by row. */
    public List<String> column(String name) {
        return rows.stream().map(row -> row.get(name)).toList();
    }
}
