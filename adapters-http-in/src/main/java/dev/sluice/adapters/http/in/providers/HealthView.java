package dev.sluice.adapters.http.in.providers;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sluice.adapters.http.in.models.Formats;
import dev.sluice.adapters.http.in.models.JsonResponses;
import dev.sluice.adapters.http.in.status.ServerInfo;
import dev.sluice.application.port.in.ReportQueue;
import dev.sluice.application.port.in.ReportTraffic;
import dev.sluice.domain.endpoint.EndpointSnapshot;
import dev.sluice.domain.endpoint.TrafficSnapshot;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Seed 004's {@code /health} and {@code /health/detailed}: the proxy is {@code healthy} when every provider is
 * routable by its health checks, {@code degraded} when some are, {@code unhealthy} when none is. A breaker holding a
 * provider back is shown beside it, not counted here: it lifts by itself within seconds. Olla's {@code /internal/health} stays
 * the liveness probe (it answers while the process runs); this one answers whether requests can be served.
 */
final class HealthView {

    /** The overall verdict and the status code {@code /health} answers with. */
    enum Verdict {
        HEALTHY(200), DEGRADED(200), UNHEALTHY(503);

        final int status;

        Verdict(int status) {
            this.status = status;
        }

        String wireName() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }

        static Verdict of(List<EndpointSnapshot> providers) {
            long up = providers.stream().filter(EndpointSnapshot::routable).count();
            if (up == 0) {
                return UNHEALTHY;
            }
            return up < providers.size() ? DEGRADED : HEALTHY;
        }
    }

    private final ProviderView providers;
    private final ReportTraffic traffic;
    private final ReportQueue queue;
    private final ServerInfo info;
    private final String fallbackStrategy;
    private final JsonResponses json;

    HealthView(ProviderView providers, ReportTraffic traffic, ReportQueue queue, ServerInfo info,
               String fallbackStrategy, JsonResponses json) {
        this.providers = providers;
        this.traffic = traffic;
        this.queue = queue;
        this.info = info;
        this.fallbackStrategy = fallbackStrategy;
        this.json = json;
    }

    ObjectNode summary(List<EndpointSnapshot> snapshots, Instant now) {
        ObjectNode body = head(snapshots, now);
        ObjectNode each = body.putObject("providers");
        for (EndpointSnapshot s : snapshots) {
            each.putObject(s.endpoint().name()).put("healthy", s.routable()).put("status", s.health().status().wireName())
                    .put("circuit_breaker", providers.breakerState(s.endpoint(), now));
        }
        return body;
    }

    ObjectNode detailed(List<EndpointSnapshot> snapshots, Instant now) {
        ObjectNode body = head(snapshots, now);
        ObjectNode each = body.putObject("providers");
        for (EndpointSnapshot s : snapshots) {
            each.set(s.endpoint().name(), providers.health(s, now));
        }
        TrafficSnapshot total = traffic.total();
        ObjectNode metrics = body.putObject("metrics");
        metrics.put("total_requests", total.requests());
        metrics.put("total_errors", total.failures());
        metrics.put("error_rate", total.requests() == 0 ? 0.0
                : Math.round(10000.0 * total.failures() / total.requests()) / 100.0);
        metrics.put("active_requests", total.active());
        metrics.put("providers_total", snapshots.size());
        metrics.put("providers_healthy", snapshots.stream().filter(EndpointSnapshot::routable).count());
        ReportQueue.Stats q = queue.stats();
        metrics.putObject("queue").put("waiting", q.waiting()).put("capacity", q.capacity())
                .put("refused_full", q.refusedFull()).put("timed_out", q.timedOut());
        body.put("routing_strategy", info.balancer());
        body.put("fallback_strategy", fallbackStrategy);
        return body;
    }

    private ObjectNode head(List<EndpointSnapshot> snapshots, Instant now) {
        ObjectNode body = json.object();
        body.put("status", Verdict.of(snapshots).wireName());
        body.put("timestamp", Formats.rfc3339(now));
        body.put("version", info.version());
        body.put("uptime_seconds", Duration.between(info.startTime(), now).toSeconds());
        return body;
    }
}
