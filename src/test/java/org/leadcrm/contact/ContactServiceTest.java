package org.leadcrm.contact;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.validation.ConstraintViolationException;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.leadcrm.security.Role;
import org.leadcrm.security.UserSummary;
import org.leadcrm.testsupport.IntegrationTest;
import org.leadcrm.testsupport.TestData;
import org.springframework.security.test.context.support.WithMockUser;

@WithMockUser(username = "admin", roles = "ADMIN")
class ContactServiceTest extends IntegrationTest {

    private static final int ALL_ROWS = 1_000;

    private final ContactService contacts;

    ContactServiceTest(TestData data, ContactService contacts) {
        super(data);
        this.contacts = contacts;
    }

    // --- describing a filter ---------------------------------------------------------------------

    @Test
    void a_filter_is_described_with_its_owner_and_list_named_but_nothing_typed_into_it() {
        long sam = data.user("sam", Role.SALESPERSON).id();
        long webinar = data.manualList("Webinar");
        ContactFilter filter = ContactFilter.ALL.withStatus(ContactStatus.LEAD).withOwnerId(sam).withListId(webinar)
                .withScoreRange(10, 90).withCompany("Acme").withCity("Oslo").withCountry("Norway").withSearch("Lovelace");

        assertThat(contacts.describe(filter)).isEqualTo("status Lead, owner User sam, list Webinar, lead score ≥ 10, "
                + "lead score ≤ 90, company given, city given, country given, search text given");
        assertThat(contacts.describe(ContactFilter.ALL)).isEqualTo("no filter");
        assertThat(contacts.describe(ContactFilter.ALL.withSearch("  "))).as("a blank search is no search").isEqualTo("no filter");
        assertThat(contacts.describe(ContactFilter.ALL.withOwnerId(987_654L))).isEqualTo("owner #987654");
    }

    // --- paging -----------------------------------------------------------------------------------

    @Test
    void pages_through_the_contacts_with_offset_and_limit() {
        for (String last : List.of("Adams", "Baker", "Clark", "Davis", "Evans", "Fisher", "Green")) {
            data.contact().name("Pat", last).create();
        }

        assertThat(lastNames(0, 3)).containsExactly("Adams", "Baker", "Clark");
        assertThat(lastNames(3, 3)).containsExactly("Davis", "Evans", "Fisher");
        assertThat(lastNames(6, 3)).containsExactly("Green");
        assertThat(lastNames(7, 3)).isEmpty();
    }

    private List<String> lastNames(int offset, int limit) {
        return contacts.find(ContactFilter.ALL, ContactSort.NAME, true, offset, limit).stream()
                .map(ContactRow::lastName).toList();
    }

    @Test
    void pages_never_repeat_or_skip_a_contact_when_sort_values_tie() {
        for (int i = 0; i < 9; i++) {
            data.contact().name("Sam", "Same").company("Same Company").score(50).create();
        }

        for (ContactSort sort : ContactSort.values()) {
            List<Long> paged = Stream.of(0, 4, 8)
                    .flatMap(offset -> contacts.find(ContactFilter.ALL, sort, false, offset, 4).stream())
                    .map(ContactRow::id)
                    .toList();
            assertThat(paged).as("sorted by %s", sort).doesNotHaveDuplicates().hasSize(9);
        }
    }

    // --- sorting ----------------------------------------------------------------------------------

    static Stream<Arguments> sorts() {
        return Stream.of(ContactSort.values())
                .flatMap(sort -> Stream.of(Arguments.of(sort, true), Arguments.of(sort, false)));
    }

    @ParameterizedTest(name = "{0}, ascending {1}")
    @MethodSource("sorts")
    void sorts_by_each_column_in_both_directions_breaking_ties_on_id(ContactSort sort, boolean ascending) {
        Instant t = Instant.parse("2025-01-01T00:00:00Z");
        data.contact().name("Grace", "Hopper").email("grace@example.com").company("Navy")
                .status(ContactStatus.QUALIFIED).score(90).createdAt(t.plusSeconds(30)).create();
        data.contact().name("Ada", "Lovelace").email("ada@example.com").company("Analytical")
                .status(ContactStatus.LEAD).score(70).createdAt(t.plusSeconds(10)).create();
        data.contact().name("Alan", "Turing").email("turing@example.com").company("Bletchley")
                .status(ContactStatus.CUSTOMER).score(70).createdAt(t.plusSeconds(50)).create();
        data.contact().name("Bob", "Hopper").email("bob@example.com").company("Navy")
                .status(ContactStatus.LEAD).score(10).createdAt(t.plusSeconds(30)).create();
        data.contact().name("Edsger", "Dijkstra").email("edsger@example.com").company("Eindhoven")
                .status(ContactStatus.CONTACTED).score(40).createdAt(t.plusSeconds(20)).create();
        data.contact().name("Barbara", "Liskov").email("liskov@example.com").company("Mit")
                .status(ContactStatus.UNQUALIFIED).score(100).createdAt(t.plusSeconds(40)).create();

        List<ContactRow> all = contacts.find(ContactFilter.ALL, ContactSort.NAME, true, 0, ALL_ROWS);
        Comparator<ContactRow> order = comparatorFor(sort).thenComparing(ContactRow::id);
        List<Long> expected = all.stream().sorted(ascending ? order : order.reversed()).map(ContactRow::id).toList();

        List<Long> actual = contacts.find(ContactFilter.ALL, sort, ascending, 0, ALL_ROWS).stream()
                .map(ContactRow::id).toList();

        assertThat(actual).isEqualTo(expected);
    }

    private static Comparator<ContactRow> comparatorFor(ContactSort sort) {
        return switch (sort) {
            case NAME -> Comparator.comparing(ContactRow::lastName).thenComparing(ContactRow::firstName);
            case EMAIL -> Comparator.comparing(ContactRow::email);
            case COMPANY -> Comparator.comparing(ContactRow::company);
            case STATUS -> Comparator.comparing(row -> row.status().name());
            case LEAD_SCORE -> Comparator.comparingInt(ContactRow::leadScore);
            case CREATED -> Comparator.comparing(ContactRow::createdAt);
        };
    }

    @Test
    void contacts_without_a_company_come_last_when_sorting_by_company_a_to_z() {
        long none = data.contact().name("No", "Company").create();
        long acme = data.contact().name("Has", "Company").company("Acme").create();
        long zeta = data.contact().name("Also", "Company").company("Zeta").create();

        List<Long> ascending = contacts.find(ContactFilter.ALL, ContactSort.COMPANY, true, 0, ALL_ROWS).stream()
                .map(ContactRow::id).toList();

        // The same on H2 and PostgreSQL: an empty company is not "before A".
        assertThat(ascending).containsExactly(acme, zeta, none);
    }

    // --- search -----------------------------------------------------------------------------------

    @Test
    void search_matches_a_prefix_of_first_name_last_name_email_or_company_in_any_case() {
        long ada = data.contact().name("Ada", "Lovelace").email("countess@example.com").company("Analytical Engines").create();
        long grace = data.contact().name("Grace", "Hopper").email("amazing.grace@example.com").company("Navy").create();
        long alan = data.contact().name("Alan", "Turing").email("alan@bletchley.example").company("Bletchley Park").create();

        assertThat(searchIds("ada")).containsExactly(ada);
        assertThat(searchIds("LOVE")).containsExactly(ada);
        assertThat(searchIds("Countess@")).containsExactly(ada);
        assertThat(searchIds("analytical eng")).containsExactly(ada);
        assertThat(searchIds("hOpPeR")).containsExactly(grace);
        assertThat(searchIds("amazing.g")).containsExactly(grace);
        assertThat(searchIds("bletch")).containsExactly(alan);
        assertThat(searchIds("a")).containsExactlyInAnyOrder(ada, grace, alan);
        assertThat(searchIds("  ada  ")).as("surrounding spaces are ignored").containsExactly(ada);
    }

    @Test
    void search_matches_only_at_the_start_of_a_field() {
        data.contact().name("Ada", "Lovelace").email("ada@example.com").company("Analytical").create();

        assertThat(searchIds("velace")).isEmpty();
        assertThat(searchIds("example")).isEmpty();
        assertThat(searchIds("lytical")).isEmpty();
    }

    @Test
    void search_takes_percent_underscore_and_backslash_literally() {
        long underscore = data.contact().name("Jo", "Smith").email("jo_smith@example.com").create();
        data.contact().name("Jo", "Smyth").email("joxsmith@example.com").create();
        long percent = data.contact().name("Hundred", "Percent").company("100% Fun").create();
        data.contact().name("Hundred", "Other").company("1000 Things").create();
        long backslash = data.contact().name("Angus", "Young").company("AC\\DC").create();

        assertThat(searchIds("jo_")).containsExactly(underscore);
        assertThat(searchIds("100%")).containsExactly(percent);
        assertThat(searchIds("%")).isEmpty();
        assertThat(searchIds("ac\\d")).containsExactly(backslash);
    }

    @Test
    void a_blank_search_matches_every_contact() {
        data.contacts(3);

        assertThat(searchIds("   ")).hasSize(3);
        assertThat(contacts.count(ContactFilter.ALL.withSearch(""))).isEqualTo(3);
    }

    private List<Long> searchIds(String search) {
        return ids(ContactFilter.ALL.withSearch(search));
    }

    // --- filters and counts -------------------------------------------------------------------------

    @Test
    void filters_by_status() {
        long lead = data.contact().status(ContactStatus.LEAD).create();
        long customer = data.contact().status(ContactStatus.CUSTOMER).create();
        data.contact().status(ContactStatus.QUALIFIED).create();

        assertThat(ids(ContactFilter.ALL.withStatus(ContactStatus.LEAD))).containsExactly(lead);
        assertThat(ids(ContactFilter.ALL.withStatus(ContactStatus.CUSTOMER))).containsExactly(customer);
        assertThat(ids(ContactFilter.ALL.withStatus(ContactStatus.UNQUALIFIED))).isEmpty();
    }

    @Test
    void filters_by_owner() {
        UserSummary ann = data.user("ann", Role.SALESPERSON);
        UserSummary ben = data.user("ben", Role.SALESPERSON);
        long annsFirst = data.contact().owner(ann.id()).create();
        long annsSecond = data.contact().owner(ann.id()).create();
        long bens = data.contact().owner(ben.id()).create();
        data.contact().create();

        assertThat(ids(ContactFilter.ALL.withOwnerId(ann.id()))).containsExactlyInAnyOrder(annsFirst, annsSecond);
        assertThat(ids(ContactFilter.ALL.withOwnerId(ben.id()))).containsExactly(bens);
    }

    @Test
    void shows_the_owners_name() {
        UserSummary ann = data.user("ann", Role.SALESPERSON);
        long owned = data.contact().owner(ann.id()).create();
        long unowned = data.contact().create();

        assertThat(contacts.findRow(owned)).hasValueSatisfying(row -> assertThat(row.ownerName()).isEqualTo(ann.displayName()));
        assertThat(contacts.findRow(unowned)).hasValueSatisfying(row -> assertThat(row.ownerName()).isNull());
    }

    @Test
    void filters_by_list_membership() {
        List<Long> ids = data.contacts(4);
        long list = data.manualList("Prospects");
        long other = data.manualList("Other");
        data.addMembers(list, ids.get(0), ids.get(2));
        data.addMembers(other, ids.get(1));
        data.exclude(list, ids.get(3));

        assertThat(ids(ContactFilter.ALL.withListId(list))).containsExactlyInAnyOrder(ids.get(0), ids.get(2));
    }

    @Test
    void combines_search_status_owner_and_list() {
        UserSummary ann = data.user("ann", Role.SALESPERSON);
        long list = data.manualList("Prospects");
        long match = data.contact().name("Dana", "Scully").status(ContactStatus.LEAD).owner(ann.id()).create();
        long wrongStatus = data.contact().name("Dana", "Fox").status(ContactStatus.CUSTOMER).owner(ann.id()).create();
        long wrongOwner = data.contact().name("Dana", "Mulder").status(ContactStatus.LEAD).create();
        long wrongName = data.contact().name("Walter", "Skinner").status(ContactStatus.LEAD).owner(ann.id()).create();
        long notMember = data.contact().name("Dana", "Katz").status(ContactStatus.LEAD).owner(ann.id()).create();
        data.addMembers(list, match, wrongStatus, wrongOwner, wrongName);

        ContactFilter filter = ContactFilter.ALL.withSearch("dana").withStatus(ContactStatus.LEAD)
                .withOwnerId(ann.id()).withListId(list);

        assertThat(ids(filter)).containsExactly(match).doesNotContain(notMember);
        assertThat(contacts.count(filter)).isEqualTo(1);
    }

    @Test
    void the_count_matches_the_rows_of_every_filter() {
        UserSummary ann = data.user("ann", Role.SALESPERSON);
        long list = data.manualList("Prospects");
        for (int i = 0; i < 12; i++) {
            long id = data.contact()
                    .name(i % 2 == 0 ? "Robin" : "Kim", "Name" + (char) ('A' + i))
                    .status(ContactStatus.values()[i % ContactStatus.values().length])
                    .company(i % 3 == 0 ? null : "Company " + (i % 3))
                    .create();
            if (i % 4 == 0) {
                data.jdbc().update("update contact set owner_id = ? where id = ?", ann.id(), id);
            }
            if (i % 3 == 1) {
                data.addMembers(list, id);
            }
        }
        List<ContactFilter> filters = List.of(
                ContactFilter.ALL,
                ContactFilter.ALL.withSearch("rob"),
                ContactFilter.ALL.withSearch("company 2"),
                ContactFilter.ALL.withStatus(ContactStatus.CONTACTED),
                ContactFilter.ALL.withOwnerId(ann.id()),
                ContactFilter.ALL.withListId(list),
                ContactFilter.ALL.withListId(list).withSearch("kim"),
                ContactFilter.ALL.withSearch("nobody"));

        for (ContactFilter filter : filters) {
            assertThat(contacts.count(filter)).as(filter.toString()).isEqualTo(ids(filter).size());
        }
    }

    // --- a Jr. Salesperson sees only their own -------------------------------------------------------

    @Test
    @WithMockUser(username = "jr", roles = "JR_SALESPERSON")
    void a_jr_salesperson_sees_only_the_contacts_assigned_to_them() {
        UserSummary jr = data.user("jr", Role.JR_SALESPERSON);
        UserSummary senior = data.user("senior", Role.SALESPERSON);
        long mine = data.contact().name("Mine", "One").owner(jr.id()).create();
        long alsoMine = data.contact().name("Mine", "Two").owner(jr.id()).create();
        long theirs = data.contact().name("Theirs", "One").owner(senior.id()).create();
        long nobodys = data.contact().name("Nobodys", "One").create();

        assertThat(ids(ContactFilter.ALL)).containsExactlyInAnyOrder(mine, alsoMine);
        assertThat(contacts.count(ContactFilter.ALL)).isEqualTo(2);
        assertThat(ids(ContactFilter.ALL.withSearch("theirs"))).isEmpty();
        assertThat(contacts.findRow(theirs)).isEmpty();
        assertThat(contacts.findRow(nobodys)).isEmpty();
        assertThat(contacts.findRow(mine)).isPresent();
    }

    @Test
    @WithMockUser(username = "jr", roles = "JR_SALESPERSON")
    void a_jr_salesperson_asking_for_someone_elses_contacts_gets_none_of_theirs() {
        UserSummary jr = data.user("jr", Role.JR_SALESPERSON);
        UserSummary senior = data.user("senior", Role.SALESPERSON);
        long mine = data.contact().owner(jr.id()).create();
        long theirs = data.contact().owner(senior.id()).create();

        List<Long> seen = ids(ContactFilter.ALL.withOwnerId(senior.id()));

        assertThat(seen).doesNotContain(theirs).isSubsetOf(mine);
        assertThat(contacts.count(ContactFilter.ALL.withOwnerId(senior.id()))).isEqualTo(seen.size());
    }

    @Test
    @WithMockUser(username = "ghost", roles = "JR_SALESPERSON")
    void a_jr_salesperson_without_a_user_record_sees_nothing() {
        data.contacts(2);

        assertThat(ids(ContactFilter.ALL)).isEmpty();
        assertThat(contacts.count(ContactFilter.ALL)).isZero();
    }

    @Test
    @WithMockUser(username = "jr", roles = "JR_SALESPERSON")
    void a_contact_a_jr_salesperson_creates_is_assigned_to_them() {
        UserSummary jr = data.user("jr", Role.JR_SALESPERSON);
        UserSummary senior = data.user("senior", Role.SALESPERSON);

        long id = contacts.create(ContactDraft.of("New", "Lead", "new.lead@example.com").withOwnerId(senior.id()));

        assertThat(contacts.findRow(id)).hasValueSatisfying(row -> assertThat(row.ownerName()).isEqualTo(jr.displayName()));
    }

    // --- creating -------------------------------------------------------------------------------------

    @Test
    void creating_a_contact_with_an_e_mail_address_already_in_use_in_another_case_is_refused() {
        contacts.create(ContactDraft.of("Ada", "Lovelace", "Ada@Example.com"));

        assertThatThrownBy(() -> contacts.create(ContactDraft.of("Other", "Ada", "ada@example.COM")))
                .isInstanceOf(DuplicateEmailException.class);
        assertThat(contacts.count(ContactFilter.ALL)).isEqualTo(1);
    }

    @Test
    void a_contact_with_a_blank_name_an_invalid_address_or_a_score_over_100_is_refused() {
        assertThatThrownBy(() -> contacts.create(ContactDraft.of(" ", "Lovelace", "ada@example.com")))
                .isInstanceOf(ConstraintViolationException.class);
        assertThatThrownBy(() -> contacts.create(ContactDraft.of("Ada", "Lovelace", "not an address")))
                .isInstanceOf(ConstraintViolationException.class);
        assertThatThrownBy(() -> contacts.create(ContactDraft.of("Ada", "Lovelace", "ada@example.com").withLeadScore(101)))
                .isInstanceOf(ConstraintViolationException.class);
        assertThat(data.count("contact")).isZero();
    }

    @Test
    void a_contact_without_an_e_mail_address_is_refused_by_validation() {
        assertThatThrownBy(() -> contacts.create(ContactDraft.of("Ada", "Lovelace", null)))
                .isInstanceOf(ConstraintViolationException.class);
        assertThat(data.count("contact")).isZero();
    }

    private List<Long> ids(ContactFilter filter) {
        return contacts.find(filter, ContactSort.NAME, true, 0, ALL_ROWS).stream().map(ContactRow::id).toList();
    }
}
