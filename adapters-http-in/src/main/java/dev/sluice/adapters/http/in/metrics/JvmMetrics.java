package dev.sluice.adapters.http.in.metrics;

import com.codahale.metrics.Metric;
import com.codahale.metrics.MetricRegistry;
import com.codahale.metrics.MetricSet;
import com.codahale.metrics.jvm.ClassLoadingGaugeSet;
import com.codahale.metrics.jvm.GarbageCollectorMetricSet;
import com.codahale.metrics.jvm.MemoryUsageGaugeSet;
import com.codahale.metrics.jvm.ThreadStatesGaugeSet;
import java.util.Map;

/**
 * metrics-jvm's gauges in the registry under {@code jvm.*}. metrics-jvm names many of them {@code ...count},
 * which Prometheus reserves for summaries, so those are renamed as they are registered ({@code jvm.threads.count}
 * is {@code jvm.threads.live}, a collector's {@code count} is its {@code collections}).
 */
final class JvmMetrics {

    private JvmMetrics() {
    }

    static void register(MetricRegistry registry) {
        add(registry, "jvm.memory", new MemoryUsageGaugeSet());
        add(registry, "jvm.gc", new GarbageCollectorMetricSet());
        add(registry, "jvm.threads", new ThreadStatesGaugeSet());
        add(registry, "jvm.classes", new ClassLoadingGaugeSet());
    }

    private static void add(MetricRegistry registry, String prefix, MetricSet set) {
        for (Map.Entry<String, Metric> e : set.getMetrics().entrySet()) {
            String name = e.getKey();
            if (name.equals("deadlocks")) {
                continue; // a set of thread dumps, not a number
            }
            // Pool and collector names are the JVM's ("CodeHeap 'non-nmethods'"): Prometheus wants snake_case.
            registry.register(prefix + "." + rename(prefix, name).toLowerCase(java.util.Locale.ROOT), e.getValue());
        }
    }

    private static String rename(String prefix, String name) {
        if (!name.endsWith("count")) {
            return name;
        }
        if (prefix.equals("jvm.gc")) {
            return name.substring(0, name.length() - "count".length()) + "collections";
        }
        switch (name) {
            case "count":
                return "live";
            case "daemon.count":
                return "daemon";
            case "peak.count":
                return "peak";
            case "total_started.count":
                return "started";
            case "deadlock.count":
                return "deadlocked";
            default:
                return "state." + name.substring(0, name.length() - ".count".length());
        }
    }
}
