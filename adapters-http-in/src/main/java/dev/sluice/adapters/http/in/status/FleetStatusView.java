package dev.sluice.adapters.http.in.status;

import dev.sluice.adapters.http.in.models.Formats;
import dev.sluice.adapters.http.in.models.JsonResponses;
import dev.sluice.adapters.http.in.models.ModelListView;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sluice.application.port.in.ListModels;
import dev.sluice.application.port.in.ReportFleetStatus;
import dev.sluice.domain.endpoint.EndpointIds;
import dev.sluice.domain.endpoint.EndpointSnapshot;
import dev.sluice.domain.endpoint.EndpointStatus;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;

/** Renders {@code /internal/status}: the whole picture in Olla's shape. */
final class FleetStatusView {

    private final ReportFleetStatus fleet;
    private final ListModels models;
    private final ServerInfo info;
    private final JsonResponses json;
    private final Clock clock;

    FleetStatusView(ReportFleetStatus fleet, ListModels models, ServerInfo info, JsonResponses json, Clock clock) {
        this.fleet = fleet;
        this.models = models;
        this.info = info;
        this.json = json;
        this.clock = clock;
    }

    ObjectNode render() {
        Instant now = clock.instant();
        List<EndpointSnapshot> snapshots = fleet.endpoints().stream()
                .sorted(Comparator.comparingInt((EndpointSnapshot s) -> -s.endpoint().priority())
                        .thenComparing(s -> s.health().status() != EndpointStatus.HEALTHY)
                        .thenComparing(s -> s.endpoint().name())
                        .thenComparing(s -> s.endpoint().id()))
                .toList();
        ObjectNode body = json.object();
        body.put("timestamp", Formats.rfc3339(now));
        ObjectNode proxy = body.putObject("proxy");
        proxy.put("engine", info.engine());
        proxy.put("profile", info.proxyProfile());
        proxy.put("balancer", info.balancer());
        ArrayNode list = body.putArray("endpoints");
        for (EndpointSnapshot s : snapshots) {
            ObjectNode e = list.addObject();
            e.put("id", s.endpoint().id());
            e.put("name", s.endpoint().name());
            e.put("url", EndpointIds.sanitise(s.endpoint().url()).toString());
            e.put("status", s.health().status().wireName());
            e.put("priority", s.endpoint().priority());
            e.put("success_rate", "N/A");
            e.put("avg_latency", "0ms");
            e.put("traffic", "0 B");
            e.put("connections", 0);
            e.put("requests", 0);
            e.put("last_check", s.health().checkedAt().map(at -> Formats.relative(at, now)).orElse("never"));
            s.health().checkedAt().ifPresent(at -> e.put("health_check_at", Formats.rfc3339(at)));
            e.put("next_check", Formats.relative(s.health().nextCheckAt(), now));
            e.put("next_check_at", Formats.rfc3339(s.health().nextCheckAt()));
            if (!s.routable() && s.health().status() != EndpointStatus.UNKNOWN) {
                e.put("issues", "unavailable");
            }
            ObjectNode m = e.putObject("models");
            models.modelsOf(s.endpoint()).ifPresentOrElse(found -> {
                m.put("last_updated", Formats.rfc3339(found.discoveredAt()));
                m.put("count", found.models().size());
            }, () -> m.put("count", 0));
        }
        ObjectNode security = body.putObject("security");
        security.put("status", "normal");
        security.put("blocked_ips", 0);
        ObjectNode violations = security.putObject("violations");
        violations.put("rate_limits", 0);
        violations.put("size_limits", 0);
        long up = snapshots.stream().filter(s -> s.health().status() == EndpointStatus.HEALTHY).count();
        ObjectNode system = body.putObject("system");
        system.put("start_time", Formats.rfc3339(info.startTime()));
        system.put("status", systemStatus(up, snapshots.size()));
        system.put("endpoints_up", up + "/" + snapshots.size());
        system.put("success_rate", "N/A");
        system.put("avg_latency", "0ms");
        system.put("total_traffic", "0 B");
        system.put("uptime", Formats.humanDuration(Duration.between(info.startTime(), now)));
        system.put("version", info.version());
        system.put("commit", info.commit());
        system.put("active_connections", 0);
        system.put("security_violations", 0);
        system.put("total_requests", 0);
        system.put("total_failures", 0);
        system.put("has_traffic", false);
        return body;
    }

    // Olla's thresholds without traffic: under half the endpoints healthy is critical, under 80% degraded.
    static String systemStatus(long healthy, int total) {
        if (total == 0) {
            return "critical";
        }
        double ratio = (double) healthy / total;
        if (ratio < 0.5) {
            return "critical";
        }
        return ratio < 0.8 ? "degraded" : "healthy";
    }
}
