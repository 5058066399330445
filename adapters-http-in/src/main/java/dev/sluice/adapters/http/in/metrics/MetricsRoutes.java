package dev.sluice.adapters.http.in.metrics;

import dev.sluice.adapters.http.in.models.JsonResponses;
import dev.sluice.adapters.http.in.server.RouteRegistrar;
import dev.sluice.adapters.http.in.status.ServerInfo;
import dev.sluice.application.port.in.AdmitClient;
import dev.sluice.application.port.in.ListModels;
import dev.sluice.application.port.in.ReportGuards;
import dev.sluice.application.port.in.ReportHealthHistory;
import dev.sluice.application.port.in.ReportFleetStatus;
import dev.sluice.application.port.in.ReportTraffic;
import dev.sluice.application.port.in.ReportViolations;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.util.List;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;

/** Registers the metrics and stats routes. */
public final class MetricsRoutes implements RouteRegistrar {

    private static final List<String> PATHS = List.of("/internal/metrics", "/internal/stats/models",
            "/internal/stats/timeline", "/internal/process");

    private final MetricsServlet servlet;

    public MetricsRoutes(RequestRegistry registry, ReportFleetStatus fleet, ListModels models, ReportTraffic traffic,
                         AdmitClient limiter, ReportViolations violations, ServerInfo info, ObjectMapper mapper,
                         Clock clock, ReportGuards guards, ReportHealthHistory history) {
        JsonResponses json = new JsonResponses(mapper);
        this.servlet = new MetricsServlet(
                new PrometheusFamilies(fleet, models, traffic, limiter, violations, info, registry, clock, guards,
                        history),
                registry, new ModelStatsView(registry, json, clock), new ProcessView(json, clock),
                new TimelineView(registry, json), json);
    }

    @Override
    public void register(ServletContextHandler context) {
        ServletHolder holder = new ServletHolder("metrics", servlet);
        PATHS.forEach(path -> context.addServlet(holder, path));
    }

    @Override
    public List<Route> routes() {
        return List.of(
                new Route("/internal/metrics", "GET", "Prometheus metrics (?names=olla for Olla's exact names)"),
                new Route("/internal/stats/models", "GET", "per-model request figures with p95/p99"),
                new Route("/internal/stats/timeline", "GET", "requests, errors and TTFB over the last minutes"),
                new Route("/internal/process", "GET", "JVM memory, GC, threads and uptime"));
    }
}
