package org.leadcrm.contact;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.leadcrm.base.UserFacingException;
import org.leadcrm.testsupport.IntegrationTest;
import org.leadcrm.testsupport.TestData;
import org.springframework.security.test.context.support.WithMockUser;

/**
 * Search text is refused when too long wherever a filter becomes SQL: the grid, its count and
 * the selections of Bulk Edit.
 */
@WithMockUser(username = "admin", roles = "ADMIN")
class ContactSearchLimitTest extends IntegrationTest {

    private static final String MESSAGE = "Search text is too long: at most 100 characters.";

    private final ContactService contacts;

    ContactSearchLimitTest(TestData data, ContactService contacts) {
        super(data);
        this.contacts = contacts;
    }

    @Test
    void a_search_longer_than_the_limit_is_refused_by_the_grid_its_count_and_bulk_selections() {
        ContactFilter tooLong = ContactFilter.ALL.withSearch("a".repeat(ContactFilter.SEARCH_MAX_LENGTH + 1));

        assertThatThrownBy(() -> contacts.find(tooLong, ContactSort.NAME, true, 0, 50))
                .isInstanceOf(UserFacingException.class).hasMessage(MESSAGE);
        assertThatThrownBy(() -> contacts.count(tooLong))
                .isInstanceOf(UserFacingException.class).hasMessage(MESSAGE);
        assertThatThrownBy(() -> contacts.conditionFor(tooLong))
                .isInstanceOf(UserFacingException.class).hasMessage(MESSAGE);
    }

    @Test
    void a_search_up_to_the_limit_is_answered_spaces_around_it_not_counted() {
        data.contact("Ada", "Lovelace");

        assertThat(contacts.count(ContactFilter.ALL.withSearch("a".repeat(ContactFilter.SEARCH_MAX_LENGTH)))).isZero();
        assertThat(contacts.count(ContactFilter.ALL.withSearch("   lovelace" + " ".repeat(200)))).isEqualTo(1);
    }
}
