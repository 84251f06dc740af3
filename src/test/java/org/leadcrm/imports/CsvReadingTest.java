package org.leadcrm.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.leadcrm.base.UserFacingException;
import org.leadcrm.imports.CsvSource.SourceRecord;

/** Reading the files people really have: encodings, delimiters, Excel's quirks, and where a record starts. */
class CsvReadingTest {

    private static final CsvLayout UTF8_COMMA = new CsvLayout(FileEncoding.UTF_8, Delimiter.COMMA);

    @Test
    void a_utf8_file_with_a_byte_order_mark_reads_without_it_in_the_first_header() throws IOException {
        Path file = TestFiles.utf8WithBom("E-mail,First name\nada@example.com,Ada\n");

        CsvSniffer.Sniffed sniffed = CsvSniffer.sniff(file);
        List<SourceRecord> records = read(file, sniffed.layout());

        assertThat(sniffed.layout()).isEqualTo(UTF8_COMMA);
        assertThat(records.get(0).cells()).containsExactly("E-mail", "First name");
        assertThat(ImportField.forHeader(records.get(0).cells().get(0))).contains(ImportField.EMAIL);
    }

    @Test
    void a_utf8_file_without_a_byte_order_mark_is_utf8() throws IOException {
        Path file = TestFiles.utf8("Email,Nom\nfrancois@example.com,François\n");

        CsvSniffer.Sniffed sniffed = CsvSniffer.sniff(file);

        assertThat(sniffed.validUtf8()).isTrue();
        assertThat(read(file, sniffed.layout()).get(1).cells()).containsExactly("francois@example.com", "François");
    }

    @Test
    void a_windows_1252_file_is_detected_and_its_accents_read_as_written() throws IOException {
        Path file = TestFiles.windows1252("Email;First name;Last name\nf@example.com;François;Müller\n");

        CsvSniffer.Sniffed sniffed = CsvSniffer.sniff(file);

        assertThat(sniffed.validUtf8()).isFalse();
        assertThat(sniffed.layout()).isEqualTo(new CsvLayout(FileEncoding.WINDOWS_1252, Delimiter.SEMICOLON));
        assertThat(read(file, sniffed.layout()).get(1).cells()).containsExactly("f@example.com", "François", "Müller");
    }

    @Test
    void a_windows_1252_byte_deep_in_a_large_file_is_still_found() throws IOException {
        StringBuilder text = new StringBuilder("Email,Name\n");
        for (int i = 0; i < 20_000; i++) {
            text.append("person").append(i).append("@example.com,Plain ASCII\n");
        }
        text.append("last@example.com,Ærøskøbing\n");

        assertThat(CsvSniffer.sniff(TestFiles.windows1252(text.toString())).layout().encoding())
                .isEqualTo(FileEncoding.WINDOWS_1252);
        assertThat(CsvSniffer.sniff(TestFiles.utf8(text.toString())).layout().encoding()).isEqualTo(FileEncoding.UTF_8);
    }

    @Test
    void a_file_that_is_not_utf8_read_as_utf8_says_so_and_names_the_line() throws IOException {
        Path file = TestFiles.windows1252("Email,Name\na@example.com,Ann\nf@example.com,François\n");

        assertThatThrownBy(() -> read(file, UTF8_COMMA))
                .isInstanceOf(UserFacingException.class)
                .hasMessageContaining("not UTF-8")
                .hasMessageContaining("line 3")
                .hasMessageContaining("Windows-1252");
    }

    @Test
    void semicolon_and_tab_files_are_detected() throws IOException {
        Path semicolons = TestFiles.utf8("Email;Company;City\na@example.com;\"Smith, Jones & Co\";Lyon\n");
        Path tabs = TestFiles.utf8("Email\tCompany\tCity\na@example.com\tAcme; Inc\tParis\n");

        assertThat(CsvSniffer.sniff(semicolons).layout().delimiter()).isEqualTo(Delimiter.SEMICOLON);
        assertThat(CsvSniffer.sniff(tabs).layout().delimiter()).isEqualTo(Delimiter.TAB);
        assertThat(read(semicolons, CsvSniffer.sniff(semicolons).layout()).get(1).cells())
                .containsExactly("a@example.com", "Smith, Jones & Co", "Lyon");
        assertThat(read(tabs, CsvSniffer.sniff(tabs).layout()).get(1).cells())
                .containsExactly("a@example.com", "Acme; Inc", "Paris");
    }

    @Test
    void a_semicolon_file_with_decimal_commas_is_still_a_semicolon_file() throws IOException {
        Path file = TestFiles.utf8("Email;Score;Revenue\na@example.com;12;1,5\nb@example.com;40;2,75\n");

        assertThat(CsvSniffer.sniff(file).layout().delimiter()).isEqualTo(Delimiter.SEMICOLON);
    }

    @Test
    void a_leading_sep_line_names_the_delimiter_is_skipped_and_still_counts_as_a_line() throws IOException {
        Path file = TestFiles.utf8("sep=;\r\nEmail;Company\r\na@example.com;Acme, Inc\r\n");

        CsvSniffer.Sniffed sniffed = CsvSniffer.sniff(file);
        List<SourceRecord> records = read(file, sniffed.layout());

        assertThat(sniffed.layout().delimiter()).isEqualTo(Delimiter.SEMICOLON);
        assertThat(records).extracting(SourceRecord::line).containsExactly(2L, 3L);
        assertThat(records.get(0).cells()).containsExactly("Email", "Company");
        assertThat(records.get(1).cells()).containsExactly("a@example.com", "Acme, Inc");
    }

    @Test
    void quoted_cells_hold_delimiters_quotes_and_line_breaks_and_each_record_knows_its_first_line() throws IOException {
        Path file = TestFiles.utf8("Email,Notes,City\r\n"
                + "a@example.com,\"Met at a fair, liked \"\"LeadCRM\"\"\",Paris\r\n"
                + "b@example.com,\"Two\nlines\nof notes\",Lyon\r\n"
                + "\r\n"
                + "c@example.com,plain,Nice");

        List<SourceRecord> records = read(file, UTF8_COMMA);

        assertThat(records).extracting(SourceRecord::line).containsExactly(1L, 2L, 3L, 7L);
        assertThat(records.get(1).cells()).containsExactly("a@example.com", "Met at a fair, liked \"LeadCRM\"", "Paris");
        assertThat(records.get(2).cells()).containsExactly("b@example.com", "Two\nlines\nof notes", "Lyon");
        assertThat(records.get(3).cells()).containsExactly("c@example.com", "plain", "Nice");
    }

    @Test
    void a_quote_that_is_never_closed_is_an_error_naming_the_line_it_opens_on() {
        Path file = TestFiles.utf8("Email,Name\na@example.com,Ann\nb@example.com,\"Bob\nc@example.com,Cy\n");

        assertThatThrownBy(() -> read(file, UTF8_COMMA))
                .isInstanceOf(UserFacingException.class)
                .hasMessage("Line 3 starts a quoted value (\") that is never closed.");
    }

    @Test
    void a_runaway_quoted_value_stops_at_a_bounded_length_instead_of_filling_memory() {
        StringBuilder text = new StringBuilder("Email,Name\na@example.com,\"");
        while (text.length() < CsvSource.MAX_RECORD_CHARS + 200_000) {
            text.append("no closing quote in sight, ");
        }
        text.append("\nb@example.com,Bob\n");

        assertThatThrownBy(() -> read(TestFiles.utf8(text.toString()), UTF8_COMMA))
                .isInstanceOf(UserFacingException.class)
                .hasMessageContaining("Line 2 starts a row longer than 1,000,000 characters");
    }

    @Test
    void a_utf16_file_is_refused_with_what_to_do_instead() {
        Path file = TestFiles.write(new byte[] {(byte) 0xFF, (byte) 0xFE, 'E', 0, 'm', 0});

        assertThatThrownBy(() -> CsvSniffer.sniff(file))
                .isInstanceOf(UserFacingException.class)
                .hasMessageContaining("CSV UTF-8");
    }

    @Test
    void headers_are_matched_to_fields_in_any_order_case_and_spelling() {
        ColumnMapping mapping = ColumnMapping.fromHeader(List.of("COMPANY NAME", "Notes", "e-mail address",
                "Prénom", "last_name", "Email", "Lead Score", "Contact Owner"));

        assertThat(mapping.fields()).containsExactly(
                java.util.Map.entry(0, ImportField.COMPANY),
                java.util.Map.entry(2, ImportField.EMAIL),
                java.util.Map.entry(3, ImportField.FIRST_NAME),
                java.util.Map.entry(4, ImportField.LAST_NAME),
                java.util.Map.entry(6, ImportField.LEAD_SCORE),
                java.util.Map.entry(7, ImportField.OWNER));
        assertThat(mapping.problems(8)).isEmpty();
        assertThat(ColumnMapping.fromHeader(List.of("Name", "Company")).problems(2))
                .containsExactly("Choose the column that holds the e-mail addresses: e-mail is required.");
    }

    static List<SourceRecord> read(Path file, CsvLayout layout) throws IOException {
        List<SourceRecord> records = new ArrayList<>();
        try (CsvSource source = CsvSource.open(file, layout)) {
            SourceRecord record;
            while ((record = source.next()) != null) {
                records.add(record);
            }
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        return records;
    }
}
