package org.leadcrm.base.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._assertNone;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.NotificationsKt.expectNotifications;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.vaadin.flow.component.UI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.leadcrm.base.UserFacingException;
import org.leadcrm.list.ListOperationResult;
import org.leadcrm.list.ListOptionsService;
import org.leadcrm.security.Role;
import org.leadcrm.testsupport.TestData;
import org.springframework.context.ApplicationContext;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;

/** Large operations run off the UI thread, as the user who started them, with their phases shown. */
class BackgroundOperationTest extends KaribuTest {

    private static final Duration SHUTDOWN_WAIT = Duration.ofSeconds(10);

    private final ExecutorService worker = Executors.newSingleThreadExecutor();

    BackgroundOperationTest(TestData data, ApplicationContext context) {
        super(data, context);
    }

    @AfterEach
    void stopWorker() {
        worker.shutdownNow();
    }

    /** Runs everything as a "large" operation: the threshold is zero. */
    private BackgroundOperation inBackground() {
        return new BackgroundOperation(worker, 0, SHUTDOWN_WAIT);
    }

    private void awaitWorker() throws InterruptedException {
        CountDownLatch drained = new CountDownLatch(1);
        worker.execute(drained::countDown);
        assertThat(drained.await(10, TimeUnit.SECONDS)).isTrue();
        MockVaadin.clientRoundtrip();
    }

    @Test
    void a_large_operation_runs_on_another_thread_as_the_signed_in_user_and_shows_its_phases() throws Exception {
        signInAs(Role.COMPANY_MANAGER);
        CountDownLatch inPhaseTwo = new CountDownLatch(1);
        CountDownLatch mayFinish = new CountDownLatch(1);
        AtomicReference<String> thread = new AtomicReference<>();
        AtomicReference<String> result = new AtomicReference<>();

        inBackground().run(20_000, "Deleting contacts", progress -> {
            thread.set(Thread.currentThread().getName());
            progress.phase("Deleting the contacts", 2, 3);
            inPhaseTwo.countDown();
            await(mayFinish);
            return SecurityContextHolder.getContext().getAuthentication().getName();
        }, result::set);

        assertThat(inPhaseTwo.await(10, TimeUnit.SECONDS)).isTrue();
        MockVaadin.clientRoundtrip();
        BackgroundOperation.ProgressDialog dialog = _get(BackgroundOperation.ProgressDialog.class);
        assertThat(dialog.getElement().getTextRecursively()).contains("Step 2 of 3: Deleting the contacts");
        assertThat(result.get()).as("the UI is not blocked while the work runs").isNull();

        mayFinish.countDown();
        awaitWorker();

        assertThat(thread.get()).isNotEqualTo(Thread.currentThread().getName());
        assertThat(result.get()).isEqualTo(TestData.usernameOf(Role.COMPANY_MANAGER));
        _assertNone(BackgroundOperation.ProgressDialog.class);
    }

    @Test
    void the_audit_log_names_the_user_who_started_an_operation_even_if_they_sign_out_while_it_runs() throws Exception {
        long list = data.manualList("Webinar");
        data.addMembers(list, data.contacts(3));
        signInAs(Role.COMPANY_MANAGER);
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch signedOut = new CountDownLatch(1);
        AtomicReference<ListOperationResult> result = new AtomicReference<>();

        inBackground().run(20_000, "Removing all contacts from Webinar", progress -> {
            started.countDown();
            await(signedOut);
            return bean(ListOptionsService.class).removeAllContacts(list, false, progress);
        }, result::set);
        assertThat(started.await(10, TimeUnit.SECONDS)).isTrue();
        signOutAsSpringSecurityDoes();
        signedOut.countDown();
        awaitWorker();

        assertThat(result.get()).as("the operation completed").isNotNull();
        assertThat(result.get().membersRemoved()).isEqualTo(3);
        assertThat(data.jdbc().queryForList("select username from audit_entry", String.class))
                .containsExactly(TestData.usernameOf(Role.COMPANY_MANAGER));
    }

    /** As {@code SecurityContextLogoutHandler}: the holder is cleared and the context object emptied. */
    private static void signOutAsSpringSecurityDoes() {
        SecurityContext context = SecurityContextHolder.getContext();
        SecurityContextHolder.clearContext();
        context.setAuthentication(null);
    }

    @Test
    void a_refusal_in_the_background_is_shown_to_the_user() throws Exception {
        signInAs(Role.ADMIN);
        inBackground().run(20_000, "Deleting contacts", progress -> {
            throw new UserFacingException("This list changed while you were confirming.");
        }, ignored -> { });

        awaitWorker();

        expectNotifications("This list changed while you were confirming.");
    }

    @Test
    void an_error_in_the_worker_closes_the_progress_dialog_with_a_message() throws Exception {
        signInAs(Role.ADMIN);
        CountDownLatch mayFail = new CountDownLatch(1);
        inBackground().run(20_000, "Deleting contacts", progress -> {
            await(mayFail);
            throw new StackOverflowError("thrown by the test");
        }, ignored -> { });
        _get(BackgroundOperation.ProgressDialog.class);

        mayFail.countDown();
        awaitWorker();

        _assertNone(BackgroundOperation.ProgressDialog.class);
        expectNotifications(ErrorMessages.UNEXPECTED);
    }

    @Test
    void closing_the_page_does_not_stop_the_operation() throws Exception {
        signInAs(Role.ADMIN);
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch mayFinish = new CountDownLatch(1);
        AtomicReference<Boolean> completed = new AtomicReference<>(false);
        inBackground().run(20_000, "Deleting contacts", progress -> {
            started.countDown();
            await(mayFinish);
            progress.phase("Deleting the contacts", 2, 3);
            completed.set(true);
            return true;
        }, ignored -> { });
        assertThat(started.await(10, TimeUnit.SECONDS)).isTrue();

        UI.getCurrent().close();
        MockVaadin.tearDown();
        mayFinish.countDown();
        CountDownLatch drained = new CountDownLatch(1);
        worker.execute(drained::countDown);
        assertThat(drained.await(10, TimeUnit.SECONDS)).isTrue();

        assertThat(completed.get()).isTrue();
    }

    // --- shutdown ------------------------------------------------------------------------------

    @Test
    void once_shutdown_has_begun_an_operation_is_refused_and_not_run() {
        signInAs(Role.ADMIN);
        BackgroundOperation background = inBackground();
        background.stop();
        AtomicBoolean ran = new AtomicBoolean();

        background.run(20_000, "Deleting contacts", progress -> ran.getAndSet(true), ignored -> { });
        background.run(1, "Removing one contact", progress -> ran.getAndSet(true), ignored -> { });

        expectNotifications(ErrorMessages.SHUTTING_DOWN, ErrorMessages.SHUTTING_DOWN);
        _assertNone(BackgroundOperation.ProgressDialog.class);
        assertThat(ran).isFalse();
    }

    @Test
    void an_operation_refused_by_a_stopped_executor_closes_its_dialog_and_says_the_server_is_shutting_down() {
        signInAs(Role.ADMIN);
        worker.shutdown();
        AtomicBoolean ran = new AtomicBoolean();

        inBackground().run(20_000, "Deleting contacts", progress -> ran.getAndSet(true), ignored -> { });

        expectNotifications(ErrorMessages.SHUTTING_DOWN);
        _assertNone(BackgroundOperation.ProgressDialog.class);
        assertThat(ran).isFalse();
    }

    @Test
    void shutdown_waits_for_the_running_and_the_queued_operations_to_finish() throws Exception {
        signInAs(Role.ADMIN);
        CountDownLatch shutdownWaiting = new CountDownLatch(1);
        ExecutorService observed = new ThreadPoolExecutor(1, 1, 0, TimeUnit.MILLISECONDS, new LinkedBlockingQueue<>()) {
            @Override
            public boolean awaitTermination(long timeout, TimeUnit unit) throws InterruptedException {
                shutdownWaiting.countDown();
                return super.awaitTermination(timeout, unit);
            }
        };
        try {
            BackgroundOperation background = new BackgroundOperation(observed, 0, SHUTDOWN_WAIT);
            CountDownLatch started = new CountDownLatch(1);
            List<String> finished = Collections.synchronizedList(new ArrayList<>());
            background.run(20_000, "Running", progress -> {
                started.countDown();
                await(shutdownWaiting);
                return finished.add("running");
            }, ignored -> { });
            background.run(20_000, "Queued", progress -> finished.add("queued"), ignored -> { });
            assertThat(started.await(10, TimeUnit.SECONDS)).isTrue();

            AtomicReference<List<String>> finishedWhenStopped = new AtomicReference<>();
            CountDownLatch stopped = new CountDownLatch(1);
            Thread shutdown = new Thread(() -> {
                background.stop();
                finishedWhenStopped.set(List.copyOf(finished));
                stopped.countDown();
            });
            shutdown.start();

            assertThat(stopped.await(10, TimeUnit.SECONDS)).isTrue();
            assertThat(finishedWhenStopped.get()).containsExactly("running", "queued");
        } finally {
            observed.shutdownNow();
        }
    }

    @Test
    void shutdown_interrupts_an_operation_still_running_after_the_configured_wait() throws Exception {
        signInAs(Role.ADMIN);
        BackgroundOperation background = new BackgroundOperation(worker, 0, Duration.ZERO);
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch interrupted = new CountDownLatch(1);
        background.run(20_000, "Never ending", progress -> {
            started.countDown();
            try {
                new CountDownLatch(1).await();
            } catch (InterruptedException e) {
                interrupted.countDown();
            }
            return null;
        }, ignored -> { });
        assertThat(started.await(10, TimeUnit.SECONDS)).isTrue();

        background.stop();

        assertThat(interrupted.await(10, TimeUnit.SECONDS)).isTrue();
    }

    /** Holds the operation until the test lets it go on; failing the test if that never happens. */
    private static void await(CountDownLatch latch) {
        try {
            assertThat(latch.await(10, TimeUnit.SECONDS)).as("the test let the operation go on").isTrue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while waiting for the test", e);
        }
    }
}
