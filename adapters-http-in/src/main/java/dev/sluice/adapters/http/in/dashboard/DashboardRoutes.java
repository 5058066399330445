package dev.sluice.adapters.http.in.dashboard;

import dev.sluice.adapters.http.in.server.RouteRegistrar;
import java.util.List;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import jakarta.servlet.DispatcherType;
import java.util.EnumSet;
import org.eclipse.jetty.ee10.servlet.FilterHolder;
import org.eclipse.jetty.ee10.servlet.ServletHolder;

/** Registers {@code /internal/ui/} when {@code dashboard.enabled}; with it off the path is an ordinary 404. */
public final class DashboardRoutes implements RouteRegistrar {

    private final DashboardSettings settings;

    public DashboardRoutes(DashboardSettings settings) {
        this.settings = settings;
    }

    @Override
    public void register(ServletContextHandler context) {
        AccessPolicy policy = new AccessPolicy(settings);
        if (settings.enabled()) {
            context.addServlet(new ServletHolder("dashboard", new DashboardServlet(policy)), "/internal/ui/*");
        }
        if (settings.gateInternalApi()) {
            // Seed 004's provider pages show the same figures as /internal/status, so the same gate covers them.
            FilterHolder gate = new FilterHolder(new InternalApiGate(policy));
            for (String path : List.of("/internal/*", "/api/providers/*", "/health/*")) {
                context.addFilter(gate, path, EnumSet.of(DispatcherType.REQUEST));
            }
        }
    }

    @Override
    public List<Route> routes() {
        return settings.enabled() ? List.of(new Route("/internal/ui/", "GET", "live dashboard")) : List.of();
    }
}
