package org.leadcrm.imports;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.leadcrm.imports.CsvSource.SourceRecord;

/**
 * The rejected rows of an import as a CSV for the user to fix and import again: the line of the
 * original file, the reason, and the row's cells as they were. Written in one pass over the original
 * file alongside the rejected lines in the order of the file, so its size does not matter. UTF-8
 * with a byte order mark and comma-separated, as Excel opens it on a double click.
 */
final class RejectedRowsFile implements AutoCloseable {

    private final Path path;
    private final CsvSource source;
    private final CSVPrinter printer;

    private RejectedRowsFile(Path path, CsvSource source, CSVPrinter printer) {
        this.path = path;
        this.source = source;
        this.printer = printer;
    }

    /** Starts the file, with the original header after the line and reason columns. */
    static RejectedRowsFile start(Path original, CsvLayout layout) throws IOException {
        Path path = Files.createTempFile("leadcrm-rejected-rows-", ".csv");
        path.toFile().deleteOnExit();
        CsvSource source = null;
        try {
            source = CsvSource.open(original, layout);
            SourceRecord header = source.next();
            BufferedWriter writer = Files.newBufferedWriter(path, StandardCharsets.UTF_8);
            writer.write('\uFEFF');
            CSVPrinter printer = new CSVPrinter(writer, CSVFormat.EXCEL);
            List<String> columns = new ArrayList<>(List.of("Line", "Reason"));
            if (header != null) {
                columns.addAll(header.cells());
            }
            printer.printRecord(columns);
            return new RejectedRowsFile(path, source, printer);
        } catch (IOException | RuntimeException e) {
            if (source != null) {
                source.close();
            }
            Files.deleteIfExists(path);
            throw e;
        }
    }

    /** Adds the rejected row that starts on {@code line}; lines come in increasing order. */
    void add(long line, String reason) {
        try {
            SourceRecord record;
            do {
                record = source.next();
            } while (record != null && record.line() < line);
            List<String> cells = new ArrayList<>();
            cells.add(String.valueOf(line));
            cells.add(reason);
            if (record != null && record.line() == line) {
                cells.addAll(record.cells());
            }
            printer.printRecord(cells);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Path path() {
        return path;
    }

    @Override
    public void close() throws IOException {
        try {
            printer.close(true);
        } finally {
            source.close();
        }
    }
}
