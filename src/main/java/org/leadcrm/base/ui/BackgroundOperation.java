package org.leadcrm.base.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.UIDetachedException;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.server.Command;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import org.leadcrm.base.ProgressListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.scheduling.concurrent.CustomizableThreadFactory;
import org.springframework.security.concurrent.DelegatingSecurityContextRunnable;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * Runs a service operation for the UI. Small ones run at once; large ones run on a worker thread
 * as the user who started them, while a dialog shows their phases through server push and the
 * rest of the app stays usable. The operation itself is one transaction either way: if the user
 * closes the tab or signs out it still completes or rolls back, whole.
 *
 * <p>It owns its worker threads so that a shutdown can let the operations already started (or
 * queued) finish before the database goes away, and refuse new ones.
 */
@Component
public class BackgroundOperation implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(BackgroundOperation.class);

    /** As many as Spring Boot's default task executor, which these operations used to share. */
    private static final int THREADS = 8;

    private final ExecutorService executor;
    private final long threshold;
    private final Duration shutdownWait;
    private volatile boolean shuttingDown;

    @Autowired
    BackgroundOperation(@Value("${leadcrm.ui.background-threshold:10000}") long threshold,
            @Value("${leadcrm.background.shutdown-wait:3m}") Duration shutdownWait) {
        this(Executors.newFixedThreadPool(THREADS, new CustomizableThreadFactory("background-")), threshold, shutdownWait);
    }

    BackgroundOperation(ExecutorService executor, long threshold, Duration shutdownWait) {
        this.executor = executor;
        this.threshold = threshold;
        this.shutdownWait = shutdownWait;
    }

    /**
     * @param size      how many rows the operation touches, to choose between now and in the background
     * @param title     what the progress dialog says is going on
     * @param operation the service call, told where to report progress
     * @param onSuccess run in the UI with the result
     */
    public <T> void run(long size, String title, Function<ProgressListener, T> operation, Consumer<T> onSuccess) {
        if (shuttingDown) {
            log.info("Refused during shutdown: {}", title);
            Notifications.error(ErrorMessages.SHUTTING_DOWN);
            return;
        }
        UI ui = UI.getCurrent();
        if (size <= threshold || ui == null) {
            T result;
            try {
                result = operation.apply(ProgressListener.NONE);
            } catch (RuntimeException e) {
                Notifications.error(ErrorMessages.messageFor(e));
                return;
            }
            onSuccess.accept(result);
            return;
        }
        ProgressDialog dialog = new ProgressDialog(title);
        dialog.open();
        Runnable work = () -> {
            try {
                T result = operation.apply(new ProgressListener() {
                    @Override
                    public void phase(String phase, int step, int steps) {
                        tellUser(ui, () -> dialog.show(phase, step, steps));
                    }

                    @Override
                    public void waiting(String reason) {
                        tellUser(ui, () -> dialog.showWaiting(reason));
                    }
                });
                tellUser(ui, () -> {
                    dialog.close();
                    onSuccess.accept(result);
                });
            } catch (Throwable e) {
                // Errors too (a failed assertion, an OutOfMemoryError): otherwise the dialog would
                // stay open forever. Nothing is rethrown: the error is logged here, and a task that
                // throws only costs the pool its thread and prints to stderr instead of the log.
                String message = ErrorMessages.messageFor(e);
                tellUser(ui, () -> {
                    dialog.close();
                    Notifications.error(message);
                });
            }
        };
        try {
            executor.execute(new DelegatingSecurityContextRunnable(work, startingUser()));
        } catch (RejectedExecutionException shutDownMeanwhile) {
            dialog.close();
            Notifications.error(ErrorMessages.messageFor(shutDownMeanwhile));
            return;
        }
        log.debug("Started in the background: {}", title);
    }

    /**
     * Reads something that can take a while, such as a confirmation's counts, on a worker thread
     * as the current user, and hands it to the page when it is there: the page is never frozen
     * by a query that grows with the data (docs/decisions/006). Without a page (a service
     * calling), it reads at once.
     *
     * @param onLoaded run in the UI with what was read
     * @param onFailed run in the UI with the message for the user if reading failed
     */
    public <T> void load(Supplier<T> query, Consumer<T> onLoaded, Consumer<String> onFailed) {
        UI ui = UI.getCurrent();
        if (ui == null) {
            onLoaded.accept(query.get());
            return;
        }
        Runnable work = () -> {
            try {
                T result = query.get();
                tellUser(ui, () -> onLoaded.accept(result));
            } catch (Throwable e) {
                String message = ErrorMessages.messageFor(e);
                tellUser(ui, () -> onFailed.accept(message));
            }
        };
        try {
            executor.execute(new DelegatingSecurityContextRunnable(work, startingUser()));
        } catch (RejectedExecutionException shutDownMeanwhile) {
            onFailed.accept(ErrorMessages.messageFor(shutDownMeanwhile));
        }
    }

    /**
     * A copy of the current user's security context. Not the context itself: signing out clears
     * that very object, and the operation would go on as nobody (recorded as "system" in the audit
     * log, or refused half-way by a permission check).
     */
    private static SecurityContext startingUser() {
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(SecurityContextHolder.getContext().getAuthentication());
        return context;
    }

    /**
     * Updates the user's page if it is still open. A user who closed the tab must not stop the
     * operation: it goes on and commits (its audit entry records it).
     */
    private static void tellUser(UI ui, Command update) {
        try {
            ui.access(update);
        } catch (UIDetachedException closed) {
            log.debug("The page was closed; the operation goes on");
        }
    }

    // --- shutdown ----------------------------------------------------------------------------

    @Override
    public void start() {
        // The threads start with the first operation.
    }

    /**
     * Refuses new operations, then waits (at most {@code leadcrm.background.shutdown-wait}) for
     * the running and queued ones: each is a transaction a user was promised would complete.
     * This runs in the first shutdown phase, before the web server stops, so their users can
     * still be told the outcome; the database is there until every phase has stopped.
     */
    @Override
    public void stop() {
        shuttingDown = true;
        executor.shutdown();
        try {
            if (executor.awaitTermination(shutdownWait.toMillis(), TimeUnit.MILLISECONDS)) {
                return;
            }
            log.warn("Background operations still running after {}; interrupting them (each rolls back whole)",
                    shutdownWait);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        executor.shutdownNow();
    }

    @Override
    public boolean isRunning() {
        return !shuttingDown;
    }

    /** Shows the phase a long operation is in. */
    static final class ProgressDialog extends Dialog {

        private final ProgressBar bar = new ProgressBar();
        private final Span phase = new Span("Starting…");

        ProgressDialog(String title) {
            setHeaderTitle(title);
            setCloseOnEsc(false);
            setCloseOnOutsideClick(false);
            setModal(false);
            setDraggable(true);
            bar.setIndeterminate(true);
            add(phase, bar, new Paragraph("You can go on working; you will be told when this is done. "
                    + "It completes as a whole or not at all."));
            setWidth("28rem");
        }

        void show(String text, int step, int steps) {
            phase.setText("Step " + step + " of " + steps + ": " + text);
            bar.setIndeterminate(false);
            bar.setValue((double) (step - 1) / steps);
        }

        /** The operation waits for another one before it can go on. */
        void showWaiting(String reason) {
            phase.setText(reason);
            bar.setIndeterminate(true);
        }
    }
}
