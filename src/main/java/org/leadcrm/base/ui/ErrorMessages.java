package org.leadcrm.base.ui;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;
import java.util.concurrent.RejectedExecutionException;
import org.leadcrm.base.UserFacingException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.security.access.AccessDeniedException;

/** Turns an error into words for the user: never a stack trace, never internals. */
public final class ErrorMessages {

    private static final Logger log = LoggerFactory.getLogger(ErrorMessages.class);

    static final String SHUTTING_DOWN = "The server is shutting down: nothing was started. Try again in a minute.";
    static final String BUSY = "Nothing was changed — another operation was working on the same contacts or list. "
            + "Try again in a moment.";
    static final String CHANGED_MEANWHILE = "Nothing was changed — the contacts or list changed while this ran "
            + "(for example, someone deleted one). Look again and try again.";
    static final String EDITED_CONCURRENTLY = "Nothing was changed — someone else changed this at the same time. "
            + "Reload and try again.";
    static final String UNEXPECTED = "Something went wrong. Please try again; if it keeps happening, tell your administrator.";

    /**
     * Failures that roll the whole transaction back and that trying again can cure: the user is
     * told so, and they are logged as warnings (they happen in normal operation), without a
     * stack trace. Spring translates most of them; the JPA and Hibernate ones are there for
     * when one arrives untranslated, as the cause of another exception.
     */
    private static final List<Expected> EXPECTED = List.of(
            new Expected(BUSY, "lock timeout, deadlock or query timeout",
                    PessimisticLockingFailureException.class, // with CannotAcquireLock, DeadlockLoser, CannotSerialize
                    QueryTimeoutException.class,
                    jakarta.persistence.PessimisticLockException.class,
                    jakarta.persistence.LockTimeoutException.class,
                    jakarta.persistence.QueryTimeoutException.class,
                    org.hibernate.PessimisticLockException.class,
                    org.hibernate.exception.LockAcquisitionException.class, // with Hibernate's LockTimeoutException
                    org.hibernate.QueryTimeoutException.class),
            new Expected(CHANGED_MEANWHILE, "constraint violated by concurrent change",
                    DataIntegrityViolationException.class,
                    org.hibernate.exception.ConstraintViolationException.class),
            new Expected(EDITED_CONCURRENTLY, "optimistic lock failure",
                    OptimisticLockingFailureException.class,
                    jakarta.persistence.OptimisticLockException.class,
                    org.hibernate.StaleStateException.class),
            new Expected(SHUTTING_DOWN, "refused during shutdown",
                    RejectedExecutionException.class)); // Spring's TaskRejectedException too

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
            if (cause instanceof ConstraintViolationException invalid && !invalid.getConstraintViolations().isEmpty()) {
                log.warn("Refused as invalid: {}", invalid.getMessage());
                return describe(invalid);
            }
            for (Expected expected : EXPECTED) {
                if (expected.matches(cause)) {
                    log.warn("Nothing was changed, {}: {}", expected.what(), cause.toString());
                    return expected.message();
                }
            }
            cause = cause.getCause();
        }
        log.error("Unexpected error", error);
        return UNEXPECTED;
    }

    /**
     * The violations' own messages, which are written for users where the constraint is declared
     * ("The name is too long: at most 100 characters."); a default one ("size must be between 0
     * and 100") is prefixed with the name of its field.
     */
    private static String describe(ConstraintViolationException invalid) {
        return invalid.getConstraintViolations().stream()
                .sorted(Comparator.comparing(violation -> violation.getPropertyPath().toString()))
                .map(ErrorMessages::describe)
                .distinct()
                .collect(Collectors.joining(" "));
    }

    private static String describe(ConstraintViolation<?> violation) {
        if (!violation.getMessageTemplate().startsWith("{")) {
            return violation.getMessage();
        }
        String field = "";
        for (jakarta.validation.Path.Node node : violation.getPropertyPath()) {
            field = node.getName() == null ? field : node.getName();
        }
        return field.isEmpty() ? violation.getMessage() : field + ": " + violation.getMessage();
    }

    private record Expected(String message, String what, List<Class<? extends Throwable>> types) {

        @SafeVarargs
        Expected(String message, String what, Class<? extends Throwable>... types) {
            this(message, what, List.of(types));
        }

        boolean matches(Throwable error) {
            return types.stream().anyMatch(type -> type.isInstance(error));
        }
    }
}
