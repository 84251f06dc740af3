package org.leadcrm.imports;

import java.io.BufferedInputStream;
import java.io.BufferedReader;
import java.io.FilterReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.leadcrm.base.UserFacingException;
import org.springframework.lang.Nullable;

/**
 * The records of a CSV file, each with the line of the file it starts on, read one at a time (a
 * file of any size costs the memory of one record). A UTF-8 byte order mark and a leading
 * {@code sep=;} line (Excel's hint) are skipped; quoted cells may hold delimiters, quotes and line
 * breaks. Anything that stops the file from being read further is a {@link UserFacingException}
 * naming the line.
 */
final class CsvSource implements AutoCloseable {

    /** A record longer than this is taken for a quote that is never closed, not for data. */
    static final int MAX_RECORD_CHARS = 1_000_000;

    private static final Pattern SEP_LINE = Pattern.compile(" *\"?sep=(.)\"?[,;\\t ]*", Pattern.CASE_INSENSITIVE);
    private static final int BUFFER = 1 << 16;
    /** What the decoder makes of bytes that are not UTF-8. */
    private static final char NOT_UTF8 = '\uFFFD';

    private final CSVParser parser;
    private final Iterator<CSVRecord> records;
    private final GuardedReader guard;
    private final FileEncoding encoding;
    private final int skippedLines;
    private long lastLine;

    private CsvSource(CSVParser parser, GuardedReader guard, FileEncoding encoding, int skippedLines) {
        this.parser = parser;
        this.records = parser.iterator();
        this.guard = guard;
        this.encoding = encoding;
        this.skippedLines = skippedLines;
        this.lastLine = skippedLines;
    }

    /** A record and the line of the file it starts on (from 1, counting a {@code sep=} line). */
    record SourceRecord(long line, List<String> cells) {
    }

    static CsvSource open(Path file, CsvLayout layout) throws IOException {
        InputStream in = new BufferedInputStream(Files.newInputStream(file), BUFFER);
        try {
            skipUtf8ByteOrderMark(in);
            // Bytes that UTF-8 does not allow become U+FFFD, and the record holding one is refused in next(): a
            // decoder that reported them would do so a buffer ahead of the record, naming the wrong line.
            CharsetDecoder decoder = layout.encoding().charset().newDecoder()
                    .onMalformedInput(CodingErrorAction.REPLACE)
                    .onUnmappableCharacter(CodingErrorAction.REPLACE);
            BufferedReader text = new BufferedReader(new InputStreamReader(in, decoder), BUFFER);
            int skipped = sepLine(text).isPresent() ? 1 : 0;
            GuardedReader guard = new GuardedReader(text);
            CSVFormat format = CSVFormat.DEFAULT.builder()
                    .setDelimiter(layout.delimiter().character())
                    // Blank lines come back as records, so that every line is counted; they are skipped here.
                    .setIgnoreEmptyLines(false)
                    // "abc"def reads as abcdef, as spreadsheets read it.
                    .setTrailingData(true)
                    .get();
            return new CsvSource(CSVParser.builder().setReader(guard).setFormat(format).get(), guard, layout.encoding(),
                    skipped);
        } catch (IOException | RuntimeException e) {
            in.close();
            throw e;
        }
    }

    /**
     * The delimiter a leading {@code sep=} line names, if the text starts with one; the line is then
     * consumed, otherwise nothing is.
     */
    static Optional<Character> sepLine(BufferedReader text) throws IOException {
        text.mark(80);
        StringBuilder line = new StringBuilder();
        int c;
        while ((c = text.read()) != -1 && c != '\n' && c != '\r' && line.length() < 40) {
            line.append((char) c);
        }
        Matcher sep = SEP_LINE.matcher(line);
        if ((c == '\n' || c == '\r' || c == -1) && sep.matches()) {
            if (c == '\r') {
                text.mark(1);
                if (text.read() != '\n') {
                    text.reset();
                }
            }
            return Optional.of(sep.group(1).charAt(0));
        }
        text.reset();
        return Optional.empty();
    }

    static void skipUtf8ByteOrderMark(InputStream in) throws IOException {
        in.mark(3);
        if (!(in.read() == 0xEF && in.read() == 0xBB && in.read() == 0xBF)) {
            in.reset();
        }
    }

    /** Lines before the header that are not data: 1 after a {@code sep=} line, otherwise 0. */
    int skippedLines() {
        return skippedLines;
    }

    /** The next record that is not a blank line, or null at the end of the file. */
    @Nullable
    SourceRecord next() {
        while (true) {
            long startLine = lastLine + 1;
            CSVRecord record;
            try {
                guard.startRecord();
                if (!records.hasNext()) {
                    return null;
                }
                record = records.next();
            } catch (UncheckedIOException | IllegalStateException e) {
                throw unreadable(startLine, e);
            }
            lastLine = parser.getCurrentLineNumber() + skippedLines;
            if (record.size() == 1 && record.get(0).isEmpty()) {
                continue;
            }
            List<String> cells = record.toList();
            if (encoding == FileEncoding.UTF_8 && cells.stream().anyMatch(cell -> cell.indexOf(NOT_UTF8) >= 0)) {
                throw notUtf8(startLine);
            }
            return new SourceRecord(startLine, cells);
        }
    }

    private UserFacingException unreadable(long line, RuntimeException e) {
        Throwable cause = e;
        while (cause != null) {
            if (cause instanceof RecordTooLongException) {
                return new UserFacingException("Line " + number(line) + " starts a row longer than "
                        + number(MAX_RECORD_CHARS) + " characters: a quote (\") is probably never closed.");
            }
            if (String.valueOf(cause.getMessage()).contains("EOF reached before encapsulated token finished")) {
                return new UserFacingException("Line " + number(line) + " starts a quoted value (\") that is never closed.");
            }
            cause = cause.getCause();
        }
        return new UserFacingException("The file cannot be read as CSV from line " + number(line) + " on ("
                + encoding.label() + ").");
    }

    private static UserFacingException notUtf8(long line) {
        return new UserFacingException("The file is not UTF-8: line " + number(line) + " has bytes that UTF-8 does not "
                + "allow. Choose " + FileEncoding.WINDOWS_1252.label() + " as its encoding.");
    }

    static String number(long value) {
        return String.format(Locale.US, "%,d", value);
    }

    @Override
    public void close() throws IOException {
        parser.close();
    }

    /** Counts the characters read for one record and stops a runaway one. */
    private static final class GuardedReader extends FilterReader {

        private long sinceRecordStart;

        GuardedReader(Reader in) {
            super(in);
        }

        void startRecord() {
            sinceRecordStart = 0;
        }

        @Override
        public int read() throws IOException {
            count(1);
            return super.read();
        }

        @Override
        public int read(char[] buffer, int offset, int length) throws IOException {
            int read = super.read(buffer, offset, length);
            count(read);
            return read;
        }

        private void count(int read) throws IOException {
            sinceRecordStart += Math.max(read, 0);
            // The parser reads ahead a buffer at a time: allow for one.
            if (sinceRecordStart > MAX_RECORD_CHARS + BUFFER) {
                throw new RecordTooLongException();
            }
        }
    }

    private static final class RecordTooLongException extends IOException {
        RecordTooLongException() {
            super("record too long");
        }
    }
}
