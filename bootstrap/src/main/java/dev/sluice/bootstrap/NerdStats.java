package dev.sluice.bootstrap;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryUsage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** {@code engineering.show_nerdstats}: the JVM's memory, GC and thread figures, logged at shutdown. */
final class NerdStats {

    private static final Logger LOG = LoggerFactory.getLogger(NerdStats.class);

    private NerdStats() {
    }

    static void log() {
        MemoryUsage heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage();
        MemoryUsage nonHeap = ManagementFactory.getMemoryMXBean().getNonHeapMemoryUsage();
        long gcCount = 0;
        long gcMillis = 0;
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            gcCount += Math.max(0, gc.getCollectionCount());
            gcMillis += Math.max(0, gc.getCollectionTime());
        }
        var threads = ManagementFactory.getThreadMXBean();
        LOG.info("nerdstats: heap used {} MiB of {} MiB committed (max {} MiB), non-heap {} MiB, {} GC cycles "
                        + "taking {} ms, {} threads (peak {}), uptime {} s",
                heap.getUsed() >> 20, heap.getCommitted() >> 20, heap.getMax() >> 20, nonHeap.getUsed() >> 20,
                gcCount, gcMillis, threads.getThreadCount(), threads.getPeakThreadCount(),
                ManagementFactory.getRuntimeMXBean().getUptime() / 1000);
    }
}
