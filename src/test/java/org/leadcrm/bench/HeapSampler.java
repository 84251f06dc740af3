package org.leadcrm.bench;

import com.sun.management.GarbageCollectionNotificationInfo;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.concurrent.atomic.AtomicLong;
import javax.management.NotificationEmitter;
import javax.management.NotificationListener;
import javax.management.openmbean.CompositeData;

/**
 * Heap growth while an operation runs: a baseline after {@code System.gc()}, then the used heap
 * sampled every 10 ms by a background thread ({@link #peakGrowth()}: peak minus baseline, garbage
 * not yet collected included), and the heap left after each collection that happens meanwhile
 * ({@link #peakLiveGrowth()}: what the operation actually holds, or -1 if no collection ran).
 */
final class HeapSampler implements AutoCloseable {

    private static final MemoryMXBean MEMORY = ManagementFactory.getMemoryMXBean();
    /** The heap's pools: a collection's report covers Metaspace and the code cache too, which are not heap. */
    private static final Set<String> HEAP_POOLS = ManagementFactory.getMemoryPoolMXBeans().stream()
            .filter(pool -> pool.getType() == MemoryType.HEAP).map(MemoryPoolMXBean::getName).collect(Collectors.toSet());

    private final long baseline;
    private final AtomicLong peak = new AtomicLong();
    private final AtomicLong peakAfterGc = new AtomicLong(-1);
    private final Thread sampler;
    private final List<Runnable> unregister = new ArrayList<>();
    private volatile boolean running = true;

    private HeapSampler() {
        System.gc();
        System.gc();
        baseline = used();
        peak.set(baseline);
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            if (gc instanceof NotificationEmitter emitter) {
                NotificationListener listener = (notification, handback) -> {
                    if (GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(notification.getType())) {
                        var info = GarbageCollectionNotificationInfo.from((CompositeData) notification.getUserData());
                        long after = info.getGcInfo().getMemoryUsageAfterGc().entrySet().stream()
                                .filter(pool -> HEAP_POOLS.contains(pool.getKey()))
                                .mapToLong(pool -> pool.getValue().getUsed()).sum();
                        peakAfterGc.accumulateAndGet(after, Math::max);
                    }
                };
                emitter.addNotificationListener(listener, null, null);
                unregister.add(() -> {
                    try {
                        emitter.removeNotificationListener(listener);
                    } catch (Exception e) {
                        // already gone
                    }
                });
            }
        }
        sampler = new Thread(() -> {
            while (running) {
                peak.accumulateAndGet(used(), Math::max);
                try {
                    Thread.sleep(10);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "bench-heap-sampler");
        sampler.setDaemon(true);
        sampler.start();
    }

    static HeapSampler start() {
        return new HeapSampler();
    }

    private static long used() {
        return MEMORY.getHeapMemoryUsage().getUsed();
    }

    @Override
    public void close() {
        running = false;
        peak.accumulateAndGet(used(), Math::max);
        try {
            sampler.join(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        unregister.forEach(Runnable::run);
    }

    /** Peak used heap minus the baseline, in bytes. */
    long peakGrowth() {
        return peak.get() - baseline;
    }

    /** The most heap left live after a collection during the run, minus the baseline; -1 if none ran. */
    long peakLiveGrowth() {
        long afterGc = peakAfterGc.get();
        return afterGc < 0 ? -1 : Math.max(0, afterGc - baseline);
    }
}
