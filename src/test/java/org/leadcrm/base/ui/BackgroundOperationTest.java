package org.leadcrm.base.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._assertNone;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.NotificationsKt.expectNotifications;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.vaadin.flow.component.UI;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.leadcrm.base.UserFacingException;
import org.leadcrm.security.Role;
import org.leadcrm.testsupport.TestData;
import org.springframework.context.ApplicationContext;
import org.springframework.security.core.context.SecurityContextHolder;

/** Large operations run off the UI thread, as the signed-in user, with their phases shown. */
class BackgroundOperationTest extends KaribuTest {

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
        return new BackgroundOperation(worker, 0);
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
    void a_refusal_in_the_background_is_shown_to_the_user() throws Exception {
        signInAs(Role.ADMIN);
        inBackground().run(20_000, "Deleting contacts", progress -> {
            throw new UserFacingException("This list changed while you were confirming.");
        }, ignored -> { });

        awaitWorker();

        expectNotifications("This list changed while you were confirming.");
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

    private static void await(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
