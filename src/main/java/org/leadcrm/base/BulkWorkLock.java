package org.leadcrm.base;

import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The lock every bulk operation on contacts takes first (docs/decisions/004): a row lock held
 * until its transaction ends, so permanent deletes, Bulk Edits and rule rebuilds run one after
 * another on every instance of the application, and never deadlock with each other or see a
 * contact vanish under them. Waiting is a polled {@code SKIP LOCKED}, which both databases
 * answer at once, so a waiting operation can say that it waits and give up clearly.
 */
@Component
public class BulkWorkLock {

    private static final Duration POLL = Duration.ofMillis(50);

    private final JdbcTemplate jdbc;
    private final Duration foregroundWait;
    private final Duration backgroundWait;

    BulkWorkLock(JdbcTemplate jdbc,
            @Value("${leadcrm.bulk-work.foreground-wait:5s}") Duration foregroundWait,
            @Value("${leadcrm.bulk-work.background-wait:10m}") Duration backgroundWait) {
        this.jdbc = jdbc;
        this.foregroundWait = foregroundWait;
        this.backgroundWait = backgroundWait;
    }

    /**
     * Takes the lock for the rest of the caller's transaction, waiting for the bulk operation that
     * holds it: as long as it takes for a background operation, briefly for one the user waits on.
     *
     * @throws BusyException if the lock did not come free in time; nothing has been changed
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void acquire(ProgressListener progress) {
        Duration maxWait = progress.inBackground() ? backgroundWait : foregroundWait;
        long deadline = System.nanoTime() + maxWait.toNanos();
        boolean toldUser = false;
        while (!tryAcquire()) {
            if (System.nanoTime() > deadline) {
                throw new BusyException();
            }
            if (!toldUser) {
                progress.waiting("Waiting for another bulk operation on contacts to finish…");
                toldUser = true;
            }
            sleep();
        }
    }

    private boolean tryAcquire() {
        return !jdbc.queryForList("select name from bulk_work_lock where name = 'contacts' for update skip locked",
                String.class).isEmpty();
    }

    private static void sleep() {
        try {
            Thread.sleep(POLL.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BusyException();
        }
    }

    /** Another bulk operation held the lock for longer than this one could wait. */
    public static class BusyException extends UserFacingException {

        BusyException() {
            super("Nothing was changed — another bulk operation on contacts is still running. "
                    + "Try again when it has finished.");
        }
    }
}
