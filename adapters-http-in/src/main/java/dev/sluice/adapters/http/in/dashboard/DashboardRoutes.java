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
            context.addFilter(new FilterHolder(new InternalApiGate(policy)), "/internal/*",
                    EnumSet.of(DispatcherType.REQUEST));
        }
    }

    @Override
    public List<Route> routes() {
        return settings.enabled() ? List.of(new Route("/internal/ui/", "GET", "live dashboard")) : List.of();
    }
}
