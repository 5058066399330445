package dev.sluice.adapters.http.in.providers;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sluice.adapters.http.in.models.Formats;
import dev.sluice.adapters.http.in.models.JsonResponses;
import dev.sluice.application.port.in.ListModels;
import dev.sluice.application.port.in.ReportEndpointUsage;
import dev.sluice.application.port.in.ReportGuards;
import dev.sluice.application.port.in.ReportHealthHistory;
import dev.sluice.application.port.in.ReportTraffic;
import dev.sluice.domain.endpoint.Endpoint;
import dev.sluice.domain.endpoint.EndpointHealth;
import dev.sluice.domain.endpoint.EndpointIds;
import dev.sluice.domain.endpoint.EndpointSnapshot;
import dev.sluice.domain.endpoint.HealthChange;
import dev.sluice.domain.endpoint.TrafficSnapshot;
import dev.sluice.domain.guard.GuardState;
import dev.sluice.domain.model.DiscoveredModel;
import java.time.Instant;
import java.util.List;

/**
 * One provider (a configured endpoint) as seed 004's provider pages show it: what it is, whether it is healthy,
 * its circuit breaker, its models, and what its requests added up to. Every figure is one the proxy already keeps
 * (health snapshots, guard state, traffic counters, the request metrics); nothing here is counted twice.
 */
final class ProviderView {

    private final ListModels models;
    private final ReportTraffic traffic;
    private final ReportGuards guards;
    private final ReportHealthHistory history;
    private final ReportEndpointUsage usage;
    private final JsonResponses json;

    ProviderView(ListModels models, ReportTraffic traffic, ReportGuards guards, ReportHealthHistory history,
                 ReportEndpointUsage usage, JsonResponses json) {
        this.models = models;
        this.traffic = traffic;
        this.guards = guards;
        this.history = history;
        this.usage = usage;
        this.json = json;
    }

    /** {@code /api/providers} entry: identity, health, breaker, models, priority. */
    ObjectNode provider(EndpointSnapshot snapshot, Instant now) {
        Endpoint e = snapshot.endpoint();
        ObjectNode node = json.object();
        node.put("name", e.name());
        node.put("type", e.type());
        node.put("profile", e.profile().name());
        node.put("url", EndpointIds.sanitise(e.url()).toString());
        // Seed 004 lists disabled providers too; here a disabled one ({P}_ENABLED=false) is never configured.
        node.put("enabled", true);
        node.put("healthy", snapshot.routable());
        node.put("status", snapshot.health().status().wireName());
        node.put("priority", e.priority());
        node.set("circuit_breaker", breaker(e, now));
        List<String> names = modelNames(e);
        node.put("model_count", names.size());
        ArrayNode list = node.putArray("models");
        names.forEach(list::add);
        TrafficSnapshot t = traffic.of(e);
        node.put("active_requests", t.active());
        node.put("request_count", t.requests());
        node.put("success_rate", successRate(t));
        return node;
    }

    /** {@code /health/providers/{name}}: whether it can take requests and why not. */
    ObjectNode health(EndpointSnapshot snapshot, Instant now) {
        Endpoint e = snapshot.endpoint();
        EndpointHealth h = snapshot.health();
        ObjectNode node = json.object();
        node.put("name", e.name());
        node.put("type", e.type());
        node.put("healthy", snapshot.routable());
        node.put("status", h.status().wireName());
        h.checkedAt().ifPresentOrElse(at -> {
            node.put("last_check", Formats.rfc3339(at));
            node.put("response_time_ms", h.lastLatency().toMillis());
        }, () -> node.putNull("last_check"));
        node.put("next_check", Formats.rfc3339(h.nextCheckAt()));
        node.put("check_interval_ms", e.checkInterval().toMillis());
        node.put("consecutive_failures", h.consecutiveFailures());
        h.lastError().ifPresent(error -> node.put("error", error));
        node.set("circuit_breaker", breaker(e, now));
        TrafficSnapshot t = traffic.of(e);
        node.put("request_count", t.requests());
        node.put("error_count", t.failures());
        node.put("error_rate", t.requests() == 0 ? 0.0 : round(100.0 * t.failures() / t.requests()));
        node.put("status_changes", history.changes(e));
        return node;
    }

    /** {@code /api/providers/{name}/stats}: requests, success rate, latency percentiles, tokens, models, history. */
    ObjectNode stats(EndpointSnapshot snapshot, Instant now) {
        Endpoint e = snapshot.endpoint();
        TrafficSnapshot t = traffic.of(e);
        ReportEndpointUsage.Usage u = usage.of(e);
        ObjectNode node = json.object();
        node.put("name", e.name());
        node.put("type", e.type());
        node.put("timestamp", Formats.rfc3339(now));
        ObjectNode requests = node.putObject("requests");
        requests.put("total", t.requests());
        requests.put("successful", t.requests() - t.failures());
        requests.put("failed", t.failures());
        requests.put("active", t.active());
        requests.put("success_rate", successRate(t));
        // Client-side time, arrival to last byte, from the request metrics' decaying reservoirs (recent requests
        // weigh most): absent while metrics are off.
        ObjectNode latency = node.putObject("latency_ms");
        if (u.latency().count() > 0) {
            latency.put("avg", round(u.latency().meanMillis()));
            percentiles(latency, u.latency(), "");
            percentiles(latency, u.firstByte(), "first_byte_");
        }
        // The upstream exchanges themselves (each attempt), kept whether or not metrics are on.
        ObjectNode upstream = node.putObject("upstream_ms");
        if (t.requests() > 0) {
            upstream.put("avg", t.avgLatencyMillis());
            upstream.put("min", t.minLatencyMillis());
            upstream.put("max", t.maxLatencyMillis());
            upstream.put("avg_first_byte", t.avgFirstByteMillis());
        }
        ObjectNode tokens = node.putObject("tokens");
        tokens.put("input", u.inputTokens());
        tokens.put("output", u.outputTokens());
        tokens.put("total", u.inputTokens() + u.outputTokens());
        ObjectNode usedModels = node.putObject("models");
        u.models().forEach((model, m) -> usedModels.putObject(model)
                .put("requests", m.requests())
                .put("successful", m.successes())
                .put("failed", m.failures())
                .put("success_rate", m.requests() == 0 ? 100.0 : round(100.0 * m.successes() / m.requests()))
                .put("avg_latency_ms", round(m.meanLatencyMillis()))
                .put("input_tokens", m.inputTokens())
                .put("output_tokens", m.outputTokens()));
        node.set("health", health(snapshot, now));
        ArrayNode changes = node.putArray("health_history");
        for (HealthChange change : history.of(e)) {
            ObjectNode c = changes.addObject();
            c.put("at", Formats.rfc3339(change.at()));
            c.put("from", change.from().wireName());
            c.put("to", change.to().wireName());
            change.error().ifPresent(error -> c.put("error", error));
        }
        return node;
    }

    /** {@code closed}, {@code open} or {@code half_open}. */
    String breakerState(Endpoint e, Instant now) {
        return guards.of(e).describe(now);
    }

    private ObjectNode breaker(Endpoint e, Instant now) {
        GuardState guard = guards.of(e);
        ObjectNode circuit = json.object();
        circuit.put("state", guard.describe(now));
        guard.blockedUntil().ifPresent(until -> {
            circuit.put("reason", guard.reason());
            circuit.put("until", Formats.rfc3339(until));
        });
        circuit.put("consecutive_failures", guard.transportFailures());
        circuit.put("consecutive_errors", guard.errors());
        return circuit;
    }

    private List<String> modelNames(Endpoint e) {
        return models.modelsOf(e).map(m -> m.models().stream().map(DiscoveredModel::name)
                .filter(name -> e.modelFilter().allows(name)).sorted().toList()).orElse(List.of());
    }

    private static void percentiles(ObjectNode node, ReportEndpointUsage.Latency l, String prefix) {
        if (l.count() == 0) {
            return;
        }
        node.put(prefix + "p50", round(l.p50Millis()));
        node.put(prefix + "p95", round(l.p95Millis()));
        node.put(prefix + "p99", round(l.p99Millis()));
    }

    private static double successRate(TrafficSnapshot t) {
        return t.requests() == 0 ? 100.0 : round(t.successRate());
    }

    private static double round(double value) {
        return Math.round(value * 100) / 100.0;
    }
}
