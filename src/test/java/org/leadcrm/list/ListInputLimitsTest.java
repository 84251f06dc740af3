package org.leadcrm.list;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.validation.ConstraintViolationException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.leadcrm.base.UserFacingException;
import org.leadcrm.testsupport.IntegrationTest;
import org.leadcrm.testsupport.TestData;
import org.springframework.security.test.context.support.WithMockUser;

/** What a user types into a list's form or the Lists search is refused whole when too long. */
@WithMockUser(username = "admin", roles = "ADMIN")
class ListInputLimitsTest extends IntegrationTest {

    private final ListService lists;

    ListInputLimitsTest(TestData data, ListService lists) {
        super(data);
        this.lists = lists;
    }

    private static ListRules rules(String field, String value) {
        return new ListRules(field.equals("company") ? value : null, field.equals("city") ? value : null,
                field.equals("country") ? value : null, null, null, null, null, null, null);
    }

    @ParameterizedTest
    @CsvSource({"company, 150", "city, 100", "country, 100"})
    void a_rule_longer_than_its_column_is_refused_naming_the_field_and_nothing_is_stored(String field, int max) {
        ListDraft draft = ListDraft.ruleBased("Big cities", null, rules(field, "x".repeat(max + 1)), true);

        assertThatThrownBy(() -> lists.create(draft))
                .isInstanceOf(ConstraintViolationException.class)
                .hasMessageContaining("rules." + field)
                .hasMessageContaining("at most " + max + " characters");
        assertThat(data.count("contact_list")).isZero();
    }

    @ParameterizedTest
    @CsvSource({"company, 150", "city, 100", "country, 100"})
    void a_rule_as_long_as_its_column_is_stored(String field, int max) {
        long id = lists.create(ListDraft.ruleBased("Big cities", null, rules(field, "x".repeat(max)), true));

        assertThat(lists.findDetails(id)).hasValueSatisfying(details ->
                assertThat(details.rules()).isEqualTo(rules(field, "x".repeat(max))));
    }

    @Test
    void editing_a_list_with_a_too_long_rule_changes_nothing() {
        ListRules before = rules("city", "Lisbon");
        long id = lists.create(ListDraft.ruleBased("Lisbon", "Leads in Lisbon", before, true));

        assertThatThrownBy(() -> lists.update(id, ListDraft.ruleBased("Everywhere", "Leads anywhere",
                rules("city", "x".repeat(ListRules.CITY_MAX_LENGTH + 1)), true)))
                .isInstanceOf(ConstraintViolationException.class)
                .hasMessageContaining("rules.city");
        assertThat(lists.findDetails(id)).hasValueSatisfying(details -> {
            assertThat(details.name()).isEqualTo("Lisbon");
            assertThat(details.description()).isEqualTo("Leads in Lisbon");
            assertThat(details.rules()).isEqualTo(before);
        });
    }

    @Test
    void a_too_long_name_or_description_is_refused_with_the_limit() {
        assertThatThrownBy(() -> lists.create(ListDraft.manual("x".repeat(ListDraft.NAME_MAX_LENGTH + 1), null)))
                .isInstanceOf(ConstraintViolationException.class)
                .hasMessageContaining("name")
                .hasMessageContaining("at most 100 characters");
        assertThatThrownBy(() -> lists.create(ListDraft.manual("Prospects", "x".repeat(ListDraft.DESCRIPTION_MAX_LENGTH + 1))))
                .isInstanceOf(ConstraintViolationException.class)
                .hasMessageContaining("description")
                .hasMessageContaining("at most 1000 characters");
        assertThat(data.count("contact_list")).isZero();
    }

    @ParameterizedTest
    @ValueSource(booleans = {true, false})
    void a_search_longer_than_the_limit_is_refused_by_find_and_count(boolean find) {
        data.manualList("Prospects");
        String tooLong = "p".repeat(101);

        assertThatThrownBy(() -> {
            if (find) {
                lists.find(tooLong, 0, 50);
            } else {
                lists.count(tooLong);
            }
        }).isInstanceOf(UserFacingException.class).hasMessage("Search text is too long: at most 100 characters.");
    }

    @Test
    void a_search_up_to_the_limit_is_answered() {
        data.manualList("Prospects");

        assertThat(lists.count("p".repeat(100))).isZero();
        assertThat(lists.find("  prospects  ", 0, 50)).extracting(ListSummary::name).containsExactly("Prospects");
        assertThat(lists.count(" ".repeat(200) + "prospects")).isEqualTo(1);
    }
}
