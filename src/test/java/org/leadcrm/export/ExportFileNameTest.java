package org.leadcrm.export;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class ExportFileNameTest {

    private static final LocalDate DAY = LocalDate.of(2026, 12, 1);

    @Test
    void a_list_export_is_named_after_the_list_and_the_day() {
        assertThat(ExportFileName.of("Spring webinar", DAY)).isEqualTo("Spring webinar 2026-12-01.csv");
    }

    @Test
    void any_other_export_is_named_contacts_and_the_day() {
        assertThat(ExportFileName.of(null, DAY)).isEqualTo("contacts 2026-12-01.csv");
    }

    @Test
    void characters_a_file_name_cannot_hold_are_replaced_and_accents_kept() {
        assertThat(ExportFileName.of("Q1/Q2: \"Top\" <leads>? a|b*\\c", DAY))
                .isEqualTo("Q1_Q2_ _Top_ _leads__ a_b__c 2026-12-01.csv");
        assertThat(ExportFileName.of("Zürich\tevents\n", DAY)).isEqualTo("Zürich_events 2026-12-01.csv");
    }

    @Test
    void dots_and_spaces_at_either_end_go_and_a_name_left_empty_becomes_contacts() {
        assertThat(ExportFileName.of("  ..hidden list.  ", DAY)).isEqualTo("hidden list 2026-12-01.csv");
        assertThat(ExportFileName.of(" ... ", DAY)).isEqualTo("contacts 2026-12-01.csv");
    }
}
