package dev.sluice.adapters.http.in.providers;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sluice.adapters.http.in.models.JsonResponses;
import dev.sluice.adapters.http.in.server.RouteRegistrar;
import dev.sluice.adapters.http.in.status.ServerInfo;
import dev.sluice.application.port.in.ListModels;
import dev.sluice.application.port.in.ReportEndpointUsage;
import dev.sluice.application.port.in.ReportFleetStatus;
import dev.sluice.application.port.in.ReportGuards;
import dev.sluice.application.port.in.ReportHealthHistory;
import dev.sluice.application.port.in.ReportQueue;
import dev.sluice.application.port.in.ReportTraffic;
import java.time.Clock;
import java.util.List;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;

/**
 * Seed 004's provider and health routes. {@code /api/providers/*} is a longer servlet mapping than the Ollama
 * front door's {@code /api/*}, so the servlet container hands these paths here and everything else under
 * {@code /api/} to the front door; {@code /health/*} sits beside Olla's {@code /internal/health}, untouched.
 */
public final class ProviderRoutes implements RouteRegistrar {

    private final ProvidersServlet servlet;

    /**
     * @param fallbackStrategy {@code proxy.fallback.strategy}'s wire name, shown beside the balancer
     */
    public ProviderRoutes(ReportFleetStatus fleet, ListModels models, ReportTraffic traffic, ReportGuards guards,
                          ReportHealthHistory history, ReportEndpointUsage usage, ReportQueue queue, ServerInfo info,
                          String fallbackStrategy, ObjectMapper mapper, Clock clock) {
        JsonResponses json = new JsonResponses(mapper);
        ProviderView providers = new ProviderView(models, traffic, guards, history, usage, json);
        this.servlet = new ProvidersServlet(fleet, providers,
                new HealthView(providers, traffic, queue, info, fallbackStrategy, json), json, clock, info.balancer(),
                fallbackStrategy);
    }

    @Override
    public void register(ServletContextHandler context) {
        ServletHolder holder = new ServletHolder("providers", servlet);
        context.addServlet(holder, "/api/providers/*");
        context.addServlet(holder, "/health/*");
    }

    @Override
    public List<Route> routes() {
        return List.of(
                new Route("/api/providers", "GET", "every provider: type, health, circuit breaker, models, priority"),
                new Route("/api/providers/{name}", "GET", "one provider"),
                new Route("/api/providers/{name}/stats", "GET", "requests, latency percentiles, tokens, models, health history"),
                new Route("/health", "GET", "healthy / degraded / unhealthy (503) by how many providers can serve"),
                new Route("/health/detailed", "GET", "every provider's health and the proxy's figures"),
                new Route("/health/providers", "GET", "every provider's health and circuit breaker"),
                new Route("/health/providers/{name}", "GET", "one provider's health and circuit breaker"));
    }
}
