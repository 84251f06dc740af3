package org.leadcrm.base.ui;

import java.util.concurrent.RejectedExecutionException;
import org.leadcrm.base.UserFacingException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.access.AccessDeniedException;

/** Turns an error into words for the user: never a stack trace, never internals. */
public final class ErrorMessages {

    private static final Logger log = LoggerFactory.getLogger(ErrorMessages.class);

    static final String SHUTTING_DOWN = "The server is shutting down: nothing was started. Try again in a minute.";

    private ErrorMessages() {
    }

    /** What to tell the user about an error; anything unexpected is logged with its stack trace. */
    public static String messageFor(Throwable error) {
        Throwable cause = error;
        while (cause != null) {
            if (cause instanceof UserFacingException userFacing) {
                return userFacing.getMessage();
            }
            if (cause instanceof AccessDeniedException) {
                log.warn("Access denied: {}", cause.getMessage());
                return "You do not have permission to do that.";
            }
            if (cause instanceof RejectedExecutionException) {
                log.warn("Refused during shutdown: {}", cause.toString());
                return SHUTTING_DOWN;
            }
            cause = cause.getCause();
        }
        log.error("Unexpected error", error);
        return "Something went wrong. Please try again; if it keeps happening, tell your administrator.";
    }
}
