package dev.sluice.adapters.http.in.metrics;

import java.util.Map;

/**
 * How Olla's metric names are written. A few of Olla's names break Prometheus conventions that {@code promtool
 * check metrics} enforces (millisecond units, gauges ending in {@code _total} or {@code _count}); by default those
 * few are written the conventional way (seconds, no suffix). {@code ?names=olla} writes Olla's exact spellings
 * for dashboards built on Olla; the Prometheus library cannot write a gauge named {@code _total}, so those two
 * come out as counters, which is how Olla's readers query them anyway.
 */
enum MetricNaming {
    PROMETHEUS,
    OLLA;

    /** The written name, whether it is a counter, and what the value is multiplied by. */
    record Spelling(String name, boolean counter, double scale) {
    }

    private static final Map<String, Spelling> CONVENTIONAL = Map.of(
            "olla_avg_latency_ms", new Spelling("olla_avg_latency_seconds", false, 0.001),
            "olla_endpoint_avg_latency_ms", new Spelling("olla_endpoint_avg_latency_seconds", false, 0.001),
            "olla_model_avg_latency_ms", new Spelling("olla_model_avg_latency_seconds", false, 0.001),
            "olla_model_endpoint_avg_latency_ms", new Spelling("olla_model_endpoint_avg_latency_seconds", false, 0.001),
            "olla_endpoints_total", new Spelling("olla_endpoints", false, 1),
            "olla_models_total", new Spelling("olla_models", false, 1),
            "olla_endpoint_models_count", new Spelling("olla_endpoint_models", false, 1));

    Spelling spell(String ollaName) {
        if (this == PROMETHEUS) {
            Spelling conventional = CONVENTIONAL.get(ollaName);
            if (conventional != null) {
                return conventional;
            }
        }
        // Counters in Olla's list are the *_total names; the two gauges among them become counters (see above).
        return new Spelling(ollaName, ollaName.endsWith("_total"), 1);
    }

    static MetricNaming of(String parameter) {
        return "olla".equalsIgnoreCase(parameter) ? OLLA : PROMETHEUS;
    }
}
