package dev.sluice.adapters.http.in.status;

import dev.sluice.adapters.http.in.models.Formats;
import dev.sluice.adapters.http.in.models.JsonResponses;
import dev.sluice.adapters.http.in.models.ModelListView;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sluice.application.port.in.ReportStickySessions;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/** {@code /internal/health}, {@code /internal/status*} and {@code /version}: thin, each path asks its view. */
final class InternalApiServlet extends HttpServlet {

    private final transient EndpointStatusView endpoints;
    private final transient FleetStatusView fleet;
    private final transient ModelStatusView models;
    private final transient ServerInfo info;
    private final transient JsonResponses json;
    private final transient ReportStickySessions stickySessions;

    InternalApiServlet(EndpointStatusView endpoints, FleetStatusView fleet, ModelStatusView models, ServerInfo info,
                       JsonResponses json, ReportStickySessions stickySessions) {
        this.stickySessions = stickySessions;
        this.endpoints = endpoints;
        this.fleet = fleet;
        this.models = models;
        this.info = info;
        this.json = json;
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String path = request.getRequestURI();
        switch (path) {
            case "/internal/health":
                json.write(response, 200, json.object().put("status", "healthy"));
                break;
            case "/internal/status":
                json.writeConditional(request, response, fleet.render());
                break;
            case "/internal/status/endpoints":
                json.writeConditional(request, response, endpoints.render());
                break;
            case "/internal/status/models":
                boolean grouped = "true".equals(request.getParameter("detailed"))
                        && "family".equals(request.getParameter("group"));
                json.writeConditional(request, response, models.render(grouped));
                break;
            case "/internal/stats/sticky":
                json.write(response, 200, sticky());
                break;
            case "/version":
                json.write(response, 200, version());
                break;
            default:
                json.error(response, 404, "not_found", "no such route: " + path);
        }
    }

    private ObjectNode sticky() {
        ObjectNode body = json.object();
        body.put("enabled", stickySessions.enabled());
        if (stickySessions.enabled()) {
            ReportStickySessions.Stats stats = stickySessions.stats();
            body.put("active_sessions", stats.activeSessions());
            body.put("insertions", stats.insertions());
            body.put("hits", stats.hits());
            body.put("misses", stats.misses());
            body.put("evictions", stats.evictions());
            body.put("max_sessions", stats.maxSessions());
            body.put("idle_ttl_seconds", stats.idleTtlSeconds());
        }
        return body;
    }

    private ObjectNode version() {
        ObjectNode body = json.object();
        body.put("name", "Sluice");
        body.put("version", info.version());
        body.put("edition", "Community");
        body.put("description", "LLM proxy and load balancer for the JVM, compatible with Olla");
        ObjectNode build = body.putObject("build");
        build.put("commit", info.commit());
        build.put("java_version", System.getProperty("java.version"));
        build.put("platform", System.getProperty("os.name").toLowerCase(java.util.Locale.ROOT) + "/"
                + System.getProperty("os.arch"));
        ArrayNode capabilities = body.putArray("capabilities");
        for (String c : new String[] {"health_checking", "model_unification", "endpoint_discovery"}) {
            capabilities.add(c);
        }
        ArrayNode backends = body.putArray("supported_backends");
        for (String b : new String[] {"ollama", "lm_studio", "openai_compatible", "vllm", "vllm-mlx", "sglang",
                "llamacpp", "lemonade", "litellm", "lmdeploy", "docker-model-runner", "omlx"}) {
            backends.add(b);
        }
        ObjectNode api = body.putObject("api");
        api.put("version", "v1");
        ObjectNode routes = api.putObject("endpoints");
        routes.put("health", "/internal/health");
        routes.put("status", "/internal/status");
        routes.put("version", "/version");
        return body;
    }

    @Override
    protected void doHead(HttpServletRequest request, HttpServletResponse response) throws IOException {
        doGet(request, response);
    }
}
