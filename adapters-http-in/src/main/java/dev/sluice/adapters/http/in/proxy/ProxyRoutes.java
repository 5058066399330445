package dev.sluice.adapters.http.in.proxy;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sluice.adapters.http.in.models.JsonResponses;
import dev.sluice.adapters.http.in.models.ModelListView;
import dev.sluice.adapters.http.in.server.RouteRegistrar;
import dev.sluice.application.port.in.ListModels;
import dev.sluice.application.port.in.ReportFleetStatus;
import dev.sluice.application.port.in.ResolveRoute;
import dev.sluice.application.port.in.RouteInferenceRequest;
import dev.sluice.domain.routing.RouteScope;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;

/** Registers the proxy servlet under {@code /olla/*} with its upstream client settings. */
public final class ProxyRoutes implements RouteRegistrar {

    private final ProxyServlet servlet;
    private final ResolveRoute routes;
    private final ProxySettings settings;
    private final long responseTimeoutMillis;
    private final int maxConnectionsPerEndpoint;

    /**
     * @param responseTimeoutMillis     longest a whole proxied exchange may take ({@code proxy.response_timeout}); 0 for none
     * @param maxConnectionsPerEndpoint upstream connection pool cap per backend
     */
    public ProxyRoutes(ResolveRoute routes, RouteInferenceRequest router, ReportFleetStatus fleet, ListModels models,
                       ProxySettings settings, ObjectMapper mapper, Clock clock, long responseTimeoutMillis,
                       int maxConnectionsPerEndpoint, UpstreamEngine engine) {
        ProxyErrors errors = new ProxyErrors(mapper);
        JsonResponses json = new JsonResponses(mapper);
        NativeModelLists lists = new NativeModelLists(models, fleet, new ModelListView(json), json, clock);
        ProxyServlet[] self = new ProxyServlet[1];
        // /api/ps fans out with the servlet's own upstream client, which exists once the servlet is initialised.
        RunningModels running = new RunningModels(() -> self[0].upstreamClient(), mapper);
        ProxyAdmission admission = new ProxyAdmission(routes, router, fleet, lists, errors, settings.maxBodySize(),
                new StickyKeys(settings.sticky(), settings.stickyKeySources(), settings.stickyPrefixBytes()), running,
                settings.bodyReadTimeout().toMillis());
        this.servlet = new ProxyServlet(admission, new ProxyHeaders(settings.version()), errors, settings, engine);
        self[0] = servlet;
        this.routes = routes;
        this.settings = settings;
        this.responseTimeoutMillis = responseTimeoutMillis;
        this.maxConnectionsPerEndpoint = maxConnectionsPerEndpoint;
    }

    @Override
    public void register(ServletContextHandler context) {
        ServletHolder holder = new ServletHolder("proxy", servlet);
        holder.setAsyncSupported(true);
        holder.setInitParameter("timeout", Long.toString(responseTimeoutMillis));
        holder.setInitParameter("idleTimeout", Long.toString(settings.keepAlive().toMillis()));
        holder.setInitParameter("maxConnections", Integer.toString(maxConnectionsPerEndpoint));
        holder.setInitParameter("requestBufferSize", Integer.toString(Math.max(4096, settings.streamBufferSize())));
        holder.setInitParameter("responseBufferSize", Integer.toString(Math.max(4096, settings.streamBufferSize())));
        holder.setInitOrder(1);
        context.addServlet(holder, "/olla/*");
    }

    @Override
    public List<Route> routes() {
        List<Route> table = new ArrayList<>();
        for (RouteScope scope : routes.scopes()) {
            String base = "/olla/" + scope.prefix();
            if (scope.universal()) {
                table.add(new Route(base + "/v1/models", "GET", "models of every OpenAI-compatible endpoint"));
                table.add(new Route(base + "/", "", "any platform: the path picks the platforms, the model the endpoint"));
                continue;
            }
            table.add(new Route(base + "/v1/models", "GET", scope.prefix() + " models (OpenAI format)"));
            if (NativeModelLists.isOnly(scope, "ollama")) {
                table.add(new Route(base + "/api/tags", "GET", scope.prefix() + " models (Ollama format)"));
            }
            if (NativeModelLists.isOnly(scope, "lm-studio")) {
                table.add(new Route(base + "/api/v0/models", "GET", scope.prefix() + " enhanced models"));
            }
            table.add(new Route(base + "/", "", scope.prefix() + " proxy"));
        }
        return table;
    }
}
