package dev.sluice.adapters.http.in.status;

import dev.sluice.adapters.http.in.models.Formats;
import dev.sluice.adapters.http.in.models.JsonResponses;
import dev.sluice.adapters.http.in.models.ModelListView;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sluice.adapters.http.in.server.RouteRegistrar;
import dev.sluice.application.port.in.AdmitClient;
import dev.sluice.application.port.in.ListModels;
import dev.sluice.application.port.in.ReportFleetStatus;
import dev.sluice.application.port.in.ReportGuards;
import dev.sluice.application.port.in.ReportStickySessions;
import dev.sluice.application.port.in.ReportTraffic;
import dev.sluice.application.port.in.ReportViolations;
import java.time.Clock;
import java.util.List;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;

/** Registers the status and catalogue routes on the server's context, and lists them for the startup table. */
public final class StatusRoutes implements RouteRegistrar {

    private final InternalApiServlet internal;
    private final ModelsServlet models;
    private final NotFoundServlet notFound;

    public StatusRoutes(ReportFleetStatus fleet, ListModels catalog, ReportTraffic traffic, ReportGuards guards,
                        ReportStickySessions sticky, ServerInfo info, ObjectMapper mapper, Clock clock,
                        AdmitClient limiter, ReportViolations violations) {
        JsonResponses json = new JsonResponses(mapper);
        this.internal = new InternalApiServlet(new EndpointStatusView(fleet, catalog, traffic, guards, json, clock),
                new FleetStatusView(fleet, catalog, traffic, info, json, clock, limiter, violations), new ModelStatusView(catalog, json, clock), info,
                json, sticky);
        this.models = new ModelsServlet(catalog, fleet, new ModelListView(json), json, clock);
        this.notFound = new NotFoundServlet(json);
    }

    @Override
    public void register(ServletContextHandler context) {
        ServletHolder internalHolder = new ServletHolder("internal", internal);
        for (String path : List.of("/internal/health", "/internal/status", "/internal/status/endpoints",
                "/internal/status/models", "/internal/stats/sticky", "/version")) {
            context.addServlet(internalHolder, path);
        }
        ServletHolder modelsHolder = new ServletHolder("models", models);
        context.addServlet(modelsHolder, "/olla/models");
        context.addServlet(modelsHolder, "/olla/models/*");
        context.addServlet(new ServletHolder("not-found", notFound), "/");
    }

    @Override
    public List<Route> routes() {
        return List.of(
                new Route("/internal/health", "GET", "liveness"),
                new Route("/internal/status", "GET", "fleet status"),
                new Route("/internal/status/endpoints", "GET", "endpoint health"),
                new Route("/internal/status/models", "GET", "model registry status"),
                new Route("/internal/stats/sticky", "GET", "sticky-session figures"),
                new Route("/version", "GET", "version and build"),
                new Route("/olla/models", "GET", "unified model catalogue (format=unified|openai|ollama|lmstudio)"),
                new Route("/olla/models/{id}", "GET", "one model by id or alias"));
    }
}
