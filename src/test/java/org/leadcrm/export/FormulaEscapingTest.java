package org.leadcrm.export;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class FormulaEscapingTest {

    @ParameterizedTest
    @ValueSource(strings = {"=HYPERLINK(\"http://evil.example\",\"click\")", "+1+1", "-2+3", "@SUM(A1:A9)", "\tTab",
            "\rReturn", "=", "+44 20 7946 0000"})
    void a_cell_that_a_spreadsheet_would_run_as_a_formula_gets_a_leading_apostrophe(String cell) {
        assertThat(FormulaEscaping.escape(cell)).isEqualTo("'" + cell);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "Ada", "ada@example.com", "O'Brien", "'quoted", " =not first", "1+1", "Smith-Jones",
            "a=b", "Zoë"})
    void any_other_cell_is_left_as_it_is(String cell) {
        assertThat(FormulaEscaping.escape(cell)).isEqualTo(cell);
    }

    @ParameterizedTest
    @ValueSource(strings = {"+44 20 7946 0000", "=SUM(A1:A9)", "-2", "@home", "", "Ada", "O'Brien", "'quoted", "1+1"})
    void an_escaped_cell_reads_back_as_it_was(String cell) {
        assertThat(FormulaEscaping.unescape(FormulaEscaping.escape(cell))).isEqualTo(cell);
    }
}
