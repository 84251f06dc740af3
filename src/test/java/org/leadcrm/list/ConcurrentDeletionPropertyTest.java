package org.leadcrm.list;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.leadcrm.base.ProgressListener;
import org.leadcrm.base.UserFacingException;
import org.leadcrm.contact.BulkSelection;
import org.leadcrm.contact.CrmSystem;
import org.leadcrm.deletion.LeadDeletionService;
import org.leadcrm.security.Role;
import org.leadcrm.testsupport.IntegrationTest;
import org.leadcrm.testsupport.TestData;
import org.springframework.security.test.context.TestSecurityContextHolder;

/**
 * A permanent delete confirmed on one list while someone else changes that list or deletes
 * contacts it shares: a thousand random interleavings of two real transactions. Whatever the
 * order, the delete removes exactly the contacts the user confirmed or nothing, no opportunity is
 * left without a lead, and every refusal says what happened (never a generic error, a deadlock
 * or a foreign-key failure).
 */
class ConcurrentDeletionPropertyTest extends IntegrationTest {

    private static final int INTERLEAVINGS = 1000;
    private static final long SEED = 20_261_201L;

    /** What the other user does while the delete is confirmed. */
    private enum Rival { ADD_A_MEMBER, REMOVE_A_MEMBER, SWAP_A_MEMBER, DELETE_AN_OVERLAPPING_LIST, DELETE_A_SHARED_LEAD }

    private final ListOptionsService options;
    private final BulkEditService bulkEdit;
    private final ListMemberService listMembers;
    private final LeadDeletionService leads;
    private final ExecutorService threads = Executors.newFixedThreadPool(2);

    ConcurrentDeletionPropertyTest(TestData data, ListOptionsService options, BulkEditService bulkEdit,
            ListMemberService listMembers, LeadDeletionService leads) {
        super(data);
        this.options = options;
        this.bulkEdit = bulkEdit;
        this.listMembers = listMembers;
        this.leads = leads;
    }

    @AfterEach
    void stopThreads() {
        threads.shutdownNow();
    }

    @Test
    void a_permanent_delete_racing_membership_changes_and_other_deletes_deletes_exactly_what_was_confirmed() throws Exception {
        Random random = new Random(SEED);
        Map<Rival, Integer> rivals = new EnumMap<>(Rival.class);
        int deleted = 0;
        int refused = 0;
        List<String> changedListDeleted = new ArrayList<>();
        List<String> opportunitiesWithoutLead = new ArrayList<>();
        List<String> genericErrors = new ArrayList<>();
        for (int trial = 0; trial < INTERLEAVINGS; trial++) {
            data.wipe();
            World world = World.create(data, random);
            Rival rival = Rival.values()[random.nextInt(Rival.values().length)];
            rivals.merge(rival, 1, Integer::sum);
            ListDeletionPreview confirmed = asAdmin(() -> options.previewDeletion(world.target));
            long otherCount = data.members(world.other).size();
            long otherVersion = data.memberVersion(world.other);
            long aMember = world.targetMembers.get(random.nextInt(world.targetMembers.size()));
            long aSharedLead = world.sharedLead;
            long[] delays = {random.nextInt(3_000_000), random.nextInt(3_000_000)};
            CyclicBarrier start = new CyclicBarrier(2);

            CompletableFuture<Object> delete = race(start, delays[0], () -> options.deleteAllContacts(world.target,
                    confirmed.preview().selected(), confirmed.memberVersion(), false, ProgressListener.NONE));
            CompletableFuture<Object> other = race(start, delays[1], () -> switch (rival) {
                case ADD_A_MEMBER -> bulkEdit.addContacts(world.target, BulkSelection.of(Set.of(world.outsider)), ProgressListener.NONE);
                case REMOVE_A_MEMBER -> {
                    listMembers.removeMember(world.target, aMember);
                    yield null;
                }
                case SWAP_A_MEMBER -> {
                    listMembers.removeMember(world.target, aMember);
                    yield bulkEdit.addContacts(world.target, BulkSelection.of(Set.of(world.outsider)), ProgressListener.NONE);
                }
                case DELETE_AN_OVERLAPPING_LIST -> options.deleteAllContacts(world.other, otherCount, otherVersion, false,
                        ProgressListener.NONE);
                case DELETE_A_SHARED_LEAD -> leads.deleteLead(aSharedLead);
            });

            String label = "trial " + trial + " against " + rival;
            Object deleteOutcome = outcome(delete);
            Object otherOutcome = outcome(other);
            for (Object outcome : java.util.Arrays.asList(deleteOutcome, otherOutcome)) {
                if (outcome instanceof Throwable error && !(error instanceof UserFacingException)) {
                    genericErrors.add(label + ": " + error);
                }
            }
            if (deleteOutcome instanceof ListOperationResult result) {
                deleted++;
                Set<Long> confirmedDeletable = new HashSet<>(world.targetMembers);
                confirmedDeletable.removeAll(world.synced);
                boolean exactlyConfirmed = result.contactsDeleted() == confirmed.preview().deletable()
                        && confirmedDeletable.stream().noneMatch(data::contactExists)
                        && data.contactExists(world.outsider);
                if (!exactlyConfirmed) {
                    changedListDeleted.add(label + ": deleted " + result.contactsDeleted() + " of "
                            + confirmed.preview().deletable() + " confirmed");
                }
            } else {
                refused++;
            }
            long orphans = data.jdbc().queryForObject("""
                    select count(*) from opportunity o
                    where not exists (select 1 from opportunity_contact oc where oc.opportunity_id = o.id)
                    """, Long.class);
            if (orphans > 0) {
                opportunitiesWithoutLead.add(label + ": " + orphans);
            }
        }
        System.out.printf("[concurrency] %d interleavings of a permanent delete with %s: deleted %d, refused clearly %d; "
                        + "%d deletes of a list other than the confirmed one, %d opportunities left without a lead, "
                        + "%d generic errors (deadlocks, foreign keys, timeouts)%n",
                INTERLEAVINGS, rivals, deleted, refused, changedListDeleted.size(), opportunitiesWithoutLead.size(),
                genericErrors.size());
        assertThat(changedListDeleted).isEmpty();
        assertThat(opportunitiesWithoutLead).isEmpty();
        assertThat(genericErrors).isEmpty();
        assertThat(deleted).as("some deletes went ahead").isPositive();
        assertThat(refused).as("some deletes were refused").isPositive();
    }

    private CompletableFuture<Object> race(CyclicBarrier start, long delayNanos, java.util.function.Supplier<Object> work) {
        return CompletableFuture.supplyAsync(() -> {
            signIn(Role.ADMIN);
            try {
                start.await(10, TimeUnit.SECONDS);
                LockSupport.parkNanos(delayNanos);
                return work.get();
            } catch (Exception e) {
                return e;
            } finally {
                TestSecurityContextHolder.clearContext();
            }
        }, threads);
    }

    private static Object outcome(CompletableFuture<Object> future) throws Exception {
        return future.get(30, TimeUnit.SECONDS);
    }

    private <T> T asAdmin(java.util.function.Supplier<T> work) {
        signIn(Role.ADMIN);
        try {
            return work.get();
        } finally {
            TestSecurityContextHolder.clearContext();
        }
    }

    /**
     * Eight contacts (a few synced), the target list, another list sharing some of its members,
     * opportunities whose leads sit on both lists, and an outsider on neither.
     */
    private record World(long target, long other, List<Long> targetMembers, Set<Long> synced, long outsider,
            long sharedLead) {

        static World create(TestData data, Random random) {
            List<Long> contacts = new ArrayList<>();
            Set<Long> synced = new HashSet<>();
            for (int i = 0; i < 8; i++) {
                boolean isSynced = i > 0 && random.nextInt(4) == 0;
                long id = data.contact().synced(isSynced ? CrmSystem.SALESFORCE : CrmSystem.NONE).create();
                contacts.add(id);
                if (isSynced) {
                    synced.add(id);
                }
            }
            long outsider = data.contact().create();
            long target = data.manualList("Target");
            long other = data.manualList("Other");
            List<Long> targetMembers = contacts.subList(0, 5);
            data.addMembers(target, targetMembers);
            data.addMembers(other, contacts.subList(3, 8));
            for (int o = 0; o < 3; o++) {
                long first = contacts.get(random.nextInt(contacts.size()));
                long second = contacts.get(random.nextInt(contacts.size()));
                data.opportunity("Deal " + o, first == second ? new Long[] {first} : new Long[] {first, second});
            }
            // Contact 0 is never synced and is on the target list only; contact 3 or 4 is on both lists.
            long sharedLead = synced.contains(contacts.get(3)) ? contacts.get(0) : contacts.get(3);
            return new World(target, other, List.copyOf(targetMembers), synced, outsider, sharedLead);
        }
    }
}
