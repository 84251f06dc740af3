package org.leadcrm.security;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.lang.Nullable;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Failed sign-ins per username and client address, and the locks they lead to: after
 * {@code leadcrm.security.max-failed-logins} failures that address may not sign in to that
 * account for {@code leadcrm.security.lock-duration}. The owner, elsewhere, still can; an
 * Administrator can lift the lock.
 *
 * <p>A failure is counted by one {@code UPDATE} of the pair's row, which the database applies
 * to the latest row under its row lock: parallel failures are each counted, and exactly one of
 * them reaches the limit and locks. There is no version column to collide on.
 */
@Component
class SignInThrottle {

    /** Longer addresses (not an IP address, but what a proxy sent) are cut to this length. */
    static final int MAX_ADDRESS_LENGTH = 100;
    /** As {@code app_user.username}: a longer name is no account's, and there is nothing to protect. */
    private static final int MAX_USERNAME_LENGTH = 50;
    /** Rounds of "count, or create the row and count again", or waits for a lock that timed out. */
    private static final int ROUNDS = 5;

    private final NamedParameterJdbcTemplate jdbc;
    private final TransactionTemplate transaction;
    private final TransactionTemplate ownTransaction;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final int maxFailures;
    private final Duration lockDuration;

    SignInThrottle(NamedParameterJdbcTemplate jdbc, PlatformTransactionManager transactions,
            ApplicationEventPublisher events, Clock clock,
            @Value("${leadcrm.security.max-failed-logins}") int maxFailures,
            @Value("${leadcrm.security.lock-duration}") Duration lockDuration) {
        this.jdbc = jdbc;
        this.transaction = new TransactionTemplate(transactions);
        this.ownTransaction = new TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.events = events;
        this.clock = clock;
        this.maxFailures = maxFailures;
        this.lockDuration = lockDuration;
    }

    boolean isLocked(String username, String clientAddress) {
        Long locks = jdbc.queryForObject("""
                select count(*) from sign_in_throttle
                where username = :username and client_address = :address and locked_until > :now
                """, pair(username, clientAddress).addValue("now", timestamp(clock.instant())), Long.class);
        return locks != null && locks > 0;
    }

    /**
     * Counts a failed sign-in of {@code username} from {@code clientAddress}, and locks the pair
     * when that makes {@code max-failed-logins}; the lock is audited in the same transaction.
     * Failures start to count again from one once a lock has run out, or after a quiet spell as
     * long as a lock.
     */
    void recordFailure(String username, String clientAddress) {
        recordFailure(username, clientAddress, true);
    }

    /**
     * As {@link #recordFailure(String, String)}, for a wrong current password given by the
     * signed-in user when changing it: a lock it leads to is audited as theirs (a signed-in page's
     * request cannot act as the system, see {@link SystemAuthentication}).
     */
    void recordWrongPassword(String username, String clientAddress) {
        recordFailure(username, clientAddress, false);
    }

    private void recordFailure(String username, String clientAddress, boolean asSystem) {
        if (username.isEmpty() || username.length() > MAX_USERNAME_LENGTH) {
            return;
        }
        for (int round = 1; round <= ROUNDS; round++) {
            try {
                if (Boolean.TRUE.equals(transaction.execute(status -> count(username, clientAddress, asSystem)))) {
                    return;
                }
                createRow(username, clientAddress);
            } catch (ConcurrencyFailureException e) {
                // H2 stops waiting for a row lock after its lock timeout: count again
                if (round == ROUNDS) {
                    throw e;
                }
            }
        }
        throw new IllegalStateException("Could not count a failed sign-in of " + username);
    }

    /** After a successful sign-in: that address starts again with no failures. */
    void clear(String username, String clientAddress) {
        jdbc.update("delete from sign_in_throttle where username = :username and client_address = :address",
                pair(username, clientAddress));
    }

    /** Lifts every lock of the account and forgets its failures; whether it was locked anywhere. */
    @Transactional(propagation = Propagation.MANDATORY)
    boolean unlock(String username) {
        MapSqlParameterSource params = new MapSqlParameterSource("username", username)
                .addValue("now", timestamp(clock.instant()));
        Long locks = jdbc.queryForObject(
                "select count(*) from sign_in_throttle where username = :username and locked_until > :now", params, Long.class);
        jdbc.update("delete from sign_in_throttle where username = :username", params);
        return locks != null && locks > 0;
    }

    /** The accounts locked now, each with the end of its latest lock (of any address). */
    Map<String, Instant> lockedUntil() {
        Map<String, Instant> locked = new LinkedHashMap<>();
        jdbc.query("""
                select username, max(locked_until) as locked_until from sign_in_throttle
                where locked_until > :now group by username order by username
                """, new MapSqlParameterSource("now", timestamp(clock.instant())),
                rs -> {
                    locked.put(rs.getString("username"), instant(rs, "locked_until"));
                });
        return locked;
    }

    /** Inside the counting transaction: false if the pair has no row yet. */
    private boolean count(String username, String clientAddress, boolean asSystem) {
        Instant now = clock.instant();
        MapSqlParameterSource params = pair(username, clientAddress)
                .addValue("now", timestamp(now))
                .addValue("forgiven", timestamp(now.minus(lockDuration)));
        int counted = jdbc.update("""
                update sign_in_throttle set
                    failures = case
                        when locked_until <= :now then 1
                        when locked_until is null and last_failure_at <= :forgiven then 1
                        else failures + 1 end,
                    locked_until = case when locked_until <= :now then null else locked_until end,
                    last_failure_at = :now
                where username = :username and client_address = :address
                """, params);
        if (counted == 0) {
            return false;
        }
        // The update holds the row's lock until commit: what is read here is this failure's count.
        Count count = jdbc.queryForObject("""
                select failures, locked_until from sign_in_throttle
                where username = :username and client_address = :address
                """, params, (rs, rowNum) -> new Count(rs.getInt("failures"), rs.getObject("locked_until") != null));
        if (count != null && !count.locked() && count.failures() >= maxFailures) {
            Instant until = now.plus(lockDuration);
            jdbc.update("update sign_in_throttle set locked_until = :until where username = :username and client_address = :address",
                    params.addValue("until", timestamp(until)));
            if (isAccount(username)) {
                AccountLocked locked = new AccountLocked(username, until);
                if (asSystem) {
                    // the application locks, not whoever's session this request may carry
                    SystemAuthentication.runAsSystem(() -> events.publishEvent(locked));
                } else {
                    events.publishEvent(locked);
                }
            }
        }
        return true;
    }

    private record Count(int failures, boolean locked) {
    }

    /** Creates the pair's row with no failures yet; a row created meanwhile by a parallel failure is as good. */
    private void createRow(String username, String clientAddress) {
        try {
            ownTransaction.executeWithoutResult(status -> jdbc.update("""
                    insert into sign_in_throttle (username, client_address, failures, last_failure_at)
                    values (:username, :address, 0, :now)
                    """, pair(username, clientAddress).addValue("now", timestamp(clock.instant()))));
        } catch (DataIntegrityViolationException e) {
            // the parallel failure's row: count on it
        }
    }

    private boolean isAccount(String username) {
        Long users = jdbc.queryForObject("select count(*) from app_user where username = :username",
                new MapSqlParameterSource("username", username), Long.class);
        return users != null && users > 0;
    }

    private static MapSqlParameterSource pair(String username, String clientAddress) {
        return new MapSqlParameterSource("username", username).addValue("address", address(clientAddress));
    }

    static String address(@Nullable String clientAddress) {
        if (clientAddress == null || clientAddress.isBlank()) {
            return "unknown";
        }
        String address = clientAddress.strip();
        return address.length() > MAX_ADDRESS_LENGTH ? address.substring(0, MAX_ADDRESS_LENGTH) : address;
    }

    private static OffsetDateTime timestamp(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        return rs.getObject(column, OffsetDateTime.class).toInstant();
    }
}
