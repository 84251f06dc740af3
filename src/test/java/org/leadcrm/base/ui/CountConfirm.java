package org.leadcrm.base.ui;

import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.textfield.TextField;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * The parts of a {@link CountConfirmDialog} a UI test uses, for the tests of the features that open
 * one: the field the count is typed into, the buttons, and a way to wait for the counts.
 */
public final class CountConfirm {

    /** What a count shows until the numbers are in. */
    public static final String COUNTING = CountConfirmDialog.COUNTING;

    private CountConfirm() {
    }

    public static TextField typedCount(CountConfirmDialog<?> dialog) {
        return dialog.typedCount;
    }

    public static Button delete(CountConfirmDialog<?> dialog) {
        return dialog.delete;
    }

    public static Button cancel(CountConfirmDialog<?> dialog) {
        return dialog.cancel;
    }

    public static boolean isCounting(CountConfirmDialog<?> dialog) {
        return dialog.isCounting();
    }

    /** Lets the page take the counts the worker thread read, as the browser's next round trip would. */
    public static <D extends CountConfirmDialog<?>> D countsShown(D dialog) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (dialog.isCounting()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("The counts never arrived");
            }
            MockVaadin.clientRoundtrip();
            LockSupport.parkNanos(5_000_000);
        }
        return dialog;
    }
}
