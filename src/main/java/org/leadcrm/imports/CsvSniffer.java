package org.leadcrm.imports;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Iterator;
import java.util.Optional;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.leadcrm.base.UserFacingException;

/**
 * Guesses how a file is written, as a person opening it would: UTF-8 if every byte of the whole
 * file is valid UTF-8 (checked strictly), otherwise Windows-1252; the delimiter that a {@code sep=}
 * line names, or else the one among comma, semicolon and tab that splits the first rows into the
 * same number of cells, most of them.
 */
final class CsvSniffer {

    /** How much text from the start the delimiter is guessed from. */
    private static final int SAMPLE_CHARS = 64 * 1024;
    private static final int SAMPLE_RECORDS = 50;

    private CsvSniffer() {
    }

    /**
     * @param lines the number of lines of the file (line breaks inside quoted cells count too)
     */
    record Sniffed(CsvLayout layout, boolean validUtf8, long lines) {
    }

    static Sniffed sniff(Path file) throws IOException {
        Scan scan = scan(file);
        FileEncoding encoding = scan.validUtf8 ? FileEncoding.UTF_8 : FileEncoding.WINDOWS_1252;
        return new Sniffed(new CsvLayout(encoding, delimiter(sample(file, encoding))), scan.validUtf8, scan.lines);
    }

    private record Scan(boolean validUtf8, long lines) {
    }

    /** Reads the whole file once: whether it is valid UTF-8, and how many lines it has. */
    private static Scan scan(Path file) throws IOException {
        CharsetDecoder utf8 = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer bytes = ByteBuffer.allocate(1 << 16);
        CharBuffer chars = CharBuffer.allocate(1 << 16);
        boolean valid = true;
        long lines = 0;
        byte last = '\n';
        refuseUtf16(file);
        try (InputStream in = Files.newInputStream(file)) {
            int read;
            while ((read = in.read(bytes.array(), bytes.position(), bytes.remaining())) != -1) {
                for (int i = bytes.position(); i < bytes.position() + read; i++) {
                    if (bytes.array()[i] == '\n') {
                        lines++;
                    }
                }
                if (read > 0) {
                    last = bytes.array()[bytes.position() + read - 1];
                }
                bytes.position(bytes.position() + read);
                if (valid) {
                    bytes.flip();
                    valid = !decode(utf8, bytes, chars, false);
                    bytes.compact();
                } else {
                    bytes.clear();
                }
            }
            if (valid) {
                bytes.flip();
                valid = !decode(utf8, bytes, chars, true) && !utf8.flush(chars.clear()).isError();
            }
        }
        return new Scan(valid, last == '\n' ? lines : lines + 1);
    }

    /** Decodes what it can of {@code bytes}, leaving an incomplete character at the end for later; true on an error. */
    private static boolean decode(CharsetDecoder decoder, ByteBuffer bytes, CharBuffer chars, boolean endOfInput) {
        while (true) {
            chars.clear();
            CoderResult result = decoder.decode(bytes, chars, endOfInput);
            if (result.isError()) {
                return true;
            }
            if (result.isUnderflow()) {
                return false;
            }
        }
    }

    private static void refuseUtf16(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            int first = in.read();
            int second = in.read();
            if ((first == 0xFF && second == 0xFE) || (first == 0xFE && second == 0xFF)) {
                throw new UserFacingException("This file is in UTF-16 (Excel's \"Unicode text\"). Save it as "
                        + "\"CSV UTF-8\" and upload that.");
            }
        }
    }

    /** The first characters of the file, decoded, ending with a whole line. */
    private static String sample(Path file, FileEncoding encoding) throws IOException {
        try (InputStream in = new java.io.BufferedInputStream(Files.newInputStream(file))) {
            CsvSource.skipUtf8ByteOrderMark(in);
            CharsetDecoder decoder = encoding.charset().newDecoder()
                    .onMalformedInput(CodingErrorAction.REPLACE)
                    .onUnmappableCharacter(CodingErrorAction.REPLACE);
            BufferedReader reader = new BufferedReader(new java.io.InputStreamReader(in, decoder));
            char[] buffer = new char[SAMPLE_CHARS];
            int length = 0;
            int read;
            while (length < buffer.length && (read = reader.read(buffer, length, buffer.length - length)) != -1) {
                length += read;
            }
            String text = new String(buffer, 0, length);
            if (length == buffer.length) {
                int lastBreak = text.lastIndexOf('\n');
                text = lastBreak > 0 ? text.substring(0, lastBreak + 1) : text;
            }
            return text;
        }
    }

    /** The delimiter of the sample: the one a {@code sep=} line names, or the best guess (a comma if none fits). */
    static Delimiter delimiter(String sample) throws IOException {
        BufferedReader text = new BufferedReader(new StringReader(sample));
        Optional<Delimiter> named = CsvSource.sepLine(text).flatMap(Delimiter::of);
        if (named.isPresent()) {
            return named.get();
        }
        return java.util.Arrays.stream(Delimiter.values())
                .map(delimiter -> new Fit(delimiter, sample))
                .filter(fit -> fit.columns > 1)
                .max(Comparator.comparingDouble((Fit fit) -> fit.agreeing).thenComparingInt(fit -> fit.columns)
                        .thenComparing(fit -> -fit.delimiter.ordinal()))
                .map(fit -> fit.delimiter)
                .orElse(Delimiter.COMMA);
    }

    /** How well a delimiter splits the sample: the header's cells, and the share of rows with as many. */
    private static final class Fit {
        final Delimiter delimiter;
        int columns;
        double agreeing;

        Fit(Delimiter delimiter, String sample) {
            this.delimiter = delimiter;
            CSVFormat format = CSVFormat.DEFAULT.builder().setDelimiter(delimiter.character()).setTrailingData(true)
                    .setLenientEof(true).get();
            int rows = 0;
            int agree = 0;
            try (CSVParser parser = CSVParser.parse(new StringReader(sample), format)) {
                Iterator<CSVRecord> records = parser.iterator();
                if (records.hasNext()) {
                    columns = records.next().size();
                }
                while (records.hasNext() && rows < SAMPLE_RECORDS) {
                    rows++;
                    agree += records.next().size() == columns ? 1 : 0;
                }
            } catch (IOException | RuntimeException unreadable) {
                // as far as it could be read
            }
            agreeing = rows == 0 ? 1 : (double) agree / rows;
        }
    }
}
