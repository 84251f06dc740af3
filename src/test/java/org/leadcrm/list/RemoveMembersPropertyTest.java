package org.leadcrm.list;

import static org.assertj.core.api.Assertions.assertThat;

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
 * Removing selected members from a list, on random worlds with random member searches (or ticked
 * rows, some of them no members): exactly the selected members leave that list, excluded too when
 * asked, and nothing else changes — no contact, no other list, no opportunity.
 */
class RemoveMembersPropertyTest {

    private static final int TRIES = 40;

    private final ApplicationContext context = IntegrationTest.sharedContext();
    private final TestData data = context.getBean(TestData.class);
    private final ListMemberService listMembers = context.getBean(ListMemberService.class);

    /** A world, the list acted on, the members selected (a filter on it, or ticked rows), and the choices made. */
    record Case(RandomContacts world, int target, RandomContacts.Filter filter, Set<Integer> ticked, boolean exclude,
            Role role) {

        BulkSelection selection(RandomContacts.Ids ids) {
            return ticked == null ? BulkSelection.matching(filter.toContactFilter(ids).withListId(ids.lists().get(target)))
                    : BulkSelection.of(ticked.stream().map(ids.contacts()::get).collect(Collectors.toSet()));
        }

        /** The members of the target list that the selection takes. */
        Set<Integer> removed() {
            Set<Integer> selected = ticked == null ? world.matching(filter) : ticked;
            return selected.stream().filter(i -> world.cells().get(target).get(i) == RandomContacts.Cell.MEMBER)
                    .collect(Collectors.toSet());
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
    void exactly_the_selected_members_leave_the_list_and_only_they_are_excluded(@ForAll("cases") Case given) {
        RandomContacts.Ids ids = given.world().create(data);
        IntegrationTest.signIn(given.role());
        long list = ids.lists().get(given.target());
        Set<Pair> removed = given.removed().stream().map(i -> new Pair(list, ids.contacts().get(i)))
                .collect(Collectors.toSet());
        Snapshot before = data.snapshot();
        long version = data.memberVersion(list);

        MembersRemovedResult result = listMembers.removeMembers(list, given.selection(ids), given.exclude(),
                ProgressListener.NONE);

        assertThat(result).isEqualTo(new MembersRemovedResult(removed.size(), given.exclude() ? removed.size() : 0));
        Snapshot after = data.snapshot();
        assertThat(after.members()).isEqualTo(without(before.members(), removed));
        Set<Pair> exclusions = new HashSet<>(before.exclusions());
        if (given.exclude()) {
            exclusions.addAll(removed);
        }
        assertThat(after.exclusions()).isEqualTo(exclusions);
        assertThat(after.contacts()).isEqualTo(before.contacts());
        assertThat(after.lists()).isEqualTo(before.lists());
        assertThat(after.opportunities()).isEqualTo(before.opportunities());
        assertThat(after.opportunityLeads()).isEqualTo(before.opportunityLeads());
        assertThat(after.auditEntries()).isEqualTo(before.auditEntries() + 1);
        assertThat(data.memberVersion(list)).isGreaterThan(version);
    }

    @Provide
    Arbitrary<Case> cases() {
        return RandomContacts.arbitrary().flatMap(world -> {
            int people = world.people().size();
            int lists = world.cells().size();
            Arbitrary<Set<Integer>> ticked = Arbitraries.integers().between(0, people - 1).set().ofMinSize(1)
                    .injectNull(0.5);
            // The member search of a list's page: a filter whose list is the page's own
            Arbitrary<RandomContacts.Filter> search = RandomContacts.Filter.arbitrary(lists)
                    .map(f -> new RandomContacts.Filter(f.search(), f.status(), f.owner(), null, f.company(), f.minScore(),
                            f.maxScore()));
            return Combinators.combine(Arbitraries.integers().between(0, lists - 1), search, ticked,
                            Arbitraries.of(true, false), Arbitraries.of(Role.ADMIN, Role.COMPANY_MANAGER, Role.MARKETING_MANAGER))
                    .as((target, filter, rows, exclude, role) -> new Case(world, target, filter, rows, exclude, role));
        });
    }

    private static <T> Set<T> without(Set<T> all, Set<T> removed) {
        Set<T> result = new HashSet<>(all);
        result.removeAll(removed);
        return result;
    }
}
