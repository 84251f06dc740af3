package org.leadcrm.deletion;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashSet;
import java.util.Set;
import java.util.stream.Collectors;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterProperty;
import net.jqwik.api.lifecycle.BeforeTry;
import org.leadcrm.base.ProgressListener;
import org.leadcrm.contact.BulkSelection;
import org.leadcrm.security.Role;
import org.leadcrm.testsupport.IntegrationTest;
import org.leadcrm.testsupport.RandomContacts;
import org.leadcrm.testsupport.TestData;
import org.leadcrm.testsupport.TestData.Pair;
import org.leadcrm.testsupport.TestData.Snapshot;
import org.springframework.context.ApplicationContext;
import org.springframework.security.test.context.TestSecurityContextHolder;

/**
 * Deleting from the Contact Manager, checked on random contacts, lists and opportunities with
 * random filters (or random ticked rows): exactly the selection's non-synced contacts go, with the
 * opportunities left without a lead, and nothing else changes; a typed count that is not the
 * selection's deletes nothing. Which contacts a filter selects is worked out here without SQL.
 */
class BulkDeletionPropertyTest {

    private static final int TRIES = 40;

    private final ApplicationContext context = IntegrationTest.sharedContext();
    private final TestData data = context.getBean(TestData.class);
    private final BulkDeletionService service = context.getBean(BulkDeletionService.class);

    /** A world, what is selected in it (a filter, or ticked rows when {@code ticked} is not null), and who deletes. */
    record Case(RandomContacts world, RandomContacts.Filter filter, Set<Integer> ticked, Role role) {

        BulkSelection selection(RandomContacts.Ids ids) {
            return ticked == null ? BulkSelection.matching(filter.toContactFilter(ids))
                    : BulkSelection.of(ticked.stream().map(ids.contacts()::get).collect(Collectors.toSet()));
        }

        Set<Integer> selected() {
            return ticked == null ? world.matching(filter) : ticked;
        }
    }

    @BeforeTry
    void emptyTables() {
        data.wipe();
    }

    @AfterProperty
    void signOut() {
        TestSecurityContextHolder.clearContext();
    }

    @Property(tries = TRIES)
    void exactly_the_non_synced_contacts_selected_are_deleted_with_the_opportunities_left_without_a_lead(
            @ForAll("cases") Case given) {
        RandomContacts.Ids ids = given.world().create(data);
        IntegrationTest.signIn(given.role());
        Set<Long> selected = given.selected().stream().map(ids.contacts()::get).collect(Collectors.toSet());
        Set<Long> doomed = given.selected().stream().filter(i -> !given.world().people().get(i).synced())
                .map(ids.contacts()::get).collect(Collectors.toSet());
        Snapshot before = data.snapshot();
        Set<Long> doomedOpportunities = before.opportunities().stream()
                .filter(opportunity -> doomed.containsAll(leadsOf(before, opportunity)))
                .collect(Collectors.toSet());
        BulkSelection selection = given.selection(ids);

        SelectionDeletionPreview shown = service.previewDeletion(selection);
        DeletionResult result = service.deleteSelected(selection, selected.size(), shown.checksum(), ProgressListener.NONE);

        assertThat(shown.preview()).isEqualTo(new DeletionPreview(selected.size(), selected.size() - doomed.size(),
                doomedOpportunities.size()));
        assertThat(result).isEqualTo(new DeletionResult(doomed.size(), selected.size() - doomed.size(),
                doomedOpportunities.size()));
        Snapshot after = data.snapshot();
        assertThat(after.contacts()).isEqualTo(without(before.contacts(), doomed));
        assertThat(after.lists()).isEqualTo(before.lists());
        assertThat(after.members()).isEqualTo(withoutContacts(before.members(), doomed));
        assertThat(after.exclusions()).isEqualTo(withoutContacts(before.exclusions(), doomed));
        assertThat(after.opportunities()).isEqualTo(without(before.opportunities(), doomedOpportunities));
        Set<Pair> expectedLinks = withoutContacts(before.opportunityLeads(), doomed);
        expectedLinks.removeIf(link -> doomedOpportunities.contains(link.owner()));
        assertThat(after.opportunityLeads()).isEqualTo(expectedLinks);
        assertThat(after.auditEntries()).isEqualTo(before.auditEntries() + 1);
        assertThat(data.count("deletion_target")).isZero();
    }

    @Property(tries = TRIES)
    void a_typed_count_other_than_the_selections_deletes_nothing(@ForAll("cases") Case given,
            @ForAll("offsets") int offset) {
        RandomContacts.Ids ids = given.world().create(data);
        IntegrationTest.signIn(given.role());
        BulkSelection selection = given.selection(ids);
        long checksum = service.previewDeletion(selection).checksum();
        long typed = Math.max(0, given.selected().size() + offset);
        if (typed == given.selected().size()) {
            typed++;
        }
        long wrong = typed;
        Snapshot before = data.snapshot();

        assertThatThrownBy(() -> service.deleteSelected(selection, wrong, checksum, ProgressListener.NONE))
                .isInstanceOfSatisfying(SelectionChangedException.class,
                        changed -> assertThat(changed.actualCount()).isEqualTo(given.selected().size()));
        assertThat(data.snapshot()).isEqualTo(before);
    }

    @Provide
    Arbitrary<Case> cases() {
        return RandomContacts.arbitrary().flatMap(world -> {
            int people = world.people().size();
            Arbitrary<Set<Integer>> ticked = Arbitraries.integers().between(0, people - 1).set().ofMinSize(1)
                    .injectNull(0.5);
            return Combinators.combine(RandomContacts.Filter.arbitrary(world.cells().size()), ticked,
                            Arbitraries.of(Role.ADMIN, Role.COMPANY_MANAGER))
                    .as((filter, rows, role) -> new Case(world, filter, rows, role));
        });
    }

    @Provide
    Arbitrary<Integer> offsets() {
        return Arbitraries.of(-2, -1, 1, 2);
    }

    private static Set<Long> leadsOf(Snapshot snapshot, long opportunity) {
        return snapshot.opportunityLeads().stream().filter(link -> link.owner() == opportunity).map(Pair::contact)
                .collect(Collectors.toSet());
    }

    private static <T> Set<T> without(Set<T> all, Set<T> removed) {
        Set<T> result = new HashSet<>(all);
        result.removeAll(removed);
        return result;
    }

    private static Set<Pair> withoutContacts(Set<Pair> pairs, Set<Long> contacts) {
        Set<Pair> result = new HashSet<>(pairs);
        result.removeIf(pair -> contacts.contains(pair.contact()));
        return result;
    }
}
