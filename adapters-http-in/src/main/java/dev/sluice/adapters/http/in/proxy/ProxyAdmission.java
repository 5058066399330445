package dev.sluice.adapters.http.in.proxy;

import dev.sluice.application.port.in.Attempt;
import dev.sluice.application.port.in.ReportFleetStatus;
import dev.sluice.application.port.in.ResolveRoute;
import dev.sluice.application.port.in.RouteInferenceRequest;
import dev.sluice.application.port.in.RoutePlan;
import dev.sluice.domain.limits.QueueRefusal;
import dev.sluice.domain.limits.RequestPriority;
import dev.sluice.domain.profile.Profile;
import dev.sluice.domain.routing.InferenceRequest;
import dev.sluice.domain.routing.Rejected;
import dev.sluice.domain.routing.RejectionKind;
import dev.sluice.domain.routing.RouteScope;
import jakarta.servlet.AsyncContext;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Everything before a request is sent upstream: which route, whether the path is allowed, answering model lists
 * ourselves, reading the body without blocking, and asking the application where it goes. Ends either with an
 * answer written here or handed to the servlet's {@link Sender}, which proxies it.
 */
final class ProxyAdmission {

    private static final Logger LOG = LoggerFactory.getLogger(ProxyAdmission.class);

    private final ResolveRoute routes;
    private final RouteInferenceRequest router;
    private final ReportFleetStatus fleet;
    private final NativeModelLists modelLists;
    private final ProxyErrors errors;
    private final long maxBodySize;
    private final StickyKeys stickyKeys;
    private final RunningModels runningModels;
    private final long bodyReadTimeoutMillis;
    private final String priorityHeader;
    private final AnthropicRoute anthropic;
    private final RequestCompletion completion;
    private final OllamaFrontDoor ollamaFrontDoor;
    private OpenAiChatRoute openAiChat;
    private Sender sender;

    /** Sends an admitted request upstream; the servlet's, which owns the upstream client. */
    interface Sender {
        /** @param inline false when the caller is not a container thread of this request (a queue's wake-up) */
        void send(HttpServletRequest request, HttpServletResponse response, boolean inline);
    }

    /**
     * @param priorityHeader  header that orders waiting requests; empty for arrival order only
     * @param ollamaFrontDoor the Ollama API at the root ({@code server.ollama_front_door}); null when it is off
     */
    ProxyAdmission(ResolveRoute routes, RouteInferenceRequest router, ReportFleetStatus fleet,
                   NativeModelLists modelLists, ProxyErrors errors, long maxBodySize, StickyKeys stickyKeys,
                   RunningModels runningModels, long bodyReadTimeoutMillis, AnthropicRoute anthropic,
                   String priorityHeader, RequestCompletion completion, OllamaFrontDoor ollamaFrontDoor) {
        this.ollamaFrontDoor = ollamaFrontDoor;
        this.priorityHeader = priorityHeader;
        this.anthropic = anthropic;
        this.completion = completion;
        this.bodyReadTimeoutMillis = bodyReadTimeoutMillis;
        this.stickyKeys = stickyKeys;
        this.runningModels = runningModels;
        this.routes = routes;
        this.router = router;
        this.fleet = fleet;
        this.modelLists = modelLists;
        this.errors = errors;
        this.maxBodySize = maxBodySize;
    }

    /** Lets OpenAI chat requests reach platforms that need them translated; without it they are only relayed. */
    ProxyAdmission translatingOpenAiChat(OpenAiChatRoute route) {
        this.openAiChat = route;
        return this;
    }

    /** Where admitted requests go upstream; set once, before the servlet takes traffic. */
    ProxyAdmission sendingWith(Sender sender) {
        this.sender = sender;
        return this;
    }

    void admit(HttpServletRequest request, HttpServletResponse response) throws IOException {
        long received = System.nanoTime();
        RequestTrace trace = RequestTrace.start(request, received);
        if (ollamaFrontDoor != null && OllamaFrontDoor.serves(request.getRequestURI())) {
            trace.route = "ollama-front-door";
            ollamaFrontDoor.admit(this, request, response, received);
            return;
        }
        Optional<ProxyPath> parsed = ProxyPath.parse(request.getRequestURI(), request.getQueryString());
        if (parsed.isEmpty()) {
            refuse(request, response, Dialect.OPENAI, 404, "not_found", "no route for " + request.getRequestURI());
            return;
        }
        ProxyPath path = parsed.get();
        Dialect dialect = Dialect.of(path.path());
        if (path.traverses()) {
            refuse(request, response, dialect, 400, "invalid_request_error", "path traversal is not allowed");
            return;
        }
        if (anthropic != null && path.prefix().equals(AnthropicRoute.PREFIX)) {
            anthropic.admit(this, request, response, path, received);
            return;
        }
        Optional<RouteScope> found = routes.scope(path.prefix());
        if (found.isEmpty()) {
            refuse(request, response, dialect, 404, "not_found", "unknown route prefix '" + path.prefix()
                    + "': use /olla/proxy/ or one of /olla/" + String.join("/, /olla/", prefixes()) + "/");
            return;
        }
        RouteScope scope = found.get();
        trace.route = scope.prefix();
        if (ModelManagement.is(path.path())) {
            refuse(request, response, dialect, 501, "not_implemented", "model management (" + path.path()
                    + ") is not supported through the proxy: run it against the backend directly");
            return;
        }
        if (request.getMethod().equals("GET")) {
            Optional<String> listFormat = NativeModelLists.formatFor(scope, path.path());
            if (listFormat.isPresent()) {
                modelLists.answer(scope, listFormat.get(), response);
                completion.finish(request, response);
                return;
            }
            if (path.path().equals("/api/ps") && NativeModelLists.isOnly(scope, "ollama")) {
                runningModels.answer(fleet.endpoints().stream().filter(s -> s.routable()
                        && s.endpoint().profile().name().equals("ollama")).map(s -> s.endpoint()).toList(),
                        response, request.startAsync());
                return;
            }
        }
        if (!scope.universal() && !scope.allows(path.path())) {
            refuse(request, response, dialect, 404, "not_found", "path " + path.path() + " is not served by "
                    + scope.displayName() + " endpoints; allowed paths: " + String.join(", ", scope.allowedPaths()));
            return;
        }
        readBody(request, response, dialect, maxBodySize, "server.request_limits.max_body_size", (async, body) -> route(request, response, async, scope, path,
                body, received));
    }

    /** What to do with a body read whole; the request is in async mode. */
    interface BodyHandler {
        void accept(AsyncContext async, byte[] body);
    }

    /**
     * Reads the body without blocking, up to {@code maxBytes} (413 past it, naming {@code limitName}), within
     * {@code server.read_timeout} (408), then hands it on.
     */
    void readBody(HttpServletRequest request, HttpServletResponse response, Dialect dialect, long maxBytes,
                  String limitName, BodyHandler then) throws IOException {
        long declared = request.getContentLengthLong();
        if (maxBytes > 0 && declared > maxBytes && !worthDraining(request, declared - maxBytes)) {
            refuse(request, response, dialect, 413, "request_too_large", tooLargeMessage(declared, maxBytes, limitName));
            return;
        }
        AsyncContext async = request.startAsync();
        // The whole body must arrive within server.read_timeout (Go's rule): a client dribbling it is cut off.
        async.setTimeout(bodyReadTimeoutMillis);
        BodyReader reader = BodyReader.read(request.getInputStream(), maxBytes, (int) Math.min(declared, Integer.MAX_VALUE),
                new BodyReader.Outcome() {
                    @Override
                    public void complete(byte[] body) {
                        async.setTimeout(0);
                        then.accept(async, body);
                    }

                    @Override
                    public void tooLarge() {
                        refuse(request, response, dialect, 413, "request_too_large",
                                tooLargeMessage(declared, maxBytes, limitName));
                        async.complete();
                    }

                    @Override
                    public void failed(Throwable failure) {
                        LOG.debug("client went away while sending its body: {}", failure.toString());
                        async.complete();
                    }
                });
        async.addListener(new jakarta.servlet.AsyncListener() {
            @Override
            public void onTimeout(jakarta.servlet.AsyncEvent event) {
                if (reader.abandon()) {
                    refuse(request, response, dialect, 408, "request_timeout", "the request body did not arrive within "
                            + bodyReadTimeoutMillis + " ms");
                    async.complete();
                }
            }

            @Override
            public void onComplete(jakarta.servlet.AsyncEvent event) {
                // The one place every asynchronous ending passes: answered, failed, refused after the body.
                completion.finish(request, response);
            }

            @Override
            public void onError(jakarta.servlet.AsyncEvent event) {
            }

            @Override
            public void onStartAsync(jakarta.servlet.AsyncEvent event) {
                // The proxy servlet starts async again after the dispatch; listeners must re-register to stay.
                event.getAsyncContext().addListener(this);
            }
        });
    }

    // An oversized body is read and thrown away before the 413 goes out, so the client (still sending) sees it; not
    // when the client waits for 100-continue (it sends nothing until told), nor when the excess is too big to be worth it.
    private static boolean worthDraining(HttpServletRequest request, long excess) {
        String expect = request.getHeader("Expect");
        return excess <= BodyReader.DRAIN_LIMIT && (expect == null || !expect.equalsIgnoreCase("100-continue"));
    }

    private static String tooLargeMessage(long declared, long maxBytes, String limitName) {
        String limit = limitName + " (" + maxBytes + " bytes)";
        return declared >= 0 ? "request body of " + declared + " bytes exceeds " + limit
                : "request body exceeds " + limit;
    }

    // Answering before the body is read leaves it on the connection: tell the client not to reuse it, or its next
    // request can race the server closing it.
    void refuse(HttpServletRequest request, HttpServletResponse response, Dialect dialect, int status,
                        String type, String message) {
        if (request.getContentLengthLong() > 0 || request.getHeader("Transfer-Encoding") != null) {
            response.setHeader("Connection", "close");
        }
        errors.send(response, dialect, status, type, message);
        if (!request.isAsyncStarted()) {
            completion.finish(request, response);
        }
    }

    private void route(HttpServletRequest request, HttpServletResponse response, AsyncContext async, RouteScope scope,
                       ProxyPath path, byte[] bytes, long received) {
        Dialect dialect = Dialect.of(path.path());
        RequestBody body;
        try {
            body = RequestBody.inspect(bytes, request.getContentType(), modelFields(scope, path.path()));
        } catch (RequestBody.MalformedJson e) {
            errors.send(response, dialect, 400, "invalid_request_error", "request body is not valid JSON: "
                    + e.getMessage());
            async.complete();
            return;
        }
        RequestTrace.of(request).model = body.model();
        router.plan(new InferenceRequest(scope, path.path(), body.model(), stickyKeys.keyFor(request, body),
                        () -> RequestNeedsReader.read(bytes, path.path())))
                .whenComplete((plan, failure) -> {
                    if (failure != null) {
                        errors.send(response, dialect, 500, "server_error", "routing failed: " + failure);
                        async.complete();
                        return;
                    }
                    Conversion conversion;
                    try {
                        conversion = openAiChat == null ? Conversion.RELAY : openAiChat.conversion(scope, path, bytes,
                                response.getHeader(ResponseHeaders.REQUEST_ID));
                    } catch (dev.sluice.adapters.http.in.dialect.InvalidRequest e) {
                        errors.send(response, dialect, 400, "invalid_request_error", e.getMessage());
                        async.complete();
                        return;
                    }
                    dispatch(request, response, async, scope, path, body, plan, received, conversion);
                });
    }

    /** Proxies the request as {@code plan} says, or answers the rejection. */
    void dispatch(HttpServletRequest request, HttpServletResponse response, AsyncContext async, RouteScope scope,
                  ProxyPath path, RequestBody body, RoutePlan plan, long received, Conversion conversion) {
        Dialect dialect = Dialect.of(path);
        RequestTrace trace = RequestTrace.of(request);
        if (trace != null) {
            trace.decision = Optional.of(plan.decision());
            // The front door and the Anthropic route come here directly: their model counts in metrics and logs too.
            if (trace.model.isEmpty()) {
                trace.model = body.model();
            }
        }
        ResponseHeaders.routing(response, plan.decision());
        body.model().ifPresent(model -> response.setHeader("X-Olla-Model", model));
        if (plan.decision() instanceof Rejected rejected) {
            reject(response, dialect, scope, body, rejected);
            async.complete();
            return;
        }
        ProxyExchange exchange = new ProxyExchange(response.getHeader(ResponseHeaders.REQUEST_ID), scope, path, body,
                plan, received, conversion);
        exchange.keepTail = completion.wantsTokens();
        if (trace != null) {
            trace.exchange = exchange;
        }
        int priority = priorityHeader.isEmpty() ? RequestPriority.NORMAL
                : RequestPriority.parse(request.getHeader(priorityHeader));
        CompletableFuture<Optional<Attempt>> first = plan.first(priority);
        boolean inline = first.isDone();
        if (!inline) {
            // Waiting for a place at a busy endpoint: no thread is held. A client that leaves gives up its turn.
            async.addListener(new GiveUpTurn(first));
        }
        first.whenComplete((attempt, failure) -> {
            if (failure != null) {
                if (refuseQueued(response, dialect, failure)) {
                    async.complete();
                }
            } else if (attempt.isEmpty()) {
                errors.send(response, dialect, 503, "no_endpoints", "no endpoint can take this request right now");
                async.complete();
            } else {
                exchange.begin(attempt.get());
                proxy(request, plan, exchange, async, inline);
            }
        });
    }

    // False when the turn was given up because the request already ended: nothing is left to answer.
    private boolean refuseQueued(HttpServletResponse response, Dialect dialect, Throwable failure) {
        Throwable cause = failure instanceof CompletionException && failure.getCause() != null ? failure.getCause()
                : failure;
        if (cause instanceof QueueRefusal refusal) {
            response.setHeader("Retry-After", Long.toString(Math.max(1, refusal.retryAfter().toSeconds())));
            errors.send(response, dialect, 503, refusal.reason() == QueueRefusal.Reason.FULL ? "queue_full"
                    : "queue_timeout", refusal.getMessage());
        } else if (cause instanceof java.util.concurrent.CancellationException) {
            return false;
        } else {
            errors.send(response, dialect, 500, "server_error", "routing failed: " + cause);
        }
        return true;
    }

    private void proxy(HttpServletRequest request, RoutePlan plan, ProxyExchange exchange, AsyncContext async,
                       boolean inline) {
        HttpServletResponse response = (HttpServletResponse) async.getResponse();
        plan.sticky().ifPresent(sticky -> {
            response.setHeader("X-Olla-Sticky-Session", sticky.result());
            response.setHeader("X-Olla-Sticky-Key-Source", sticky.key().source());
            if (sticky.key().source().equals("session_header")) {
                response.setHeader(StickyKeys.SESSION_HEADER, request.getHeader(StickyKeys.SESSION_HEADER));
            }
        });
        exchange.attachTo(request, response);
        // Sent from here rather than through a second async dispatch into the servlet: that dispatch cost about a
        // fifth of the proxy's CPU on small requests, and the request is already async, its body already read.
        sender.send(request, response, inline);
    }

    /** Cancels a queued request's turn when its client disconnects or the request otherwise ends first. */
    private record GiveUpTurn(CompletableFuture<?> turn) implements jakarta.servlet.AsyncListener {
        @Override
        public void onComplete(jakarta.servlet.AsyncEvent event) {
            turn.cancel(false);
        }

        @Override
        public void onTimeout(jakarta.servlet.AsyncEvent event) {
            turn.cancel(false);
        }

        @Override
        public void onError(jakarta.servlet.AsyncEvent event) {
            turn.cancel(false);
        }

        @Override
        public void onStartAsync(jakarta.servlet.AsyncEvent event) {
        }
    }

    private void reject(HttpServletResponse response, Dialect dialect, RouteScope scope, RequestBody body,
                        Rejected rejected) {
        String model = body.model().orElse("");
        if (rejected.kind() == RejectionKind.MODEL_NOT_FOUND) {
            errors.send(response, dialect, 404, "model_not_found", "model '" + model + "' not found on any endpoint");
        } else if (rejected.kind() == RejectionKind.UNFIT) {
            errors.send(response, dialect, 400, "capability_mismatch", "model '" + model + "' cannot serve this "
                    + "request: " + rejected.detail());
        } else if (rejected.kind() == RejectionKind.MODEL_UNAVAILABLE) {
            errors.send(response, dialect, 503, "model_unavailable", "model '" + model
                    + "' is known but no endpoint that serves it can take requests now (" + rejected.reason() + ")");
        } else if (!scope.universal() && !configured(scope)) {
            errors.send(response, dialect, 404, "no_endpoints", "no " + scope.displayName() + " endpoints are configured");
        } else {
            errors.send(response, dialect, 503, "no_endpoints", "no healthy " + (scope.universal() ? "" : scope.displayName() + " ")
                    + "endpoints available");
        }
    }

    private boolean configured(RouteScope scope) {
        return fleet.endpoints().stream().anyMatch(s -> scope.includes(s.endpoint().profile()));
    }

    // /api/show names the model in "name" on older Ollama clients; everything else uses the profile's fields.
    private static List<String> modelFields(RouteScope scope, String path) {
        List<String> fields = new ArrayList<>();
        for (Profile profile : scope.profiles()) {
            for (String field : profile.modelFieldPaths()) {
                if (!fields.contains(field)) {
                    fields.add(field);
                }
            }
        }
        if (!fields.contains("model")) {
            fields.add("model");
        }
        if (path.equals("/api/show")) {
            fields.add("name");
        }
        return fields;
    }

    private List<String> prefixes() {
        return routes.scopes().stream().map(RouteScope::prefix).toList();
    }
}
