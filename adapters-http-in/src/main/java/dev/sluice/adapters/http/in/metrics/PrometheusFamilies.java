package dev.sluice.adapters.http.in.metrics;

import dev.sluice.adapters.http.in.status.FleetStatusView;
import dev.sluice.adapters.http.in.status.ServerInfo;
import dev.sluice.application.port.in.AdmitClient;
import dev.sluice.application.port.in.ListModels;
import dev.sluice.application.port.in.ReportGuards;
import dev.sluice.application.port.in.ReportHealthHistory;
import dev.sluice.application.port.in.ReportFleetStatus;
import dev.sluice.application.port.in.ReportTraffic;
import dev.sluice.application.port.in.ReportViolations;
import dev.sluice.domain.endpoint.EndpointSnapshot;
import dev.sluice.domain.endpoint.EndpointStatus;
import dev.sluice.domain.endpoint.TrafficSnapshot;
import io.prometheus.metrics.model.snapshots.MetricSnapshot;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Every figure of Olla's {@code /internal/metrics} under Olla's names, from the same sources as
 * {@code /internal/status}, plus what Olla lacks: latency, time-to-first-byte and tokens-per-second summaries
 * with p50/p95/p99, token counters and failures by kind. Per-request families come from the registry and are
 * absent when metrics are switched off.
 */
final class PrometheusFamilies {

    private final ReportFleetStatus fleet;
    private final ListModels models;
    private final ReportTraffic traffic;
    private final AdmitClient limiter;
    private final ReportViolations violations;
    private final ServerInfo info;
    private final RequestRegistry registry;
    private final Clock clock;
    private final ReportGuards guards;
    private final ReportHealthHistory history;

    PrometheusFamilies(ReportFleetStatus fleet, ListModels models, ReportTraffic traffic, AdmitClient limiter,
                       ReportViolations violations, ServerInfo info, RequestRegistry registry, Clock clock,
                       ReportGuards guards, ReportHealthHistory history) {
        this.fleet = fleet;
        this.models = models;
        this.traffic = traffic;
        this.limiter = limiter;
        this.violations = violations;
        this.info = info;
        this.registry = registry;
        this.clock = clock;
        this.guards = guards;
        this.history = history;
    }

    List<MetricSnapshot> collect(MetricNaming naming) {
        Families f = new Families(naming);
        system(f);
        endpoints(f);
        providers(f);
        requests(f, registry);
        return f.snapshots();
    }

    private void system(Families f) {
        List<EndpointSnapshot> endpoints = fleet.endpoints();
        TrafficSnapshot total = traffic.total();
        long healthy = endpoints.stream().filter(s -> s.health().status() == EndpointStatus.HEALTHY).count();
        String status = FleetStatusView.systemStatus(healthy, endpoints.size(), total);
        f.info("olla", "Build and configuration of this proxy", "version", info.version(),
                "commit", info.commit(), "engine", info.engine(), "profile", info.proxyProfile(),
                "balancer", info.balancer());
        f.ollaGauge("olla_system_status", "System status: 2 healthy, 1 degraded, 0 critical",
                status.equals("healthy") ? 2 : status.equals("degraded") ? 1 : 0);
        f.ollaGauge("olla_endpoints_total", "Configured endpoints", endpoints.size());
        f.ollaGauge("olla_endpoints_healthy", "Endpoints whose last health check passed", healthy);
        f.ollaGauge("olla_models_total", "Models in the unified catalogue", models.catalog().size());
        f.ollaGauge("olla_success_rate_percent", "Share of proxied requests relayed whole, in percent",
                total.requests() == 0 ? 100 : total.successRate());
        f.ollaGauge("olla_avg_latency_ms", "Mean proxied request latency", total.avgLatencyMillis());
        f.ollaGauge("olla_total_traffic_bytes", "Response bytes relayed to clients", total.bytes());
        f.ollaGauge("olla_uptime_seconds", "Seconds since the proxy started",
                Duration.between(info.startTime(), clock.instant()).toMillis() / 1000.0);
        f.ollaGauge("olla_active_connections", "Proxied requests in flight", total.active());
        f.ollaGauge("olla_requests_total", "Proxied requests (each attempt counts)", total.requests());
        f.ollaGauge("olla_failures_total", "Proxied requests that failed", total.failures());
        long rate = limiter.refusals();
        long size = violations.sizeLimitViolations();
        boolean elevated = rate + size > 100 || limiter.refusedClients() > 10;
        f.ollaGauge("olla_security_status", "Security status: 1 normal, 0 elevated", elevated ? 0 : 1);
        f.ollaGauge("olla_security_blocked_ips", "Clients refused by the rate limiter recently", limiter.refusedClients());
        f.ollaGauge("olla_security_violations_total", "Requests refused by rate or size limits", rate + size);
        f.ollaGauge("olla_security_rate_limit_violations_total", "Requests refused by rate limits", rate);
        f.ollaGauge("olla_security_size_limit_violations_total", "Requests refused for their body size", size);
    }

    private void endpoints(Families f) {
        for (EndpointSnapshot s : fleet.endpoints()) {
            String name = s.endpoint().name();
            TrafficSnapshot t = traffic.of(s.endpoint());
            f.ollaGauge("olla_endpoint_up", "1 when the endpoint can take requests", s.routable() ? 1 : 0,
                    "endpoint", name, "status", s.health().status().wireName());
            f.ollaGauge("olla_endpoint_priority", "Configured priority", s.endpoint().priority(), "endpoint", name);
            f.ollaGauge("olla_endpoint_connections", "Requests in flight to the endpoint", t.active(), "endpoint", name);
            f.ollaGauge("olla_endpoint_requests_total", "Requests sent to the endpoint", t.requests(), "endpoint", name);
            f.ollaGauge("olla_endpoint_success_rate_percent", "Share of the endpoint's requests relayed whole",
                    t.requests() == 0 ? 100 : t.successRate(), "endpoint", name);
            f.ollaGauge("olla_endpoint_avg_latency_ms", "Mean latency of the endpoint's requests",
                    t.avgLatencyMillis(), "endpoint", name);
            f.ollaGauge("olla_endpoint_traffic_bytes", "Response bytes relayed from the endpoint", t.bytes(),
                    "endpoint", name);
            f.ollaGauge("olla_endpoint_models_count", "Models the endpoint reported at its last discovery",
                    models.modelsOf(s.endpoint()).map(m -> m.models().size()).orElse(0), "endpoint", name);
        }
    }

    // The same figures the provider pages show, per endpoint (a provider is an endpoint).
    private void providers(Families f) {
        java.time.Instant now = clock.instant();
        for (EndpointSnapshot s : fleet.endpoints()) {
            String name = s.endpoint().name();
            var guard = guards.of(s.endpoint());
            String state = guard.describe(now);
            f.gauge("sluice_endpoint_circuit_state", "Circuit breaker: 0 closed, 1 half-open, 2 open",
                    state.equals("open") ? 2 : state.equals("half_open") ? 1 : 0, "endpoint", name);
            f.gauge("sluice_endpoint_circuit_consecutive_failures", "Attempts in a row that got no answer",
                    guard.transportFailures(), "endpoint", name);
            f.gauge("sluice_endpoint_consecutive_errors", "5xx answers in a row", guard.errors(), "endpoint", name);
            f.counter("sluice_endpoint_status_changes_total", "Times the endpoint's health status changed",
                    history.changes(s.endpoint()), "endpoint", name);
        }
    }

    private void requests(Families f, RequestRegistry r) {
        f.timer("sluice_request_duration_seconds", "Client request time, arrival to last byte", r.total().latency);
        f.timer("sluice_request_ttfb_seconds", "Client request time to first body byte", r.total().firstByte);
        for (var e : r.endpoints()) {
            r.endpoint(e).ifPresent(fig -> {
                f.timer("sluice_endpoint_request_duration_seconds", "Request time per endpoint", fig.latency,
                        "endpoint", e.name());
                f.timer("sluice_endpoint_ttfb_seconds", "Time to first body byte per endpoint", fig.firstByte,
                        "endpoint", e.name());
                f.counter("sluice_endpoint_failures_total", "Failed requests per endpoint", fig.failures.getCount(),
                        "endpoint", e.name());
                f.counter("sluice_endpoint_input_tokens_total", "Prompt tokens reported by each endpoint",
                        fig.inputTokens.getCount(), "endpoint", e.name());
                f.counter("sluice_endpoint_output_tokens_total", "Generated tokens reported by each endpoint",
                        fig.outputTokens.getCount(), "endpoint", e.name());
            });
        }
        Map<String, Figures> byModel = new java.util.TreeMap<>(r.models());
        long active = byModel.values().stream().filter(m -> m.requests.getCount() > 0).count();
        f.ollaGauge("olla_models_active", "Models that have served requests", active);
        f.ollaGauge("olla_models_requests_total", "Requests that named a model",
                byModel.values().stream().mapToLong(m -> m.requests.getCount()).sum());
        long modelRequests = byModel.values().stream().mapToLong(m -> m.requests.getCount()).sum();
        long modelSuccesses = byModel.values().stream().mapToLong(m -> m.successes.getCount()).sum();
        f.ollaGauge("olla_models_success_rate_percent", "Share of model requests relayed whole",
                modelRequests == 0 ? 100 : 100.0 * modelSuccesses / modelRequests);
        f.ollaGauge("olla_models_traffic_bytes", "Response bytes of model requests",
                byModel.values().stream().mapToLong(m -> m.bytes.getCount()).sum());
        byModel.forEach((model, m) -> {
            f.ollaGauge("olla_model_requests_total", "Requests per model", m.requests.getCount(), "model", model);
            f.ollaGauge("olla_model_successful_requests_total", "Requests per model relayed whole",
                    m.successes.getCount(), "model", model);
            f.ollaGauge("olla_model_failed_requests_total", "Failed requests per model", m.failures.getCount(),
                    "model", model);
            f.ollaGauge("olla_model_success_rate_percent", "Share of the model's requests relayed whole",
                    m.successRatePercent(), "model", model);
            f.ollaGauge("olla_model_avg_latency_ms", "Mean request latency per model (recent-weighted)",
                    m.meanLatencyMillis(), "model", model);
            f.ollaGauge("olla_model_traffic_bytes", "Response bytes per model", m.bytes.getCount(), "model", model);
            f.ollaGauge("olla_model_unique_clients", "Distinct client addresses per model", m.uniqueClients(),
                    "model", model);
            f.ollaGauge("olla_model_routing_hits_total", "Requests routed to an endpoint known to host the model",
                    m.routingHits.getCount(), "model", model);
            f.ollaGauge("olla_model_routing_misses_total", "Requests rejected: no endpoint could serve the model",
                    m.routingMisses.getCount(), "model", model);
            f.ollaGauge("olla_model_routing_fallbacks_total", "Requests sent to fallback endpoints",
                    m.routingFallbacks.getCount(), "model", model);
            f.timer("sluice_model_request_duration_seconds", "Request time per model", m.latency, "model", model);
            f.timer("sluice_model_ttfb_seconds", "Time to first body byte per model", m.firstByte, "model", model);
            f.counter("sluice_model_input_tokens_total", "Prompt tokens reported by backends", m.inputTokens.getCount(),
                    "model", model);
            f.counter("sluice_model_output_tokens_total", "Generated tokens reported by backends",
                    m.outputTokens.getCount(), "model", model);
            var tps = m.tokensPerSecond.getSnapshot();
            f.summary("sluice_model_tokens_per_second", "Generation rate reported by backends",
                    m.tokensPerSecond.getCount(), tps.getMean() * m.tokensPerSecond.getCount() / 1000.0, tps, 1000.0,
                    "model", model);
        });
        r.modelEndpoints().forEach((model, perEndpoint) -> perEndpoint.forEach((endpoint, m) -> {
            f.ollaGauge("olla_model_endpoint_requests_total", "Requests per model on each endpoint",
                    m.requests.getCount(), "model", model, "endpoint", endpoint);
            f.ollaGauge("olla_model_endpoint_success_rate_percent", "Success rate per model on each endpoint",
                    m.successRatePercent(), "model", model, "endpoint", endpoint);
            f.ollaGauge("olla_model_endpoint_avg_latency_ms", "Mean latency per model on each endpoint",
                    m.meanLatencyMillis(), "model", model, "endpoint", endpoint);
            f.ollaGauge("olla_model_endpoint_consecutive_errors", "Failures in a row per model on each endpoint",
                    m.consecutiveErrors.get(), "model", model, "endpoint", endpoint);
        }));
    }
}
