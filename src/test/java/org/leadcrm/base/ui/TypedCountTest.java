package org.leadcrm.base.ui;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** A count is confirmed the way the page shows it or as plain digits, and in no other way. */
class TypedCountTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', ignoreLeadingAndTrailingWhitespace = false, value = {
            "1,234,567|1234567",
            "1234567|1234567",
            "0|0",
            "7|7",
            "999|999",
            "1,000|1000",
            "12,345|12345",
            "'  1,234,567 '|1234567",
            "'\t42\t'|42",
            "9,223,372,036,854,775,807|9223372036854775807"})
    void a_count_as_the_page_shows_it_or_as_plain_digits_is_read(String typed, long count) {
        assertThat(TypedCount.parse(typed)).hasValue(count);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "abc", "12a", "-3", "+3", "3.0", "1.234.567", "1,23,4567", "12,34", "1,2345",
            ",123", "123,", "1,,234", "0,123", "1 234", "1, 234", "١٢٣", "9223372036854775808", "99999999999999999999"})
    void anything_else_is_not_a_count(String typed) {
        assertThat(TypedCount.parse(typed)).isEmpty();
    }

    @Test
    void the_page_s_own_numbers_read_back_as_themselves() {
        for (long count : new long[] {0, 1, 999, 1_000, 1_234, 999_999, 1_000_000, 1_234_567, Long.MAX_VALUE}) {
            assertThat(TypedCount.parse(Counts.number(count))).as(Counts.number(count)).hasValue(count);
        }
    }
}
