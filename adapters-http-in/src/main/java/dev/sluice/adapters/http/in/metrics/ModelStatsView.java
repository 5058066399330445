package dev.sluice.adapters.http.in.metrics;

import com.codahale.metrics.Snapshot;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sluice.adapters.http.in.models.Formats;
import dev.sluice.adapters.http.in.models.JsonResponses;
import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.Map;
import java.util.TreeMap;

/** {@code /internal/stats/models} in Olla's shape, with p95/p99 from the registry's latency reservoirs. */
final class ModelStatsView {

    private final RequestRegistry registry;
    private final JsonResponses json;
    private final Clock clock;

    ModelStatsView(RequestRegistry registry, JsonResponses json, Clock clock) {
        this.registry = registry;
        this.json = json;
        this.clock = clock;
    }

    ObjectNode render() {
        ObjectNode body = json.object();
        body.put("timestamp", Formats.rfc3339(clock.instant()));
        Map<String, Figures> models = new TreeMap<>(registry.models());
        Map<String, Map<String, Figures>> breakdown = registry.modelEndpoints();
        ArrayNode list = body.putArray("models");
        models.forEach((name, m) -> {
            ObjectNode model = list.addObject();
            model.put("name", name);
            describe(model, m);
            model.put("unique_clients", m.uniqueClients());
            model.put("routing_hits", m.routingHits.getCount());
            model.put("routing_misses", m.routingMisses.getCount());
            model.put("routing_fallbacks", m.routingFallbacks.getCount());
            model.put("input_tokens", m.inputTokens.getCount());
            model.put("output_tokens", m.outputTokens.getCount());
            if (m.tokensPerSecond.getCount() > 0) {
                model.put("avg_tokens_per_second", Math.round(m.tokensPerSecond.getSnapshot().getMean() / 100) / 10.0);
            }
            Map<String, Figures> perEndpoint = breakdown.get(name);
            if (perEndpoint != null) {
                ArrayNode endpoints = model.putArray("endpoint_breakdown");
                perEndpoint.forEach((endpoint, f) -> {
                    ObjectNode e = endpoints.addObject();
                    e.put("endpoint", endpoint);
                    describe(e, f);
                    e.put("consecutive_errors", f.consecutiveErrors.get());
                });
            }
        });
        ObjectNode endpoints = body.putObject("endpoints");
        registry.endpoints().forEach(e -> registry.endpoint(e).ifPresent(f -> describe(endpoints.putObject(e.name()), f)));
        ObjectNode summary = body.putObject("summary");
        long requests = models.values().stream().mapToLong(m -> m.requests.getCount()).sum();
        long successes = models.values().stream().mapToLong(m -> m.successes.getCount()).sum();
        summary.put("total_models", models.size());
        summary.put("active_models", models.values().stream().filter(m -> m.requests.getCount() > 0).count());
        summary.put("total_requests", requests);
        summary.put("overall_success_rate", requests == 0 ? "N/A" : Formats.percent(100.0 * successes / requests));
        summary.put("total_traffic", Formats.bytes(models.values().stream().mapToLong(m -> m.bytes.getCount()).sum()));
        Comparator<Map.Entry<String, Figures>> byRequests = Comparator.comparingLong(e -> e.getValue().requests.getCount());
        models.entrySet().stream().max(byRequests).ifPresent(e -> summary.put("most_popular_model", e.getKey()));
        models.entrySet().stream().min(byRequests).ifPresent(e -> summary.put("least_popular_model", e.getKey()));
        return body;
    }

    private static void describe(ObjectNode node, Figures f) {
        long requests = f.requests.getCount();
        Snapshot latency = f.latency.getSnapshot();
        node.put("success_rate", requests == 0 ? "N/A" : Formats.percent(f.successRatePercent()));
        node.put("total_traffic", Formats.bytes(f.bytes.getCount()));
        node.put("average_latency", millis(latency.getMean()));
        node.put("p95_latency", millis(latency.get95thPercentile()));
        node.put("p99_latency", millis(latency.get99thPercentile()));
        long last = f.lastRequestMillis.get();
        if (last > 0) {
            node.put("last_requested", Formats.rfc3339(Instant.ofEpochMilli(last)));
        }
        node.put("total_requests", requests);
        node.put("successful_requests", f.successes.getCount());
        node.put("failed_requests", f.failures.getCount());
        if (f.firstByte.getCount() > 0) {
            node.put("average_ttfb", millis(f.firstByte.getSnapshot().getMean()));
        }
    }

    private static String millis(double nanos) {
        return Math.round(nanos / 1_000_000) + "ms";
    }
}
