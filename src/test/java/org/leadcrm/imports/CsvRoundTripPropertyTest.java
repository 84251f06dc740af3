package org.leadcrm.imports;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.Charset;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.leadcrm.imports.CsvSource.SourceRecord;

/**
 * Whatever the cells hold (delimiters, quotes, line breaks, accents, spaces), a file written the
 * way spreadsheets write it — any of the three delimiters, UTF-8 with or without a byte order mark or
 * Windows-1252, with or without Excel's {@code sep=} line, LF or CRLF — is detected and read back to
 * exactly its cells, each record with the line it starts on.
 */
class CsvRoundTripPropertyTest {

    private static final String CELL_CHARACTERS = "ab Zé,;\t\"\n\rüß€'=1";

    record Written(List<List<String>> records, Delimiter delimiter, FileEncoding encoding, boolean bom,
            boolean sepLine, String lineBreak) {
    }

    @Property(tries = 300)
    void every_file_reads_back_to_its_cells_and_lines(@ForAll("files") Written written) throws IOException {
        StringBuilder text = new StringBuilder();
        List<Long> startLines = new ArrayList<>();
        if (written.sepLine()) {
            text.append("sep=").append(written.delimiter().character()).append(written.lineBreak());
        }
        CSVFormat format = CSVFormat.DEFAULT.builder().setDelimiter(written.delimiter().character())
                .setRecordSeparator(written.lineBreak()).get();
        for (List<String> record : written.records()) {
            startLines.add(1 + lineBreaks(text));
            StringWriter one = new StringWriter();
            try (CSVPrinter printer = new CSVPrinter(one, format)) {
                printer.printRecord(record);
            }
            text.append(one);
        }
        Path file = switch (written.encoding()) {
            case UTF_8 -> written.bom() ? TestFiles.utf8WithBom(text.toString()) : TestFiles.utf8(text.toString());
            case WINDOWS_1252 -> TestFiles.windows1252(text.toString());
        };

        CsvLayout detected = CsvSniffer.sniff(file).layout();
        List<SourceRecord> read = CsvReadingTest.read(file, detected);

        assertThat(detected.delimiter()).isEqualTo(written.delimiter());
        boolean ascii = text.chars().allMatch(c -> c < 128);
        assertThat(detected.encoding()).isEqualTo(ascii ? FileEncoding.UTF_8 : written.encoding());
        assertThat(read).extracting(SourceRecord::cells).isEqualTo(written.records());
        assertThat(read).extracting(SourceRecord::line).isEqualTo(startLines);
    }

    /** Line breaks as the parser counts them: CRLF, a lone CR and a lone LF are one each. */
    private static long lineBreaks(CharSequence text) {
        long count = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\n' || c == '\r' && (i + 1 == text.length() || text.charAt(i + 1) != '\n')) {
                count++;
            }
        }
        return count;
    }

    @Provide
    Arbitrary<Written> files() {
        Arbitrary<Integer> columns = Arbitraries.integers().between(2, 6);
        return columns.flatMap(width -> {
            Arbitrary<List<String>> header = Arbitraries.of("Email", "First name", "Company", "City", "Notes", "Score")
                    .list().ofSize(width);
            Arbitrary<String> cell = Arbitraries.strings().withChars(CELL_CHARACTERS.toCharArray()).ofMaxLength(12);
            Arbitrary<List<List<String>>> rows = cell.list().ofSize(width)
                    // a row of one empty cell is a blank line, which is not a record
                    .filter(row -> !(row.size() == 1 && row.get(0).isEmpty()))
                    .list().ofMaxSize(8);
            return Combinators.combine(header, rows, Arbitraries.of(Delimiter.class), Arbitraries.of(FileEncoding.class),
                    Arbitraries.of(true, false), Arbitraries.of(true, false), Arbitraries.of("\n", "\r\n"))
                    .as((h, r, delimiter, encoding, bom, sep, lineBreak) -> {
                        List<List<String>> records = new ArrayList<>();
                        records.add(h);
                        records.addAll(r);
                        return new Written(records, delimiter, encoding, bom && encoding == FileEncoding.UTF_8, sep,
                                lineBreak);
                    });
        });
    }

    static {
        // Every character of the alphabet exists in Windows-1252, so each file can be written in either encoding.
        assert Charset.forName("windows-1252").newEncoder().canEncode(CELL_CHARACTERS);
    }
}
