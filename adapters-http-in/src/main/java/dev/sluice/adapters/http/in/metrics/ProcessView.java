package dev.sluice.adapters.http.in.metrics;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sluice.adapters.http.in.models.Formats;
import dev.sluice.adapters.http.in.models.JsonResponses;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryUsage;
import java.lang.management.ThreadMXBean;
import java.time.Clock;
import java.time.Duration;

/**
 * {@code /internal/process}: Olla reports Go's heap, GC and goroutines; this is the JVM's equivalent in the same
 * sections (memory, garbage_collection, threads in place of goroutines, runtime).
 */
final class ProcessView {

    private final JsonResponses json;
    private final Clock clock;

    ProcessView(JsonResponses json, Clock clock) {
        this.json = json;
        this.clock = clock;
    }

    ObjectNode render() {
        ObjectNode body = json.object();
        body.put("timestamp", Formats.rfc3339(clock.instant()));
        MemoryUsage heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage();
        MemoryUsage nonHeap = ManagementFactory.getMemoryMXBean().getNonHeapMemoryUsage();
        ObjectNode memory = body.putObject("memory");
        memory.put("heap_used", heap.getUsed());
        memory.put("heap_committed", heap.getCommitted());
        memory.put("heap_max", heap.getMax());
        memory.put("non_heap_used", nonHeap.getUsed());
        double pressure = heap.getMax() > 0 ? (double) heap.getUsed() / heap.getMax() : 0;
        memory.put("memory_pressure", pressure > 0.9 ? "high" : pressure > 0.7 ? "medium" : "low");
        ObjectNode gc = body.putObject("garbage_collection");
        long cycles = 0;
        long time = 0;
        ArrayNode collectors = gc.putArray("collectors");
        for (GarbageCollectorMXBean bean : ManagementFactory.getGarbageCollectorMXBeans()) {
            ObjectNode c = collectors.addObject();
            c.put("name", bean.getName());
            c.put("count", bean.getCollectionCount());
            c.put("time_ms", bean.getCollectionTime());
            cycles += Math.max(0, bean.getCollectionCount());
            time += Math.max(0, bean.getCollectionTime());
        }
        gc.put("num_gc_cycles", cycles);
        gc.put("total_gc_time_ms", time);
        gc.put("avg_gc_pause_ms", cycles == 0 ? 0 : Math.round(10.0 * time / cycles) / 10.0);
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        ObjectNode t = body.putObject("threads");
        t.put("count", threads.getThreadCount());
        t.put("daemon", threads.getDaemonThreadCount());
        t.put("peak", threads.getPeakThreadCount());
        t.put("health_status", threads.getThreadCount() > 2000 ? "high" : "healthy");
        ObjectNode runtime = body.putObject("runtime");
        long uptime = ManagementFactory.getRuntimeMXBean().getUptime();
        runtime.put("uptime", Formats.humanDuration(Duration.ofMillis(uptime)));
        runtime.put("uptime_seconds", uptime / 1000);
        runtime.put("java_version", System.getProperty("java.version"));
        runtime.put("vm", System.getProperty("java.vm.name"));
        runtime.put("num_cpu", Runtime.getRuntime().availableProcessors());
        return body;
    }
}
