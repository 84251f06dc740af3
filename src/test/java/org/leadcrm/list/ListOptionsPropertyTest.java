package org.leadcrm.list;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import java.util.stream.Collectors;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterProperty;
import net.jqwik.api.lifecycle.BeforeTry;
import org.leadcrm.base.ProgressListener;
import org.leadcrm.deletion.DeletionPreview;
import org.leadcrm.security.Role;
import org.leadcrm.testsupport.IntegrationTest;
import org.leadcrm.testsupport.TestData.Pair;
import org.leadcrm.testsupport.TestData.Snapshot;
import org.leadcrm.testsupport.TestData;
import org.springframework.context.ApplicationContext;
import org.springframework.security.test.context.TestSecurityContextHolder;

/**
 * The Options menu's promises, checked on random worlds of contacts (some synced), lists with
 * members and exclusions, and opportunities with one or more leads. jqwik runs these, not
 * Spring's JUnit extension, so the test takes the application from Spring's context cache: the
 * same one, on the same database, as every {@link IntegrationTest}.
 */
class ListOptionsPropertyTest {

    private static final int TRIES = 40;

    private final ApplicationContext context = IntegrationTest.sharedContext();
    private final TestData data = context.getBean(TestData.class);
    private final ListOptionsService options = context.getBean(ListOptionsService.class);

    @BeforeTry
    void emptyTablesAndSignIn() {
        data.wipe();
        IntegrationTest.signIn(Role.ADMIN);
    }

    @AfterProperty
    void signOut() {
        TestSecurityContextHolder.clearContext();
    }

    @Property(tries = TRIES)
    void remove_all_never_deletes_a_contact(@ForAll("worlds") RandomWorld world, @ForAll boolean keepExclusions) {
        RandomWorld.Ids ids = world.create(data);
        Snapshot before = data.snapshot();

        options.removeAllContacts(ids.target(), keepExclusions, ProgressListener.NONE);

        Snapshot after = data.snapshot();
        assertThat(after.contacts()).isEqualTo(before.contacts());
        assertThat(after.lists()).isEqualTo(before.lists());
        assertThat(after.members()).isEqualTo(without(before.members(), before.membersOf(ids.target())));
        assertThat(after.exclusions()).isEqualTo(keepExclusions ? before.exclusions()
                : without(before.exclusions(), before.exclusionsOf(ids.target())));
        assertThat(after.opportunities()).isEqualTo(before.opportunities());
        assertThat(after.opportunityLeads()).isEqualTo(before.opportunityLeads());
        assertThat(after.auditEntries()).isEqualTo(before.auditEntries() + 1);
    }

    @Property(tries = TRIES)
    void keep_exclusions_keeps_exactly_the_exclusions(@ForAll("worlds") RandomWorld world) {
        RandomWorld.Ids ids = world.create(data);
        Snapshot before = data.snapshot();

        options.removeAllContacts(ids.target(), true, ProgressListener.NONE);

        assertThat(data.snapshot().exclusions()).isEqualTo(before.exclusions());
    }

    @Property(tries = TRIES)
    void delete_list_never_deletes_a_contact(@ForAll("worlds") RandomWorld world) {
        RandomWorld.Ids ids = world.create(data);
        Snapshot before = data.snapshot();

        options.deleteList(ids.target(), ProgressListener.NONE);

        Snapshot after = data.snapshot();
        assertThat(after.contacts()).isEqualTo(before.contacts());
        assertThat(after.lists()).isEqualTo(without(before.lists(), Set.of(ids.target())));
        assertThat(after.members()).isEqualTo(without(before.members(), before.membersOf(ids.target())));
        assertThat(after.exclusions()).isEqualTo(without(before.exclusions(), before.exclusionsOf(ids.target())));
        assertThat(after.opportunities()).isEqualTo(before.opportunities());
        assertThat(after.opportunityLeads()).isEqualTo(before.opportunityLeads());
    }

    @Property(tries = TRIES)
    void a_permanent_delete_deletes_exactly_the_non_synced_members_and_nothing_else(
            @ForAll("worlds") RandomWorld world, @ForAll boolean alsoDeleteList) {
        RandomWorld.Ids ids = world.create(data);
        Snapshot before = data.snapshot();
        long target = ids.target();
        Set<Long> members = contacts(before.membersOf(target));
        Set<Long> doomed = members.stream().filter(id -> !ids.synced().contains(id)).collect(Collectors.toSet());
        Set<Long> doomedOpportunities = before.opportunities().stream()
                .filter(opportunity -> {
                    Set<Long> leads = before.opportunityLeads().stream().filter(link -> link.owner() == opportunity)
                            .map(Pair::contact).collect(Collectors.toSet());
                    return !leads.isEmpty() && doomed.containsAll(leads);
                })
                .collect(Collectors.toSet());
        DeletionPreview preview = options.previewDeletion(target).preview();

        ListOperationResult result = options.deleteAllContacts(target, members.size(), data.memberVersion(target), alsoDeleteList, ProgressListener.NONE);

        Snapshot after = data.snapshot();
        assertThat(after.contacts()).isEqualTo(without(before.contacts(), doomed));
        assertThat(after.lists()).isEqualTo(alsoDeleteList ? without(before.lists(), Set.of(target)) : before.lists());
        Set<Pair> expectedMembers = withoutContacts(before.members(), doomed);
        Set<Pair> expectedExclusions = withoutContacts(before.exclusions(), doomed);
        if (alsoDeleteList) {
            expectedMembers.removeIf(pair -> pair.owner() == target);
            expectedExclusions.removeIf(pair -> pair.owner() == target);
        }
        assertThat(after.members()).isEqualTo(expectedMembers);
        assertThat(after.exclusions()).isEqualTo(expectedExclusions);
        assertThat(after.opportunities()).isEqualTo(without(before.opportunities(), doomedOpportunities));
        Set<Pair> expectedLinks = withoutContacts(before.opportunityLeads(), doomed);
        expectedLinks.removeIf(link -> doomedOpportunities.contains(link.owner()));
        assertThat(after.opportunityLeads()).isEqualTo(expectedLinks);
        assertThat(result.contactsDeleted()).isEqualTo(doomed.size());
        assertThat(result.syncedKept()).isEqualTo(members.size() - doomed.size());
        assertThat(result.opportunitiesDeleted()).isEqualTo(doomedOpportunities.size());
        assertThat(preview).isEqualTo(new DeletionPreview(members.size(), members.size() - doomed.size(),
                doomedOpportunities.size()));
        assertThat(data.count("deletion_target")).isZero();
    }

    @Provide
    Arbitrary<RandomWorld> worlds() {
        return RandomWorld.arbitrary();
    }

    // --- set arithmetic ------------------------------------------------------------------------------

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

    private static Set<Long> contacts(Set<Pair> pairs) {
        return pairs.stream().map(Pair::contact).collect(Collectors.toSet());
    }
}
