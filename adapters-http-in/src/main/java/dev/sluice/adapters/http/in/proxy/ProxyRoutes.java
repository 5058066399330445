package dev.sluice.adapters.http.in.proxy;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sluice.adapters.http.in.dialect.AnthropicReplies;
import dev.sluice.adapters.http.in.dialect.AnthropicRequests;
import dev.sluice.adapters.http.in.dialect.BackendDialects;
import dev.sluice.adapters.http.in.dialect.OllamaEmbeddings;
import dev.sluice.adapters.http.in.dialect.OllamaReplies;
import dev.sluice.adapters.http.in.dialect.OllamaRequests;
import dev.sluice.adapters.http.in.dialect.OpenAiChatBackend;
import dev.sluice.adapters.http.in.models.JsonResponses;
import dev.sluice.adapters.http.in.models.ModelListView;
import dev.sluice.adapters.http.in.server.RouteRegistrar;
import dev.sluice.adapters.http.in.tokens.TokenReader;
import dev.sluice.application.port.in.ListModels;
import dev.sluice.application.port.in.RecordRequest;
import dev.sluice.application.port.in.ReportFleetStatus;
import dev.sluice.application.port.in.ResolveRoute;
import dev.sluice.application.port.in.RouteInferenceRequest;
import dev.sluice.application.port.out.RequestSigner;
import dev.sluice.application.translation.TranslatorStats;
import dev.sluice.domain.routing.RouteScope;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;

/** Registers the proxy servlet under {@code /olla/*} with its upstream client settings. */
public final class ProxyRoutes implements RouteRegistrar {

    private final ProxyServlet servlet;
    private final ResolveRoute routes;
    private final ProxySettings settings;
    private final long responseTimeoutMillis;
    private final int maxConnectionsPerEndpoint;
    private final boolean anthropicEnabled;

    /**
     * @param responseTimeoutMillis     longest a whole proxied exchange may take ({@code proxy.response_timeout}); 0 for none
     * @param maxConnectionsPerEndpoint upstream connection pool cap per backend
     * @param signer                    signs each request to an endpoint that requires it (Bedrock's SigV4)
     */
    public ProxyRoutes(ResolveRoute routes, RouteInferenceRequest router, ReportFleetStatus fleet, ListModels models,
                       ProxySettings settings, ObjectMapper mapper, Clock clock, long responseTimeoutMillis,
                       int maxConnectionsPerEndpoint, UpstreamEngine engine, TranslatorSettings translators,
                       TranslatorStats translatorStats, RecordRequest journal, RequestSigner signer) {
        ProxyErrors errors = new ProxyErrors(mapper);
        JsonResponses json = new JsonResponses(mapper);
        NativeModelLists lists = new NativeModelLists(models, fleet, new ModelListView(json), json, clock);
        ProxyServlet[] self = new ProxyServlet[1];
        // /api/ps fans out with the servlet's own upstream client, which exists once the servlet is initialised.
        RunningModels running = new RunningModels(() -> self[0].upstreamClient(), mapper);
        StickyKeys stickyKeys = new StickyKeys(settings.sticky(), settings.stickyKeySources(), settings.stickyPrefixBytes());
        BackendDialects backends = new BackendDialects(mapper);
        // translators.anthropic.enabled: false leaves /olla/anthropic/ unrouted (404), as in Olla.
        AnthropicRoute anthropic = !translators.enabled() ? null : new AnthropicRoute(translators, routes, router,
                stickyKeys, new AnthropicModelList(models, fleet, json, clock.instant()), new AnthropicRequests(mapper),
                new AnthropicReplies(mapper), backends, translatorStats,
                new Inspector(translators, mapper, clock), errors, json);
        // server.ollama_front_door.enabled: false leaves the root paths to the not-found handler, as in Olla.
        OllamaFrontDoor frontDoor = !settings.ollamaFrontDoor() ? null : new OllamaFrontDoor(routes, router, fleet,
                models, stickyKeys, running, new OllamaRequests(mapper), new OllamaReplies(mapper, clock),
                new OllamaEmbeddings(mapper), backends, errors, json,
                settings.maxBodySize());
        ProxyAdmission admission = new ProxyAdmission(routes, router, fleet, lists, errors, settings.maxBodySize(),
                stickyKeys, running, settings.bodyReadTimeout().toMillis(), anthropic, settings.priorityHeader(),
                new RequestCompletion(journal, new TokenReader(mapper)), frontDoor)
                .translatingOpenAiChat(new OpenAiChatRoute(fleet, backends, mapper, clock));
        this.servlet = new ProxyServlet(admission, new ProxyHeaders(settings.version()), errors, settings, engine,
                signer);
        self[0] = servlet;
        admission.sendingWith(servlet::send);
        this.routes = routes;
        this.settings = settings;
        this.responseTimeoutMillis = responseTimeoutMillis;
        this.maxConnectionsPerEndpoint = maxConnectionsPerEndpoint;
        this.anthropicEnabled = translators.enabled();
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
        if (settings.ollamaFrontDoor()) {
            // "" is the root alone; the not-found servlet keeps every other unknown path.
            context.addServlet(holder, "");
            context.addServlet(holder, "/api/*");
        }
    }

    @Override
    public List<Route> routes() {
        List<Route> table = new ArrayList<>();
        if (settings.ollamaFrontDoor()) {
            table.add(new Route("/", "GET", "\"Ollama is running\""));
            table.add(new Route("/api/tags", "GET", "Ollama front door: every model of every endpoint"));
            table.add(new Route("/api/tags/{provider}", "GET", "Ollama front door: one platform's models"));
            table.add(new Route("/api/chat", "POST", "Ollama front door: chat with any model (passthrough or translation)"));
            table.add(new Route("/api/generate", "POST", "Ollama front door: generate with any model"));
            table.add(new Route("/api/embed", "POST", "Ollama front door: embeddings from any model"));
            table.add(new Route("/api/show", "POST", "Ollama front door: model details"));
            table.add(new Route("/api/ps", "GET", "Ollama front door: models loaded on every Ollama"));
            table.add(new Route("/api/version", "GET", "Ollama front door: the Ollama API version spoken"));
        }
        if (anthropicEnabled) {
            table.add(new Route("/olla/anthropic/v1/messages", "POST", "Anthropic Messages (passthrough or translation)"));
            table.add(new Route("/olla/anthropic/v1/messages/count_tokens", "POST", "Anthropic token count"));
            table.add(new Route("/olla/anthropic/v1/models", "GET", "models (Anthropic format)"));
        }
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
