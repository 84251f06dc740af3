package org.leadcrm.base.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.UIDetachedException;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.server.Command;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import java.util.function.Function;
import org.leadcrm.base.ProgressListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.concurrent.DelegatingSecurityContextRunnable;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * Runs a service operation for the UI. Small ones run at once; large ones run on a worker thread
 * with the user's security context, while a dialog shows their phases through server push and the
 * rest of the app stays usable. The operation itself is one transaction either way: if the user
 * closes the tab it still completes or rolls back, whole.
 */
@Component
public class BackgroundOperation {

    private static final Logger log = LoggerFactory.getLogger(BackgroundOperation.class);

    private final Executor executor;
    private final long threshold;

    BackgroundOperation(Executor applicationTaskExecutor, @Value("${leadcrm.ui.background-threshold:10000}") long threshold) {
        this.executor = applicationTaskExecutor;
        this.threshold = threshold;
    }

    /**
     * @param size      how many rows the operation touches, to choose between now and in the background
     * @param title     what the progress dialog says is going on
     * @param operation the service call, told where to report progress
     * @param onSuccess run in the UI with the result
     */
    public <T> void run(long size, String title, Function<ProgressListener, T> operation, Consumer<T> onSuccess) {
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
                T result = operation.apply((phase, step, steps) ->
                        tellUser(ui, () -> dialog.show(phase, step, steps)));
                tellUser(ui, () -> {
                    dialog.close();
                    onSuccess.accept(result);
                });
            } catch (RuntimeException e) {
                String message = ErrorMessages.messageFor(e);
                tellUser(ui, () -> {
                    dialog.close();
                    Notifications.error(message);
                });
            }
        };
        executor.execute(new DelegatingSecurityContextRunnable(work, SecurityContextHolder.getContext()));
        log.debug("Started in the background: {}", title);
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
    }
}
