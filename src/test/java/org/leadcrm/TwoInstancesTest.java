package org.leadcrm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariDataSource;
import java.net.URI;
import java.sql.SQLException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.leadcrm.base.BulkWorkLock;
import org.leadcrm.base.ProgressListener;
import org.leadcrm.contact.BulkSelection;
import org.leadcrm.contact.ContactFilter;
import org.leadcrm.contact.ContactRow;
import org.leadcrm.contact.ContactService;
import org.leadcrm.contact.ContactSort;
import org.leadcrm.list.BulkAddResult;
import org.leadcrm.list.BulkEditService;
import org.leadcrm.list.ListChangedException;
import org.leadcrm.list.ListDeletionPreview;
import org.leadcrm.list.ListNotFoundException;
import org.leadcrm.list.ListOperationResult;
import org.leadcrm.list.ListOptionsService;
import org.leadcrm.security.Role;
import org.leadcrm.testsupport.Concurrently;
import org.leadcrm.testsupport.TestData;
import org.leadcrm.testsupport.TestDatabaseInitializer;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.AuthenticationCredentialsNotFoundException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;

/**
 * Two instances of LeadCRM on one PostgreSQL database, as behind a load balancer
 * (docs/deploying.md): two application contexts, each with its own web server on its own port, its
 * own connection pool and its own Spring Security, sharing nothing but the database. Instance A
 * runs the bulk work; instance B serves the Contact Manager's pages meanwhile, or runs bulk work
 * of its own on the same list. Ordering is by latches, never by sleeping.
 *
 * <p>It runs in a JVM of its own (the Surefire execution {@code two-instances} in pom.xml), as two
 * more application contexts in the suite's JVM would replace the JVM-wide security-context
 * strategy under the suite's cached one (see {@code ApplicationTest}); it puts that strategy back
 * when it ends all the same.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@EnabledIfSystemProperty(named = TestDatabaseInitializer.DATABASE_PROPERTY, matches = "(?i)\\s*postgres(ql)?\\s*",
        disabledReason = "Several instances share one PostgreSQL server (docs/deploying.md). H2 is embedded in the process"
                + " of one instance, so two instances cannot share it: this test runs on PostgreSQL only.")
class TwoInstancesTest {

    /** Members of the list deleted while B serves pages: a large list, in a test that stays short. */
    private static final int LARGE_LIST = 30_000;
    private static final int OTHER_CONTACTS = 2_000;
    private static final int IDLE_PAGES = 100;
    private static final long TIMEOUT_SECONDS = 120;

    private final ExecutorService threads = Executors.newFixedThreadPool(4);
    private SecurityContextHolderStrategy strategyBefore;
    private Instance a;
    private Instance b;
    private TestData data;

    @BeforeAll
    void startTwoInstances() {
        strategyBefore = SecurityContextHolder.getContextHolderStrategy();
        a = Instance.start("A");
        b = Instance.start("B");
        data = a.bean(TestData.class);
    }

    @AfterAll
    void stopBoth() {
        threads.shutdownNow();
        if (b != null) {
            b.close();
        }
        if (a != null) {
            a.close();
        }
        if (strategyBefore != null) {
            SecurityContextHolder.setContextHolderStrategy(strategyBefore);
        }
    }

    @BeforeEach
    void startFromEmptyTables() {
        data.wipe();
        for (Role role : List.of(Role.ADMIN, Role.SALESPERSON)) {
            data.jdbc().update("insert into app_user (username, username_key, display_name, password_hash, role)"
                    + " values (?, lower(?), ?, 'x', ?)",
                    TestData.usernameOf(role), TestData.usernameOf(role), role.displayName(), role.name());
        }
    }

    @AfterEach
    void signOut() {
        a.signOut();
        b.signOut();
    }

    @Test
    void each_instance_serves_its_own_port_and_checks_who_may_do_what_itself() throws Exception {
        long list = data.manualList("Shared");
        data.addMembers(list, data.contacts(3));

        assertThat(a.port()).isNotEqualTo(b.port());
        for (Instance instance : List.of(a, b)) {
            HttpResponse<String> login = HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(URI.create("http://localhost:" + instance.port() + "/login")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(login.statusCode()).as(instance.name + " serves the sign-in page").isEqualTo(200);

            ListOptionsService options = instance.bean(ListOptionsService.class);
            assertThat(instance.as(Role.ADMIN, () -> options.previewDeletion(list).preview().selected()))
                    .as("an Administrator may open the confirmation on " + instance.name).isEqualTo(3);
            assertThatThrownBy(() -> instance.as(Role.SALESPERSON, () -> options.previewDeletion(list)))
                    .as("a Salesperson may not, on " + instance.name).isInstanceOf(AccessDeniedException.class);
            assertThatThrownBy(() -> options.previewDeletion(list))
                    .as("nobody signed in, on " + instance.name).isInstanceOf(AuthenticationCredentialsNotFoundException.class);
        }
        // Each instance reads the signed-in user from its own strategy: A's method security does
        // not see a user signed in to B (whose strategy, started last, is also the JVM-wide one).
        assertThat(SecurityContextHolder.getContextHolderStrategy()).isSameAs(b.security);
        ListOptionsService optionsOnA = a.bean(ListOptionsService.class);
        assertThatThrownBy(() -> b.as(Role.ADMIN, () -> optionsOnA.previewDeletion(list)))
                .isInstanceOf(AuthenticationCredentialsNotFoundException.class);
    }

    @Test
    void a_large_permanent_delete_on_A_leaves_B_serving_pages_without_error_and_B_sees_the_result_when_A_commits()
            throws Exception {
        long list = data.manualList("Large");
        List<Long> members = data.contacts(LARGE_LIST);
        List<Long> others = data.contacts(OTHER_CONTACTS);
        data.addMembers(list, members);
        for (int i = 0; i < 200; i++) {
            data.opportunity("Goes " + i, members.get(i));
        }
        long stays = data.opportunity("Stays", members.get(0), others.get(0));
        long before = LARGE_LIST + OTHER_CONTACTS;
        long after = OTHER_CONTACTS;
        ContactService contactsOnB = b.bean(ContactService.class);
        ListOptionsService optionsOnA = a.bean(ListOptionsService.class);
        Supplier<Page> page = () -> {
            long start = System.nanoTime();
            // As the Contact Manager asks when it opens: the count above the grid, then its first page.
            long count = contactsOnB.count(ContactFilter.ALL);
            List<ContactRow> rows = contactsOnB.find(ContactFilter.ALL, ContactSort.NAME, true, 0, 50);
            return new Page(start, System.nanoTime(), count, rows.size());
        };

        List<Page> idle = b.as(Role.ADMIN, () -> {
            for (int i = 0; i < 20; i++) {
                page.get(); // warm-up
            }
            List<Page> pages = new ArrayList<>();
            for (int i = 0; i < IDLE_PAGES; i++) {
                pages.add(page.get());
            }
            return pages;
        });
        assertThat(idle).allSatisfy(p -> assertThat(p.count()).isEqualTo(before));

        ListDeletionPreview confirmation = a.as(Role.ADMIN, () -> optionsOnA.previewDeletion(list));
        assertThat(confirmation.preview().selected()).isEqualTo(LARGE_LIST);
        AtomicLong pausedAt = new AtomicLong(Long.MAX_VALUE);
        AtomicLong committedAt = new AtomicLong(Long.MAX_VALUE);
        CountDownLatch pagesWhileAHoldsItsWork = new CountDownLatch(3);
        CountDownLatch pagesAfterCommit = new CountDownLatch(3);
        AtomicBoolean stop = new AtomicBoolean();
        AtomicInteger connectionsOfA = new AtomicInteger(-1);

        CompletableFuture<List<Page>> reading = b.async(Role.ADMIN, threads, () -> {
            List<Page> pages = new ArrayList<>();
            while (!stop.get()) {
                Page served = page.get();
                pages.add(served);
                if (served.start() > pausedAt.get()) {
                    pagesWhileAHoldsItsWork.countDown();
                }
                if (served.start() > committedAt.get()) {
                    pagesAfterCommit.countDown();
                }
            }
            return pages;
        });
        // A stops for a moment before deleting the contact rows, with opportunities, links and
        // memberships already deleted in its open transaction, until B has served three pages.
        ProgressListener pausesBeforeDeletingTheContacts = (phase, step, steps) -> {
            if (phase.equals("Deleting the contacts")) {
                connectionsOfA.set(a.activeConnections());
                pausedAt.set(System.nanoTime());
                Concurrently.await(pagesWhileAHoldsItsWork);
            }
        };
        long deleteStarted = System.nanoTime();
        CompletableFuture<ListOperationResult> deleting = a.async(Role.ADMIN, threads, () -> {
            ListOperationResult result = optionsOnA.deleteAllContacts(list, confirmation.preview().selected(),
                    confirmation.memberVersion(), false, pausesBeforeDeletingTheContacts);
            committedAt.set(System.nanoTime());
            return result;
        });

        ListOperationResult result = deleting.get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        Concurrently.await(pagesAfterCommit);
        stop.set(true);
        List<Page> served = reading.get(TIMEOUT_SECONDS, TimeUnit.SECONDS); // B's errors, if any, fail here

        assertThat(result.contactsDeleted()).isEqualTo(LARGE_LIST);
        assertThat(result.opportunitiesDeleted()).isEqualTo(200);
        assertThat(connectionsOfA).as("A's delete holds one connection of A's pool").hasValue(1);
        List<Page> during = served.stream().filter(p -> p.start() >= deleteStarted && p.end() <= committedAt.get()).toList();
        assertThat(during).as("pages B served while A's delete was open").hasSizeGreaterThanOrEqualTo(3);
        assertThat(during).as("A's uncommitted work is invisible to B").allSatisfy(p -> assertThat(p.count()).isEqualTo(before));
        assertThat(served).as("B sees all of the delete or none of it")
                .allSatisfy(p -> assertThat(p.count()).isIn(before, after));
        assertThat(served.stream().filter(p -> p.start() > committedAt.get()))
                .as("every page B started after A committed shows the result")
                .hasSizeGreaterThanOrEqualTo(3)
                .allSatisfy(p -> {
                    assertThat(p.count()).isEqualTo(after);
                    assertThat(p.rows()).isEqualTo(50);
                });
        assertThat(data.count("contact")).isEqualTo(after);
        assertThat(data.count("list_member")).isZero();
        assertThat(data.count("deletion_target")).isZero();
        assertThat(data.opportunityExists(stays)).isTrue();
        assertThat(data.count("opportunity")).isEqualTo(1);
        assertThat(auditEntries()).containsExactly("DELETE_ALL_CONTACTS by admin: " + LARGE_LIST);

        System.out.printf(Locale.ROOT, "[two instances] PostgreSQL: A permanently deleted a list of %,d contacts in %.1f s"
                        + " (%,d contacts in all); B's Contact Manager page (count + first 50 rows):%n  idle:            %s%n"
                        + "  during A's delete: %s%n",
                LARGE_LIST, (committedAt.get() - deleteStarted) / 1e9, before, Latency.of(idle), Latency.of(during));
    }

    @Test
    void the_same_permanent_delete_from_A_and_B_at_once_runs_once_and_the_other_is_refused_when_its_turn_comes()
            throws Exception {
        long list = data.manualList("Both");
        data.addMembers(list, data.contacts(1_000));
        data.contacts(10);
        ListDeletionPreview onA = a.as(Role.ADMIN, () -> a.bean(ListOptionsService.class).previewDeletion(list));
        ListDeletionPreview onB = b.as(Role.ADMIN, () -> b.bean(ListOptionsService.class).previewDeletion(list));
        assertThat(onA).isEqualTo(onB);
        CountDownLatch go = new CountDownLatch(1);
        CountDownLatch oneWaits = new CountDownLatch(1);
        // Whichever takes the bulk-work lock first holds it until the other says that it waits.
        ProgressListener listener = new ProgressListener() {
            @Override
            public void phase(String phase, int step, int steps) {
                if (phase.equals("Deleting the contacts")) {
                    Concurrently.await(oneWaits);
                }
            }

            @Override
            public void waiting(String reason) {
                oneWaits.countDown();
            }
        };

        List<CompletableFuture<ListOperationResult>> deletes = new ArrayList<>();
        for (Instance instance : List.of(a, b)) {
            ListDeletionPreview confirmation = instance == a ? onA : onB;
            deletes.add(instance.async(Role.ADMIN, threads, () -> {
                Concurrently.await(go);
                return instance.bean(ListOptionsService.class).deleteAllContacts(list, confirmation.preview().selected(),
                        confirmation.memberVersion(), false, listener);
            }));
        }
        go.countDown();

        Outcomes<ListOperationResult> outcomes = Outcomes.of(deletes);
        assertThat(outcomes.succeeded()).singleElement().satisfies(r -> assertThat(r.contactsDeleted()).isEqualTo(1_000));
        assertThat(outcomes.failed()).singleElement(InstanceOfAssertFactories.THROWABLE).isInstanceOf(ListChangedException.class)
                .hasMessage("The list changed while you were confirming — look again. It now has 0 contacts. Nothing was deleted.");
        assertThat(oneWaits.getCount()).as("the second waited for the first").isZero();
        assertThat(data.count("contact")).isEqualTo(10);
        assertThat(data.listExists(list)).isTrue();
        assertThat(data.count("deletion_target")).isZero();
        assertThat(auditEntries()).containsExactly("DELETE_ALL_CONTACTS by admin: 1000");
    }

    @Test
    void the_same_delete_list_from_A_and_B_at_once_in_the_page_runs_once_and_the_other_gives_up_clearly() throws Exception {
        long list = data.manualList("Both");
        data.addMembers(list, data.contacts(100));
        CountDownLatch go = new CountDownLatch(1);
        CountDownLatch oneFinished = new CountDownLatch(1);
        // As the user waits in the page (not in the background): the one that finds the lock taken
        // waits briefly. Whichever takes it holds it until the other has given up.
        ProgressListener inThePage = new ProgressListener() {
            @Override
            public void phase(String phase, int step, int steps) {
                if (phase.equals("Deleting the list")) {
                    Concurrently.await(oneFinished);
                }
            }

            @Override
            public boolean inBackground() {
                return false;
            }
        };

        List<CompletableFuture<ListOperationResult>> deletes = new ArrayList<>();
        for (Instance instance : List.of(a, b)) {
            CompletableFuture<ListOperationResult> delete = instance.async(Role.ADMIN, threads, () -> {
                Concurrently.await(go);
                return instance.bean(ListOptionsService.class).deleteList(list, inThePage);
            });
            delete.whenComplete((result, error) -> oneFinished.countDown());
            deletes.add(delete);
        }
        go.countDown();

        Outcomes<ListOperationResult> outcomes = Outcomes.of(deletes);
        assertThat(outcomes.succeeded()).singleElement().satisfies(r -> assertThat(r.membersRemoved()).isEqualTo(100));
        assertThat(outcomes.failed()).singleElement(InstanceOfAssertFactories.THROWABLE).isInstanceOf(BulkWorkLock.BusyException.class)
                .hasMessage("Nothing was changed — another bulk operation on contacts is still running. "
                        + "Try again when it has finished.");
        assertThat(data.listExists(list)).isFalse();
        assertThat(data.count("contact")).isEqualTo(100);
        assertThat(data.count("list_member")).isZero();
        assertThat(auditEntries()).containsExactly("DELETE_LIST by admin: 100");
    }

    @Test
    void a_bulk_edit_on_B_into_a_list_that_A_is_deleting_with_its_contacts_waits_and_is_refused_with_the_list_gone()
            throws Exception {
        long list = data.manualList("Doomed");
        data.addMembers(list, data.contacts(2_000));
        long other = data.manualList("Other");
        List<Long> latecomers = latecomers(300);
        data.addMembers(other, latecomers.subList(0, 10));
        ListDeletionPreview confirmation = a.as(Role.ADMIN, () -> a.bean(ListOptionsService.class).previewDeletion(list));
        CountDownLatch deleting = new CountDownLatch(1);
        CountDownLatch bulkEditWaits = new CountDownLatch(1);

        CompletableFuture<ListOperationResult> deletion = a.async(Role.ADMIN, threads,
                () -> a.bean(ListOptionsService.class).deleteAllContacts(list, 2_000, confirmation.memberVersion(), true,
                        pausesAt("Deleting the contacts", deleting, bulkEditWaits)));
        Concurrently.await(deleting);
        AtomicInteger connectionsOfB = new AtomicInteger(-1);
        ProgressListener countsConnectionsWhenItWaits = new ProgressListener() {
            @Override
            public void phase(String phase, int step, int steps) {
            }

            @Override
            public void waiting(String reason) {
                connectionsOfB.set(b.activeConnections());
                bulkEditWaits.countDown();
            }
        };
        CompletableFuture<BulkAddResult> adding = b.async(Role.ADMIN, threads,
                () -> b.bean(BulkEditService.class).addContacts(list, latecomersSelection(), countsConnectionsWhenItWaits));

        assertThat(deletion.get(TIMEOUT_SECONDS, TimeUnit.SECONDS).contactsDeleted()).isEqualTo(2_000);
        assertThatThrownBy(() -> adding.get(TIMEOUT_SECONDS, TimeUnit.SECONDS)).cause()
                .isInstanceOf(ListNotFoundException.class)
                .hasMessage("This list no longer exists. Someone may have deleted it.");
        assertThat(connectionsOfB).as("waiting for the bulk-work lock, the Bulk Edit holds one connection of B's pool,"
                + " its own transaction's").hasValue(1);
        assertThat(data.listExists(list)).isFalse();
        assertThat(data.contactIds()).containsExactlyInAnyOrderElementsOf(latecomers);
        assertThat(data.count("list_member")).as("only the other list's members are left").isEqualTo(10);
        assertThat(data.members(other)).containsExactlyInAnyOrderElementsOf(latecomers.subList(0, 10));
        assertThat(auditEntries()).containsExactly("DELETE_ALL_CONTACTS_AND_LIST by admin: 2000");
    }

    @Test
    void a_bulk_edit_on_B_that_goes_first_completes_whole_and_A_deletes_only_after_confirming_again() throws Exception {
        long list = data.manualList("Growing");
        data.addMembers(list, data.contacts(2_000));
        List<Long> latecomers = latecomers(300);
        ListOptionsService optionsOnA = a.bean(ListOptionsService.class);
        ListDeletionPreview stale = a.as(Role.ADMIN, () -> optionsOnA.previewDeletion(list));
        CountDownLatch adding = new CountDownLatch(1);
        CountDownLatch deletionWaits = new CountDownLatch(1);

        CompletableFuture<BulkAddResult> bulkEdit = b.async(Role.ADMIN, threads,
                () -> b.bean(BulkEditService.class).addContacts(list, latecomersSelection(),
                        pausesAt("Adding 300 contacts to the list", adding, deletionWaits)));
        Concurrently.await(adding);
        CompletableFuture<ListOperationResult> deletion = a.async(Role.ADMIN, threads,
                () -> optionsOnA.deleteAllContacts(list, stale.preview().selected(), stale.memberVersion(), true,
                        saysWhenItWaits(deletionWaits)));

        assertThat(bulkEdit.get(TIMEOUT_SECONDS, TimeUnit.SECONDS)).isEqualTo(new BulkAddResult(300, 0, 0));
        assertThatThrownBy(() -> deletion.get(TIMEOUT_SECONDS, TimeUnit.SECONDS)).cause()
                .isInstanceOf(ListChangedException.class)
                .hasMessage("The list changed while you were confirming — look again. It now has 2300 contacts. Nothing was deleted.");
        assertThat(data.members(list)).hasSize(2_300).containsAll(latecomers);
        assertThat(data.count("contact")).isEqualTo(2_300);
        assertThat(auditEntries()).isEmpty();

        ListDeletionPreview fresh = a.as(Role.ADMIN, () -> optionsOnA.previewDeletion(list));
        ListOperationResult deleted = a.as(Role.ADMIN, () -> optionsOnA.deleteAllContacts(list, fresh.preview().selected(),
                fresh.memberVersion(), true, ProgressListener.NONE));
        assertThat(deleted.contactsDeleted()).isEqualTo(2_300);
        assertThat(data.listExists(list)).isFalse();
        assertThat(data.count("contact")).isZero();
        assertThat(auditEntries()).containsExactly("DELETE_ALL_CONTACTS_AND_LIST by admin: 2300");
    }

    // --- helpers ----------------------------------------------------------------------------------

    /** Contacts of the company the Bulk Edit selects, on no list. */
    private List<Long> latecomers(int count) {
        List<Long> ids = data.contacts(count);
        data.jdbc().update("update contact set company = 'Latecomer Ltd' where id in (select id from contact"
                + " where id >= ? and id <= ?)", ids.get(0), ids.get(ids.size() - 1));
        return ids;
    }

    private static BulkSelection latecomersSelection() {
        return BulkSelection.matching(new ContactFilter(null, null, null, null, "Latecomer Ltd", null, null, null, null,
                null, null));
    }

    /** The audit log as "OPERATION by user: contacts affected", oldest first. */
    private List<String> auditEntries() {
        return data.jdbc().query("select operation, username, contacts_affected from audit_entry order by id",
                (rs, n) -> rs.getString(1) + " by " + rs.getString(2) + ": " + rs.getLong(3));
    }

    /** Holds the operation at {@code phase} until {@code mayGoOn} opens. */
    private static ProgressListener pausesAt(String phase, CountDownLatch reached, CountDownLatch mayGoOn) {
        return (current, step, steps) -> {
            if (current.equals(phase)) {
                reached.countDown();
                Concurrently.await(mayGoOn);
            }
        };
    }

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

    /** One Contact Manager page as B served it: when it started and ended, the count shown, the rows read. */
    private record Page(long start, long end, long count, int rows) {
    }

    /** Median, 95th percentile and maximum of the pages' times. */
    private record Latency(int pages, double medianMs, double p95Ms, double maxMs) {

        static Latency of(List<Page> pages) {
            List<Double> ms = new ArrayList<>(pages.stream().map(p -> (p.end() - p.start()) / 1e6).toList());
            Collections.sort(ms);
            return new Latency(ms.size(), ms.get((ms.size() - 1) / 2), ms.get((int) Math.ceil(0.95 * ms.size()) - 1),
                    ms.get(ms.size() - 1));
        }

        @Override
        public String toString() {
            return String.format(Locale.ROOT, "median %.1f ms, 95th percentile %.1f ms, max %.1f ms (%d pages)",
                    medianMs, p95Ms, maxMs, pages);
        }
    }

    /** The results and the failures of operations started at once. */
    private record Outcomes<T>(List<T> succeeded, List<Throwable> failed) {

        static <T> Outcomes<T> of(List<CompletableFuture<T>> futures) throws Exception {
            List<T> succeeded = new ArrayList<>();
            List<Throwable> failed = new ArrayList<>();
            for (CompletableFuture<T> future : futures) {
                try {
                    succeeded.add(future.get(TIMEOUT_SECONDS, TimeUnit.SECONDS));
                } catch (ExecutionException e) {
                    failed.add(e.getCause());
                }
            }
            return new Outcomes<>(succeeded, failed);
        }
    }

    /**
     * One instance of the application: its own web server on a free port, its own pool, all on
     * the database the instances share.
     *
     * <p>Signing in: the instance's method security reads the user from the instance's own
     * security-context strategy (Vaadin's, a bean of the context), while code that asks
     * {@link SecurityContextHolder} (the audit log's user name, say) reads the JVM-wide strategy,
     * which is the last started context's. In production each instance has a JVM of its own and
     * the two are one; here the user is set in both, on the thread that does the work.
     */
    private static final class Instance implements AutoCloseable {

        final String name;
        private final ConfigurableApplicationContext context;
        private final SecurityContextHolderStrategy security;

        private Instance(String name, ConfigurableApplicationContext context) {
            this.name = name;
            this.context = context;
            this.security = context.getBean(SecurityContextHolderStrategy.class);
        }

        static Instance start(String name) {
            ConfigurableApplicationContext context = new SpringApplicationBuilder(LeadCrmApplication.class)
                    .logStartupInfo(false)
                    .run("--server.port=0",
                            "--" + TestDatabaseInitializer.SHARED_DATABASE_PROPERTY + "=two_instances",
                            "--vaadin.devmode.devTools.enabled=false",
                            "--spring.main.banner-mode=off",
                            "--logging.level.root=warn");
            return new Instance(name, context);
        }

        int port() {
            return ((WebServerApplicationContext) context).getWebServer().getPort();
        }

        <T> T bean(Class<T> type) {
            return context.getBean(type);
        }

        /** Connections of this instance's pool in use at this moment. */
        int activeConnections() {
            try {
                return bean(DataSource.class).unwrap(HikariDataSource.class).getHikariPoolMXBean().getActiveConnections();
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        }

        /** Runs {@code work} on this thread, signed in to this instance as the test user of {@code role}. */
        <T> T as(Role role, Supplier<T> work) {
            Authentication user = UsernamePasswordAuthenticationToken.authenticated(TestData.usernameOf(role), null,
                    AuthorityUtils.createAuthorityList(role.authority()));
            SecurityContextHolderStrategy global = SecurityContextHolder.getContextHolderStrategy();
            for (SecurityContextHolderStrategy strategy : List.of(security, global)) {
                SecurityContext context = strategy.createEmptyContext();
                context.setAuthentication(user);
                strategy.setContext(context);
            }
            try {
                return work.get();
            } finally {
                security.clearContext();
                global.clearContext();
            }
        }

        <T> CompletableFuture<T> async(Role role, ExecutorService threads, Supplier<T> work) {
            return CompletableFuture.supplyAsync(() -> as(role, work), threads);
        }

        void signOut() {
            security.clearContext();
            SecurityContextHolder.getContextHolderStrategy().clearContext();
        }

        @Override
        public void close() {
            context.close();
        }
    }
}
