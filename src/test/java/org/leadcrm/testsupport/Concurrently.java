package org.leadcrm.testsupport;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.leadcrm.security.Role;
import org.springframework.security.test.context.TestSecurityContextHolder;

/** Operations of two users at once, in tests: each on its own thread, ordered with latches. */
public final class Concurrently {

    /** How long a test waits for the other thread before it fails. */
    public static final long TIMEOUT_SECONDS = 20;

    private Concurrently() {
    }

    /** Runs {@code work} on one of {@code threads}, signed in as the test user of {@code role}. */
    public static <T> CompletableFuture<T> as(Role role, ExecutorService threads, Supplier<T> work) {
        return CompletableFuture.supplyAsync(() -> {
            IntegrationTest.signIn(role);
            try {
                return work.get();
            } finally {
                TestSecurityContextHolder.clearContext();
            }
        }, threads);
    }

    /** Waits for the latch, failing the test if the other thread never opens it. */
    public static void await(CountDownLatch latch) {
        try {
            if (!latch.await(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                throw new AssertionError("timed out waiting for the other thread");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
