package dev.sluice.adapters.http.in.proxy;

import dev.sluice.adapters.http.in.dialect.AnthropicReplies;
import dev.sluice.adapters.http.in.dialect.AnthropicRequests;
import dev.sluice.adapters.http.in.dialect.BackendDialects;
import dev.sluice.adapters.http.in.dialect.InvalidRequest;
import dev.sluice.adapters.http.in.models.JsonResponses;
import dev.sluice.application.port.in.ResolveRoute;
import dev.sluice.application.port.in.RouteInferenceRequest;
import dev.sluice.application.translation.PassthroughPolicy;
import dev.sluice.application.translation.TranslatorStats;
import dev.sluice.domain.conversation.Conversation;
import dev.sluice.domain.profile.Profile;
import dev.sluice.domain.balancing.RequestNeeds;
import dev.sluice.domain.conversation.Features;
import dev.sluice.domain.routing.InferenceRequest;
import dev.sluice.domain.routing.Rejected;
import dev.sluice.domain.routing.RouteScope;
import jakarta.servlet.AsyncContext;
import jakarta.servlet.AsyncEvent;
import jakarta.servlet.AsyncListener;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * {@code /olla/anthropic/}: Anthropic's Messages API in front of every platform. {@code GET /v1/models} is
 * answered from the catalogue; {@code POST /v1/messages} is validated, routed by model like any other request
 * (balancer, sticky sessions, failover, rate limits) across every endpoint, and passed through or translated per
 * attempt; {@code POST /v1/messages/count_tokens} goes to a platform that counts natively, or is estimated here.
 */
final class AnthropicRoute {

    static final String PREFIX = "anthropic";
    static final String TRANSLATOR = "anthropic";
    private static final String MESSAGES = "/v1/messages";
    private static final String COUNT_TOKENS = "/v1/messages/count_tokens";

    private final TranslatorSettings settings;
    private final ResolveRoute routes;
    private final RouteInferenceRequest router;
    private final StickyKeys stickyKeys;
    private final AnthropicModelList models;
    private final AnthropicRequests requests;
    private final AnthropicReplies replies;
    private final BackendDialects backends;
    private final PassthroughPolicy policy;
    private final TranslatorStats stats;
    private final Inspector inspector;
    private final ProxyErrors errors;
    private final JsonResponses json;

    AnthropicRoute(TranslatorSettings settings, ResolveRoute routes, RouteInferenceRequest router, StickyKeys stickyKeys,
                   AnthropicModelList models, AnthropicRequests requests, AnthropicReplies replies,
                   BackendDialects backends, TranslatorStats stats, Inspector inspector, ProxyErrors errors,
                   JsonResponses json) {
        this.settings = settings;
        this.routes = routes;
        this.router = router;
        this.stickyKeys = stickyKeys;
        this.models = models;
        this.requests = requests;
        this.replies = replies;
        this.backends = backends;
        this.policy = new PassthroughPolicy(settings.passthroughEnabled());
        this.stats = stats;
        this.inspector = inspector;
        this.errors = errors;
        this.json = json;
    }

    void admit(ProxyAdmission admission, HttpServletRequest request, HttpServletResponse response, ProxyPath path,
               long received) throws IOException {
        String method = request.getMethod();
        String target = path.path();
        if (target.equals("/v1/models")) {
            if (method.equals("GET")) {
                models.answer(response);
            } else {
                admission.refuse(request, response, Dialect.ANTHROPIC, 405, "method_not_allowed", "use GET for " + target);
            }
            return;
        }
        boolean countTokens = target.equals(COUNT_TOKENS);
        if (!countTokens && !target.equals(MESSAGES)) {
            admission.refuse(request, response, Dialect.ANTHROPIC, 404, "not_found", "no Anthropic route "
                    + target + ": use /v1/messages, /v1/messages/count_tokens or /v1/models");
            return;
        }
        if (!method.equals("POST")) {
            admission.refuse(request, response, Dialect.ANTHROPIC, 405, "method_not_allowed", "use POST for " + target);
            return;
        }
        admission.readBody(request, response, Dialect.ANTHROPIC, settings.maxMessageSize(),
                "translators.anthropic.max_message_size",
                (async, bytes) -> route(admission, request, response, async, path, bytes, received, countTokens));
    }

    private void route(ProxyAdmission admission, HttpServletRequest request, HttpServletResponse response,
                       AsyncContext async, ProxyPath path, byte[] bytes, long received, boolean countTokens) {
        Conversation conversation;
        RequestBody body;
        try {
            conversation = requests.parse(bytes, !countTokens);
            body = RequestBody.inspect(bytes, "application/json", List.of("model"));
        } catch (InvalidRequest | RequestBody.MalformedJson e) {
            errors.send(response, Dialect.ANTHROPIC, 400, "invalid_request_error", e.getMessage());
            async.complete();
            return;
        }
        String requestId = response.getHeader(ResponseHeaders.REQUEST_ID);
        Optional<Inspector.Capture> capture = inspector.open(request, requestId, bytes);
        RouteScope scope = scope(countTokens);
        InferenceRequest inference = new InferenceRequest(scope, MESSAGES, Optional.of(conversation.model()),
                stickyKeys.keyFor(request, body), () -> needs(conversation, countTokens));
        router.plan(inference).whenComplete((plan, failure) -> {
            if (failure != null) {
                errors.send(response, Dialect.ANTHROPIC, 500, "server_error", "routing failed: " + failure);
                async.complete();
                return;
            }
            if (countTokens && plan.decision() instanceof Rejected) {
                // No platform that counts natively serves this model: estimate, as Olla always does.
                answerEstimate(response, conversation, async);
                return;
            }
            AnthropicTranslation conversion = new AnthropicTranslation(conversation, countTokens, policy, backends,
                    replies, capture, requestId == null ? "" : requestId);
            if (!countTokens) {
                recordWhenDone(async, conversion, received);
            }
            admission.dispatch(request, response, async, scope, path, body, plan, received, conversion);
        });
    }

    // The conversation is already parsed: what it needs is read from it rather than from the bytes again.
    private static RequestNeeds needs(Conversation conversation, boolean countTokens) {
        Features features = conversation.features();
        return new RequestNeeds(countTokens ? RequestNeeds.Operation.OTHER : RequestNeeds.Operation.GENERATE,
                features.tools(), features.vision(), conversation.estimatedInputTokens());
    }

    // Olla's /olla/anthropic filters endpoints by a path suffix, which misroutes when an oMLX endpoint exists; here
    // every platform is a candidate (translation reaches any of them), and count_tokens those that count natively.
    private RouteScope scope(boolean countTokens) {
        List<Profile> all = routes.scope("proxy").map(RouteScope::profiles).orElse(List.of());
        List<Profile> profiles = countTokens ? all.stream().filter(policy::countsTokens).toList() : all;
        return new RouteScope(PREFIX, profiles, false);
    }

    private void answerEstimate(HttpServletResponse response, Conversation conversation, AsyncContext async) {
        try {
            json.write(response, 200, json.object().put("input_tokens", conversation.estimatedInputTokens()));
        } catch (IOException e) {
            // The client left; nothing to tell it.
        }
        async.complete();
    }

    private void recordWhenDone(AsyncContext async, AnthropicTranslation conversion, long received) {
        // The servlet starts async again on its dispatch, which drops listeners unless they re-register.
        async.addListener(new AsyncListener() {
            @Override
            public void onComplete(AsyncEvent event) {
                conversion.lastChoice().ifPresent(choice -> stats.record(TRANSLATOR, choice, conversion.streaming(),
                        conversion.succeeded(), Duration.ofNanos(System.nanoTime() - received)));
            }

            @Override
            public void onTimeout(AsyncEvent event) {
            }

            @Override
            public void onError(AsyncEvent event) {
            }

            @Override
            public void onStartAsync(AsyncEvent event) {
                event.getAsyncContext().addListener(this);
            }
        });
    }
}
