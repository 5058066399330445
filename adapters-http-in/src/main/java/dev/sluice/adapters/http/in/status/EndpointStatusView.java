package dev.sluice.adapters.http.in.status;

import dev.sluice.adapters.http.in.models.Formats;
import dev.sluice.adapters.http.in.models.JsonResponses;
import dev.sluice.adapters.http.in.models.ModelListView;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sluice.application.port.in.ListModels;
import dev.sluice.application.port.in.ReportFleetStatus;
import dev.sluice.application.port.in.ReportGuards;
import dev.sluice.application.port.in.ReportTraffic;
import dev.sluice.domain.endpoint.Endpoint;
import dev.sluice.domain.endpoint.EndpointHealth;
import dev.sluice.domain.endpoint.EndpointIds;
import dev.sluice.domain.endpoint.EndpointSnapshot;
import dev.sluice.domain.endpoint.EndpointStatus;
import dev.sluice.domain.endpoint.TrafficSnapshot;
import dev.sluice.domain.guard.GuardState;
import dev.sluice.domain.model.EndpointModels;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Renders {@code /internal/status/endpoints}: Olla's shape, plus why an endpoint is down and how it is checked. */
final class EndpointStatusView {

    private final ReportFleetStatus fleet;
    private final ListModels models;
    private final ReportTraffic traffic;
    private final ReportGuards guards;
    private final JsonResponses json;
    private final Clock clock;

    EndpointStatusView(ReportFleetStatus fleet, ListModels models, ReportTraffic traffic, ReportGuards guards,
                       JsonResponses json, Clock clock) {
        this.guards = guards;
        this.fleet = fleet;
        this.models = models;
        this.traffic = traffic;
        this.json = json;
        this.clock = clock;
    }

    ObjectNode render() {
        Instant now = clock.instant();
        List<EndpointSnapshot> snapshots = fleet.endpoints();
        ObjectNode body = json.object();
        body.put("timestamp", Formats.rfc3339(now));
        body.put("total_count", snapshots.size());
        body.put("healthy_count", snapshots.stream().filter(s -> s.health().status() == EndpointStatus.HEALTHY).count());
        body.put("routable_count", snapshots.stream().filter(EndpointSnapshot::routable).count());
        ArrayNode list = body.putArray("endpoints");
        for (EndpointSnapshot snapshot : snapshots) {
            list.add(endpoint(snapshot, now));
        }
        return body;
    }

    ObjectNode endpoint(EndpointSnapshot snapshot, Instant now) {
        Endpoint e = snapshot.endpoint();
        EndpointHealth h = snapshot.health();
        Optional<EndpointModels> discovered = models.modelsOf(e);
        ObjectNode node = json.object();
        node.put("id", e.id());
        node.put("name", e.name());
        node.put("url", EndpointIds.sanitise(e.url()).toString());
        node.put("type", e.type());
        node.put("status", h.status().wireName());
        node.put("priority", e.priority());
        node.put("model_count", discovered.map(m -> m.models().stream()
                .filter(model -> e.modelFilter().allows(model.name())).count()).orElse(0L));
        TrafficSnapshot t = traffic.of(e);
        node.put("request_count", t.requests());
        node.put("success_rate", Formats.percent(t.successRate()));
        if (t.requests() > 0) {
            node.put("min_latency_ms", t.minLatencyMillis());
            node.put("max_latency_ms", t.maxLatencyMillis());
            node.put("avg_latency_ms", t.avgLatencyMillis());
            node.put("avg_first_byte_ms", t.avgFirstByteMillis());
            node.put("failure_count", t.failures());
            node.put("bytes", t.bytes());
        }
        node.put("active_connections", t.active());
        GuardState guard = guards.of(e);
        ObjectNode circuit = node.putObject("circuit");
        circuit.put("state", guard.describe(now));
        guard.blockedUntil().ifPresent(until -> {
            circuit.put("reason", guard.reason());
            circuit.put("until", Formats.rfc3339(until));
        });
        circuit.put("consecutive_failures", guard.transportFailures());
        circuit.put("consecutive_errors", guard.errors());
        h.checkedAt().ifPresent(at -> {
            node.put("health_check", Formats.relative(at, now));
            node.put("health_check_at", Formats.rfc3339(at));
            node.put("response_time", h.lastLatency().toMillis() + "ms");
        });
        if (h.checkedAt().isEmpty()) {
            node.put("health_check", "never");
        }
        node.put("next_check_at", Formats.rfc3339(h.nextCheckAt()));
        discovered.ifPresentOrElse(m -> {
            node.put("last_model_sync", Formats.relative(m.discoveredAt(), now));
            node.put("last_model_sync_at", Formats.rfc3339(m.discoveredAt()));
        }, () -> node.put("last_model_sync", "never"));
        node.put("check_interval_ms", e.checkInterval().toMillis());
        node.put("consecutive_failures", h.consecutiveFailures());
        h.lastError().ifPresent(error -> node.put("last_error", error));
        issue(h).ifPresent(issue -> node.put("issues", issue));
        return node;
    }

    private static Optional<String> issue(EndpointHealth h) {
        if (!h.routable() && h.status() != EndpointStatus.UNKNOWN) {
            return Optional.of("unavailable");
        }
        if (h.consecutiveFailures() > 0) {
            return Optional.of("unstable");
        }
        return Optional.empty();
    }
}
