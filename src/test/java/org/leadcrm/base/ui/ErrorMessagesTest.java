package org.leadcrm.base.ui;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.constraints.Size;
import java.sql.SQLException;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.leadcrm.base.UserFacingException;
import org.leadcrm.list.ListDraft;
import org.leadcrm.list.ListRules;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.core.task.TaskRejectedException;
import org.springframework.dao.CannotAcquireLockException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.DeadlockLoserDataAccessException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.transaction.TransactionSystemException;

/** What the user reads for each kind of failure: a reason and what to do, never internals. */
@ExtendWith(OutputCaptureExtension.class)
class ErrorMessagesTest {

    private static final SQLException LOCK_TIMEOUT = new SQLException("Timeout trying to lock table CONTACT_LIST", "HYT00");

    @SuppressWarnings("deprecation") // CannotSerializeTransactionException: still thrown by older translators
    static Stream<Arguments> failures() {
        return Stream.of(
                Arguments.of(new PessimisticLockingFailureException("lock", LOCK_TIMEOUT), ErrorMessages.BUSY),
                Arguments.of(new CannotAcquireLockException("lock", LOCK_TIMEOUT), ErrorMessages.BUSY),
                Arguments.of(new DeadlockLoserDataAccessException("deadlock", LOCK_TIMEOUT), ErrorMessages.BUSY),
                Arguments.of(new QueryTimeoutException("statement timeout"), ErrorMessages.BUSY),
                Arguments.of(new org.springframework.dao.CannotSerializeTransactionException("serialization"), ErrorMessages.BUSY),
                Arguments.of(new org.hibernate.PessimisticLockException("lock", LOCK_TIMEOUT, "select"), ErrorMessages.BUSY),
                Arguments.of(new jakarta.persistence.LockTimeoutException("lock timeout"), ErrorMessages.BUSY),
                Arguments.of(new jakarta.persistence.PessimisticLockException("lock"), ErrorMessages.BUSY),
                Arguments.of(new org.hibernate.exception.LockTimeoutException("lock", LOCK_TIMEOUT, "select"), ErrorMessages.BUSY),
                Arguments.of(new DataIntegrityViolationException("fk_list_member_contact"), ErrorMessages.CHANGED_MEANWHILE),
                Arguments.of(new DuplicateKeyException("uk_list_member"), ErrorMessages.CHANGED_MEANWHILE),
                Arguments.of(new OptimisticLockingFailureException("version"), ErrorMessages.EDITED_CONCURRENTLY),
                Arguments.of(new ObjectOptimisticLockingFailureException("ContactList", 7L), ErrorMessages.EDITED_CONCURRENTLY),
                Arguments.of(new jakarta.persistence.OptimisticLockException("version"), ErrorMessages.EDITED_CONCURRENTLY),
                Arguments.of(new TaskRejectedException("executor shut down"), ErrorMessages.SHUTTING_DOWN));
    }

    @ParameterizedTest
    @MethodSource("failures")
    void a_failure_that_trying_again_can_cure_says_nothing_was_changed_and_what_to_do(Throwable failure, String message) {
        assertThat(ErrorMessages.messageFor(failure)).isEqualTo(message);
    }

    @ParameterizedTest
    @MethodSource("failures")
    void the_same_failure_wrapped_as_a_cause_gets_the_same_message(Throwable failure, String message) {
        Throwable wrapped = new TransactionSystemException("Could not commit", new RuntimeException("wrapper", failure));

        assertThat(ErrorMessages.messageFor(wrapped)).isEqualTo(message);
    }

    @Test
    void an_expected_failure_is_logged_as_a_warning_without_a_stack_trace(CapturedOutput output) {
        ErrorMessages.messageFor(new RuntimeException(new CannotAcquireLockException("lock", LOCK_TIMEOUT)));

        assertThat(output.getOut()).contains("WARN").contains("CannotAcquireLockException").doesNotContain("\tat ");
    }

    @Test
    void a_user_facing_refusal_is_shown_as_it_is_even_when_wrapped() {
        Throwable wrapped = new TransactionSystemException("Could not commit", new UserFacingException("This list changed."));

        assertThat(ErrorMessages.messageFor(wrapped)).isEqualTo("This list changed.");
    }

    @Test
    void invalid_input_is_described_by_the_messages_of_its_constraints() {
        Validator validator = Validation.buildDefaultValidatorFactory().getValidator();
        ListRules rules = new ListRules(null, "x".repeat(101), null, null, null, null, null, null, null);
        ListDraft draft = ListDraft.ruleBased("x".repeat(101), null, rules, true);

        String message = ErrorMessages.messageFor(new ConstraintViolationException(validator.validate(draft)));

        assertThat(message).isEqualTo("The name is too long: at most 100 characters. "
                + "The rule \"City is\" is too long: at most 100 characters.");
    }

    record Unexplained(@Size(max = 3) String code) {
    }

    @Test
    void a_constraint_without_a_message_of_its_own_is_named_by_its_field() {
        Validator validator = Validation.buildDefaultValidatorFactory().getValidator();

        String message = ErrorMessages.messageFor(new ConstraintViolationException(validator.validate(new Unexplained("ABCD"))));

        // The default message itself is in the JVM's language ("size must be between 0 and 3").
        assertThat(message).startsWith("code: ").contains("3").isNotEqualTo(ErrorMessages.UNEXPECTED);
    }

    @Test
    void a_refused_permission_says_so() {
        assertThat(ErrorMessages.messageFor(new AccessDeniedException("Access Denied")))
                .isEqualTo("You do not have permission to do that.");
    }

    @Test
    void anything_else_is_a_generic_message_that_reveals_nothing() {
        String message = ErrorMessages.messageFor(new IllegalStateException("column CONTACT.SECRET not found"));

        assertThat(message).isEqualTo(ErrorMessages.UNEXPECTED).doesNotContain("CONTACT");
    }
}
