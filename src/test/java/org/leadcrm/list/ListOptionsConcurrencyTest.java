package org.leadcrm.list;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.leadcrm.base.ProgressListener;
import org.leadcrm.contact.BulkSelection;
import org.leadcrm.security.Role;
import org.leadcrm.testsupport.Concurrently;
import org.leadcrm.testsupport.IntegrationTest;
import org.leadcrm.testsupport.TestData;

/**
 * Options and Bulk Edit running at the same time, as they do for a team: each in its own
 * transaction on its own thread, paused part-way with a {@link ProgressListener}.
 */
class ListOptionsConcurrencyTest extends IntegrationTest {

    private static final long TIMEOUT_SECONDS = Concurrently.TIMEOUT_SECONDS;

    private final ListOptionsService options;
    private final BulkEditService bulkEdit;
    private final ExecutorService threads = Executors.newFixedThreadPool(2);

    ListOptionsConcurrencyTest(TestData data, ListOptionsService options, BulkEditService bulkEdit) {
        super(data);
        this.options = options;
        this.bulkEdit = bulkEdit;
    }

    @AfterEach
    void stopThreads() {
        threads.shutdownNow();
    }

    @Test
    void two_permanent_deletes_of_different_lists_at_the_same_time_run_one_after_the_other_and_both_complete() throws Exception {
        List<Long> first = data.contacts(3);
        List<Long> second = data.contacts(4);
        long firstList = data.manualList("First");
        long secondList = data.manualList("Second");
        data.addMembers(firstList, first);
        data.addMembers(secondList, second);
        CountDownLatch firstDeleting = new CountDownLatch(1);
        CountDownLatch secondWaiting = new CountDownLatch(1);
        ProgressListener firstPausesUntilTheSecondWaits = pausesWhileDeleting(firstDeleting, secondWaiting);
        ProgressListener secondSaysItWaits = saysWhenItWaits(secondWaiting);

        CompletableFuture<ListOperationResult> one = asAdmin(() -> options.deleteAllContacts(firstList, 3,
                data.memberVersion(firstList), false, firstPausesUntilTheSecondWaits));
        Concurrently.await(firstDeleting);
        CompletableFuture<ListOperationResult> two = asAdmin(() -> options.deleteAllContacts(secondList, 4,
                data.memberVersion(secondList), false, secondSaysItWaits));

        // The first finishes only once the second has said that it waits for the bulk-work lock.
        assertThat(one.get(TIMEOUT_SECONDS, TimeUnit.SECONDS).contactsDeleted()).isEqualTo(3);
        assertThat(two.get(TIMEOUT_SECONDS, TimeUnit.SECONDS).contactsDeleted()).isEqualTo(4);
        assertThat(secondWaiting.getCount()).isZero();
        assertThat(data.count("contact")).isZero();
        assertThat(data.count("deletion_target")).isZero();
    }

    @Test
    void a_bulk_edit_into_a_list_being_deleted_waits_and_is_not_deleted_with_it() throws Exception {
        List<Long> members = data.contacts(3);
        long latecomer = data.contact("Late", "Comer");
        long list = data.manualList("Target");
        data.addMembers(list, members);
        long version = data.memberVersion(list);
        CountDownLatch deleting = new CountDownLatch(1);
        CountDownLatch bulkEditWaiting = new CountDownLatch(1);
        ProgressListener pauseUntilTheBulkEditWaits = pausesWhileDeleting(deleting, bulkEditWaiting);
        ProgressListener bulkEditSaysItWaits = saysWhenItWaits(bulkEditWaiting);

        CompletableFuture<ListOperationResult> deletion = asAdmin(() -> options.deleteAllContacts(list, 3, version, false,
                pauseUntilTheBulkEditWaits));
        Concurrently.await(deleting);
        CompletableFuture<BulkAddResult> adding = asAdmin(() -> bulkEdit.addContacts(list,
                BulkSelection.of(Set.of(latecomer)), bulkEditSaysItWaits));

        assertThat(deletion.get(TIMEOUT_SECONDS, TimeUnit.SECONDS).contactsDeleted()).isEqualTo(3);
        assertThat(adding.get(TIMEOUT_SECONDS, TimeUnit.SECONDS)).isEqualTo(new BulkAddResult(1, 0, 0));
        assertThat(bulkEditWaiting.getCount()).as("the Bulk Edit waited for the deletion").isZero();
        assertThat(data.contactIds()).containsExactly(latecomer);
        assertThat(data.members(list)).containsExactly(latecomer);
    }

    @Test
    void a_bulk_edit_into_another_list_sharing_contacts_with_a_list_being_deleted_adds_only_the_survivors()
            throws Exception {
        List<Long> members = data.contacts(3);
        long survivor = data.contact("Still", "Here");
        long list = data.manualList("Doomed");
        long other = data.manualList("Other");
        data.addMembers(list, members);
        long version = data.memberVersion(list);
        CountDownLatch deleting = new CountDownLatch(1);
        CountDownLatch bulkEditWaiting = new CountDownLatch(1);
        ProgressListener pauseUntilTheBulkEditWaits = pausesWhileDeleting(deleting, bulkEditWaiting);
        ProgressListener bulkEditSaysItWaits = saysWhenItWaits(bulkEditWaiting);
        Set<Long> everyone = new java.util.HashSet<>(members);
        everyone.add(survivor);

        CompletableFuture<ListOperationResult> deletion = asAdmin(() -> options.deleteAllContacts(list, 3, version, false,
                pauseUntilTheBulkEditWaits));
        Concurrently.await(deleting);
        CompletableFuture<BulkAddResult> adding = asAdmin(() -> bulkEdit.addContacts(other, BulkSelection.of(everyone),
                bulkEditSaysItWaits));

        assertThat(deletion.get(TIMEOUT_SECONDS, TimeUnit.SECONDS).contactsDeleted()).isEqualTo(3);
        assertThat(adding.get(TIMEOUT_SECONDS, TimeUnit.SECONDS)).isEqualTo(new BulkAddResult(1, 0, 0));
        assertThat(data.members(other)).containsExactly(survivor);
    }

    /** Reports each time it is told the operation waits for another one. */
    private static ProgressListener saysWhenItWaits(CountDownLatch waiting) {
        return new ProgressListener() {
            @Override
            public void phase(String phase, int step, int steps) {
            }

            @Override
            public void waiting(String reason) {
                waiting.countDown();
            }
        };
    }

    /** Holds the deletion just before it deletes the contacts, until {@code mayGoOn} opens. */
    private static ProgressListener pausesWhileDeleting(CountDownLatch deleting, CountDownLatch mayGoOn) {
        return (phase, step, steps) -> {
            if (phase.equals("Deleting the contacts")) {
                deleting.countDown();
                Concurrently.await(mayGoOn);
            }
        };
    }

    private <T> CompletableFuture<T> asAdmin(Supplier<T> work) {
        return Concurrently.as(Role.ADMIN, threads, work);
    }
}
