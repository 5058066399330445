package dev.sluice.adapters.http.in.status;

import dev.sluice.adapters.http.in.models.Formats;
import dev.sluice.adapters.http.in.models.JsonResponses;
import dev.sluice.adapters.http.in.models.ModelListView;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sluice.application.port.in.AdmitClient;
import dev.sluice.application.port.in.ListModels;
import dev.sluice.application.port.in.ReportFleetStatus;
import dev.sluice.application.port.in.ReportTraffic;
import dev.sluice.application.port.in.ReportViolations;
import dev.sluice.domain.endpoint.EndpointIds;
import dev.sluice.domain.endpoint.EndpointSnapshot;
import dev.sluice.domain.endpoint.EndpointStatus;
import dev.sluice.domain.endpoint.TrafficSnapshot;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;

/** Renders {@code /internal/status}: the whole picture in Olla's shape. */
public final class FleetStatusView {

    private final ReportFleetStatus fleet;
    private final ListModels models;
    private final ReportTraffic traffic;
    private final ServerInfo info;
    private final JsonResponses json;
    private final Clock clock;
    private final AdmitClient limiter;
    private final ReportViolations violations;

    FleetStatusView(ReportFleetStatus fleet, ListModels models, ReportTraffic traffic, ServerInfo info,
                    JsonResponses json, Clock clock, AdmitClient limiter, ReportViolations violations) {
        this.limiter = limiter;
        this.violations = violations;
        this.fleet = fleet;
        this.models = models;
        this.traffic = traffic;
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
            TrafficSnapshot t = traffic.of(s.endpoint());
            e.put("success_rate", Formats.percent(t.successRate()));
            e.put("avg_latency", t.avgLatencyMillis() + "ms");
            if (t.requests() > 0) {
                e.put("avg_latency_ms", t.avgLatencyMillis());
                e.put("min_latency_ms", t.minLatencyMillis());
                e.put("max_latency_ms", t.maxLatencyMillis());
            }
            e.put("traffic", Formats.bytes(t.bytes()));
            e.put("connections", t.active());
            e.put("requests", t.requests());
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
        // Olla's rule: elevated past 100 violations or 10 distinct rate-limited clients.
        long rateLimited = limiter.refusals();
        long tooLarge = violations.sizeLimitViolations();
        int blocked = limiter.refusedClients();
        ObjectNode security = body.putObject("security");
        security.put("status", rateLimited + tooLarge > 100 || blocked > 10 ? "elevated" : "normal");
        security.put("blocked_ips", blocked);
        ObjectNode violationCounts = security.putObject("violations");
        violationCounts.put("rate_limits", rateLimited);
        violationCounts.put("size_limits", tooLarge);
        long up = snapshots.stream().filter(s -> s.health().status() == EndpointStatus.HEALTHY).count();
        ObjectNode system = body.putObject("system");
        system.put("start_time", Formats.rfc3339(info.startTime()));
        system.put("status", systemStatus(up, snapshots.size(), traffic.total()));
        system.put("endpoints_up", up + "/" + snapshots.size());
        TrafficSnapshot total = traffic.total();
        system.put("success_rate", Formats.percent(total.successRate()));
        system.put("avg_latency", total.avgLatencyMillis() + "ms");
        system.put("total_traffic", Formats.bytes(total.bytes()));
        system.put("uptime", Formats.humanDuration(Duration.between(info.startTime(), now)));
        system.put("version", info.version());
        system.put("commit", info.commit());
        system.put("active_connections", total.active());
        system.put("security_violations", rateLimited + tooLarge);
        system.put("total_requests", total.requests());
        system.put("total_failures", total.failures());
        system.put("has_traffic", total.requests() > 0);
        return body;
    }

    // Olla's thresholds: under half the endpoints healthy (or under 90% success) is critical; under 80% healthy
    // (or 95% success) degraded. Success rates count only once there is traffic.
    public static String systemStatus(long healthy, int total, TrafficSnapshot traffic) {
        if (total == 0) {
            return "critical";
        }
        double ratio = (double) healthy / total;
        double success = traffic.requests() == 0 ? 100 : traffic.successRate();
        if (ratio < 0.5 || success < 90) {
            return "critical";
        }
        return ratio < 0.8 || success < 95 ? "degraded" : "healthy";
    }
}
