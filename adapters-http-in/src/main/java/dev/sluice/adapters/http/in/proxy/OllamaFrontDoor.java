package dev.sluice.adapters.http.in.proxy;

import dev.sluice.adapters.http.in.dialect.BackendDialects;
import dev.sluice.adapters.http.in.dialect.InvalidRequest;
import dev.sluice.adapters.http.in.dialect.OllamaEmbeddings;
import dev.sluice.adapters.http.in.dialect.OllamaReplies;
import dev.sluice.adapters.http.in.dialect.OllamaRequests;
import dev.sluice.adapters.http.in.models.JsonResponses;
import dev.sluice.application.port.in.ListModels;
import dev.sluice.application.port.in.ReportFleetStatus;
import dev.sluice.application.port.in.ResolveRoute;
import dev.sluice.application.port.in.RouteInferenceRequest;
import dev.sluice.domain.conversation.Conversation;
import dev.sluice.domain.endpoint.EndpointSnapshot;
import dev.sluice.domain.model.ModelNamespace;
import dev.sluice.domain.profile.Profile;
import dev.sluice.domain.routing.InferenceRequest;
import dev.sluice.domain.routing.RouteScope;
import jakarta.servlet.AsyncContext;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

/**
 * The Ollama API at the server root, onto every model of every backend: a tool that only speaks Ollama, pointed
 * at this server, lists and chats with local and hosted models alike. Model lists, {@code /api/ps} and
 * {@code /api/version} are answered here; {@code /api/chat}, {@code /api/generate} and the embedding calls are
 * routed by model exactly like any other request (balancer, aliases, sticky sessions, failover, limits, queue)
 * across every endpoint, then passed through to an Ollama or translated per attempt; {@code /api/show} goes to an
 * Ollama that has the model, or is answered from the catalogue for a model only other platforms serve.
 */
final class OllamaFrontDoor {

    /** The route name the front door's requests carry in headers, statistics and logs. */
    static final String PREFIX = "ollama-front-door";
    /** The Ollama release whose API this front door speaks; clients gate features on it. */
    static final String OLLAMA_API_VERSION = "0.12.6";
    private static final String TAGS = "/api/tags";

    private final ResolveRoute routes;
    private final RouteInferenceRequest router;
    private final ReportFleetStatus fleet;
    private final ListModels models;
    private final StickyKeys stickyKeys;
    private final OllamaTags tags;
    private final OllamaShow show;
    private final RunningModels running;
    private final OllamaRequests requests;
    private final OllamaReplies replies;
    private final OllamaEmbeddings embeddings;
    private final BackendDialects dialects;
    private final ProxyErrors errors;
    private final JsonResponses json;
    private final long maxBodySize;

    OllamaFrontDoor(ResolveRoute routes, RouteInferenceRequest router, ReportFleetStatus fleet, ListModels models,
                    StickyKeys stickyKeys, RunningModels running, OllamaRequests requests, OllamaReplies replies,
                    OllamaEmbeddings embeddings, BackendDialects dialects, ProxyErrors errors, JsonResponses json,
                    long maxBodySize) {
        this.routes = routes;
        this.router = router;
        this.fleet = fleet;
        this.models = models;
        this.stickyKeys = stickyKeys;
        this.running = running;
        this.requests = requests;
        this.replies = replies;
        this.embeddings = embeddings;
        this.dialects = dialects;
        this.errors = errors;
        this.json = json;
        this.maxBodySize = maxBodySize;
        this.tags = new OllamaTags(models, fleet, json);
        this.show = new OllamaShow(models, fleet, json);
    }

    /** Whether a request URI is the front door's: the root or anything under {@code /api/}. */
    static boolean serves(String uri) {
        return uri.equals("/") || uri.equals("/api") || uri.startsWith("/api/");
    }

    void admit(ProxyAdmission admission, HttpServletRequest request, HttpServletResponse response, long received)
            throws IOException {
        String uri = request.getRequestURI();
        String method = request.getMethod();
        if (uri.equals("/")) {
            running(request, response, method);
            return;
        }
        ProxyPath path = new ProxyPath(PREFIX, uri, Optional.ofNullable(request.getQueryString()));
        if (path.traverses()) {
            admission.refuse(request, response, Dialect.OLLAMA, 400, "invalid_request_error", "path traversal is not allowed");
            return;
        }
        if (ModelManagement.is(uri)) {
            admission.refuse(request, response, Dialect.OLLAMA, 501, "not_implemented", "model management (" + uri
                    + ") is not supported through the proxy: run it against the backend directly");
            return;
        }
        if (method.equals("GET") || method.equals("HEAD")) {
            if (answerGet(request, response, uri)) {
                return;
            }
        }
        Call call = Call.of(uri);
        if (call == null) {
            admission.refuse(request, response, Dialect.OLLAMA, 404, "not_found", "no Ollama route " + method + " "
                    + uri);
            return;
        }
        if (!method.equals("POST")) {
            admission.refuse(request, response, Dialect.OLLAMA, 405, "method_not_allowed", "use POST for " + uri);
            return;
        }
        admission.readBody(request, response, Dialect.OLLAMA, maxBodySize, "server.request_limits.max_body_size",
                (async, bytes) -> route(admission, request, response, async, path, call, bytes, received));
    }

    private void running(HttpServletRequest request, HttpServletResponse response, String method) throws IOException {
        if (!method.equals("GET") && !method.equals("HEAD")) {
            errors.send(response, Dialect.OLLAMA, 405, "method_not_allowed", "use GET for /");
            return;
        }
        // What Ollama answers at its root; tools probe it to find a running server.
        byte[] text = "Ollama is running".getBytes(StandardCharsets.UTF_8);
        response.setStatus(200);
        response.setContentType("text/plain; charset=utf-8");
        response.setContentLength(text.length);
        if (method.equals("GET")) {
            response.getOutputStream().write(text);
        }
    }

    private boolean answerGet(HttpServletRequest request, HttpServletResponse response, String uri) throws IOException {
        if (uri.equals(TAGS)) {
            tags.answer(Optional.empty(), response);
            return true;
        }
        if (uri.startsWith(TAGS + "/") && uri.length() > TAGS.length() + 1) {
            tags.answer(Optional.of(uri.substring(TAGS.length() + 1)), response);
            return true;
        }
        if (uri.equals("/api/version")) {
            json.write(response, 200, json.object().put("version", OLLAMA_API_VERSION));
            return true;
        }
        if (uri.equals("/api/ps")) {
            running.answer(ollamas(), response, request.startAsync());
            return true;
        }
        return false;
    }

    private List<dev.sluice.domain.endpoint.Endpoint> ollamas() {
        return fleet.endpoints().stream().filter(EndpointSnapshot::routable)
                .map(EndpointSnapshot::endpoint).filter(e -> e.profile().name().equals("ollama")).toList();
    }

    private void route(ProxyAdmission admission, HttpServletRequest request, HttpServletResponse response,
                       AsyncContext async, ProxyPath path, Call call, byte[] bytes, long received) {
        Conversion conversion;
        RequestBody body;
        String model;
        try {
            body = RequestBody.inspect(bytes, "application/json", call == Call.SHOW ? List.of("model", "name")
                    : List.of("model"));
            model = body.model().filter(m -> !m.isBlank()).orElseThrow(() -> new InvalidRequest("model is required"));
            conversion = conversion(call, bytes, model, received);
        } catch (InvalidRequest | RequestBody.MalformedJson e) {
            errors.send(response, Dialect.OLLAMA, 400, "invalid_request_error", e.getMessage());
            async.complete();
            return;
        }
        // "openai/gpt-4o" is looked up in the catalogue as gpt-4o; the router pins it to the named endpoint.
        String known = ModelNamespace.resolve(model, models.catalog(), fleet.endpoints().stream()
                .map(EndpointSnapshot::endpoint).toList()).map(pin -> pin.namespace().model()).orElse(model);
        if (conversion instanceof OllamaTranslation translation && translation.loadsOnly()
                && !models.catalog().endpointsServing(known).isEmpty() && !show.servedByOllama(known)) {
            answerLoaded(response, translation, async);
            return;
        }
        List<Profile> profiles = profiles(request);
        if (call == Call.SHOW) {
            // Only an Ollama can describe a model in Ollama's terms; for the rest the catalogue does.
            if (!show.servedByOllama(known)) {
                show.answer(known, response);
                async.complete();
                return;
            }
            profiles = profiles.stream().filter(p -> p.name().equals("ollama")).toList();
        }
        RouteScope scope = new RouteScope(PREFIX, profiles, false);
        router.plan(new InferenceRequest(scope, path.path(), Optional.of(model), stickyKeys.keyFor(request, body),
                        () -> RequestNeedsReader.read(bytes, path.path())))
                .whenComplete((plan, failure) -> {
                    if (failure != null) {
                        errors.send(response, Dialect.OLLAMA, 500, "server_error", "routing failed: " + failure);
                        async.complete();
                        return;
                    }
                    admission.dispatch(request, response, async, scope, path, body, plan, received, conversion);
                });
    }

    private void answerLoaded(HttpServletResponse response, OllamaTranslation translation, AsyncContext async) {
        try {
            byte[] answer = translation.loadedAnswer();
            response.setStatus(200);
            response.setContentType(translation.streaming() ? "application/x-ndjson" : "application/json; charset=utf-8");
            response.setContentLength(answer.length);
            response.getOutputStream().write(answer);
        } catch (IOException e) {
            // The client left; nothing to tell it.
        }
        async.complete();
    }

    private Conversion conversion(Call call, byte[] bytes, String model, long received) throws InvalidRequest {
        switch (call) {
            case CHAT:
                return new OllamaTranslation(requests.chat(bytes), OllamaReplies.Shape.CHAT, dialects, replies, received);
            case GENERATE:
                return new OllamaTranslation(requests.generate(bytes), OllamaReplies.Shape.GENERATE, dialects, replies,
                        received);
            case EMBED:
            case EMBEDDINGS:
                boolean legacy = call == Call.EMBEDDINGS;
                embeddings.request(bytes, legacy, model);
                return new OllamaEmbedding(bytes, legacy, model, embeddings, replies, dialects, received);
            default:
                return Conversion.RELAY;
        }
    }

    // Every platform is a candidate (translation reaches any of them); X-Provider pins one, as seed 004's proxy does.
    private List<Profile> profiles(HttpServletRequest request) {
        List<Profile> all = routes.scope("proxy").map(RouteScope::profiles).orElse(List.of());
        String provider = request.getHeader("X-Provider");
        if (provider == null || provider.isBlank()) {
            return all;
        }
        return all.stream().filter(p -> p.answersTo(provider.trim())).toList();
    }

    /** The POST calls the front door routes by model. */
    private enum Call {
        CHAT, GENERATE, EMBED, EMBEDDINGS, SHOW;

        static Call of(String path) {
            switch (path) {
                case "/api/chat":
                    return CHAT;
                case "/api/generate":
                    return GENERATE;
                case "/api/embed":
                    return EMBED;
                case "/api/embeddings":
                    return EMBEDDINGS;
                case "/api/show":
                    return SHOW;
                default:
                    return null;
            }
        }
    }
}
