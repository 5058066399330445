package dev.sluice.adapters.http.in.proxy;

import dev.sluice.adapters.http.in.dialect.AnthropicClientStream;
import dev.sluice.adapters.http.in.dialect.AnthropicReplies;
import dev.sluice.adapters.http.in.dialect.BackendDialect;
import dev.sluice.adapters.http.in.dialect.BackendDialects;
import dev.sluice.adapters.http.in.dialect.InvalidRequest;
import dev.sluice.application.port.in.Attempt;
import dev.sluice.application.translation.AnthropicEvent;
import dev.sluice.application.translation.AnthropicStreamWriter;
import dev.sluice.application.translation.BackendMode;
import dev.sluice.application.translation.Fallback;
import dev.sluice.application.translation.ModeChoice;
import dev.sluice.application.translation.PassthroughPolicy;
import dev.sluice.domain.conversation.Conversation;
import dev.sluice.domain.conversation.Reply;
import dev.sluice.domain.profile.Profile;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayOutputStream;
import java.util.List;
import java.util.Optional;
import org.eclipse.jetty.client.Request;
import org.eclipse.jetty.ee10.proxy.AsyncMiddleManServlet.ContentTransformer;
import org.eclipse.jetty.http.HttpHeader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An Anthropic Messages request, shaped per attempt: passed through byte for byte to an endpoint whose platform
 * speaks Anthropic (at its profile's {@code messages_path}), or translated to the back-end dialect and its answer
 * translated back, streamed event by event. {@code count_tokens} only ever passes through (it is estimated
 * locally when no platform counts natively, before anything is proxied).
 */
final class AnthropicTranslation implements Conversion {

    private static final Logger LOG = LoggerFactory.getLogger(AnthropicTranslation.class);
    static final String COUNT_TOKENS_SUFFIX = "/count_tokens";

    private final Conversation conversation;
    private final boolean countTokens;
    private final PassthroughPolicy policy;
    private final BackendDialects backends;
    private final AnthropicReplies replies;
    private final Optional<Inspector.Capture> capture;
    private final String requestId;
    private ProxyExchange exchange;
    private Attempt chosenFor;
    private ModeChoice choice;
    private volatile boolean succeeded;
    private volatile ModeChoice lastChoice;

    AnthropicTranslation(Conversation conversation, boolean countTokens, PassthroughPolicy policy,
                         BackendDialects backends, AnthropicReplies replies, Optional<Inspector.Capture> capture,
                         String requestId) {
        this.conversation = conversation;
        this.countTokens = countTokens;
        this.policy = policy;
        this.backends = backends;
        this.replies = replies;
        this.capture = capture;
        this.requestId = requestId;
    }

    private ModeChoice choice(Attempt attempt) {
        if (chosenFor != attempt) {
            chosenFor = attempt;
            choice = countTokens ? new ModeChoice(BackendMode.PASSTHROUGH, Fallback.NONE)
                    : policy.choose(attempt.endpoint().profile(), conversation.features());
            lastChoice = choice;
        }
        return choice;
    }

    // The hosted Anthropic API is only translated to when passthrough is off: it then gets Anthropic's own dialect.
    private BackendDialect backend(Attempt attempt) {
        return backends.of(attempt.endpoint());
    }

    // An alias may know the model by another name on this endpoint.
    private Conversation forEndpoint(Attempt attempt) {
        return attempt.modelOverride().map(conversation::withModel).orElse(conversation);
    }

    private boolean translating(Attempt attempt) {
        return choice(attempt).mode() == BackendMode.TRANSLATION;
    }

    @Override
    public String targetPath(ProxyExchange exchange, Attempt attempt) {
        Profile profile = attempt.endpoint().profile();
        if (translating(attempt)) {
            return backend(attempt).path(forEndpoint(attempt));
        }
        return profile.anthropicSupport().messagesPath() + (countTokens ? COUNT_TOKENS_SUFFIX : "");
    }

    // Claude Code adds ?beta=true for Anthropic's API; it means nothing to an OpenAI server.
    @Override
    public Optional<String> targetQuery(ProxyExchange exchange, Attempt attempt) {
        return translating(attempt) ? backend(attempt).query(forEndpoint(attempt)) : exchange.path.query();
    }

    @Override
    public byte[] body(ProxyExchange exchange, Attempt attempt) {
        if (!translating(attempt)) {
            return Conversion.super.body(exchange, attempt);
        }
        return backend(attempt).request(forEndpoint(attempt), attempt.endpoint().profile());
    }

    @Override
    public void prepare(Request proxyRequest, Attempt attempt) {
        if (!translating(attempt)) {
            return;
        }
        boolean anthropicBackend = backends.speaksAnthropicMessages(attempt.endpoint());
        proxyRequest.headers(h -> {
            // We must read the answer to translate it: no compression; Anthropic's headers mean nothing elsewhere
            // (to the hosted API, the endpoint's own anthropic-version was set before this).
            h.remove(HttpHeader.ACCEPT_ENCODING);
            if (!anthropicBackend) {
                h.remove("anthropic-version");
                h.remove("anthropic-beta");
            }
            h.put(HttpHeader.CONTENT_TYPE, "application/json");
        });
    }

    @Override
    public void served(HttpServletResponse proxyResponse, Attempt attempt, int status) {
        proxyResponse.setHeader("X-Olla-Mode", choice(attempt).mode().headerValue());
        if (translating(attempt)) {
            proxyResponse.setContentType(status >= 400 || !conversation.stream() ? "application/json"
                    : "text/event-stream");
        }
        if (status >= 400) {
            proxyResponse.setHeader("request-id", requestId);
        }
        boolean stream = conversation.stream() && status < 400;
        capture.ifPresent(c -> c.served(choice(attempt).mode().headerValue(), attempt.endpoint().name(), status, stream));
    }

    @Override
    public ContentTransformer transformer(Attempt attempt, int status, String contentType, ContentTransformer relay) {
        ContentTransformer chosen = translating(attempt) ? translator(attempt, status, contentType) : relay;
        return capture.<ContentTransformer>map(c -> new CapturingTransformer(chosen, c)).orElse(chosen);
    }

    private ContentTransformer translator(Attempt attempt, int status, String contentType) {
        if (status >= 400) {
            return new WholeTranslation(exchange, body -> replies.error(status, backend(attempt).errorMessage(body), requestId));
        }
        String fallbackId = "msg_" + requestId.replaceAll("[^A-Za-z0-9_-]", "");
        AnthropicClientStream stream = new AnthropicClientStream(
                new AnthropicStreamWriter(fallbackId, conversation.model(), conversation.estimatedInputTokens()), replies);
        if (conversation.stream() && backend(attempt).streams(contentType)) {
            return new StreamTranslation(exchange, backend(attempt).streamReader(), stream);
        }
        return new WholeTranslation(exchange, body -> {
            try {
                Reply answer = backend(attempt).reply(body, fallbackId);
                Reply reply = new Reply(answer.id(), conversation.model(), answer.content(), answer.stopReason(),
                        answer.usage());
                if (!conversation.stream()) {
                    return replies.message(reply);
                }
                // Asked to stream, answered whole (some servers ignore stream with tools): replay it as events.
                ByteArrayOutputStream events = new ByteArrayOutputStream();
                reply.asDeltas().forEach(delta -> events.writeBytes(stream.on(delta)));
                events.writeBytes(stream.end());
                return events.toByteArray();
            } catch (InvalidRequest e) {
                LOG.warn("{} sent an answer that cannot be translated: {}", attempt.endpoint().name(), e.getMessage());
                if (conversation.stream()) {
                    return replies.events(List.of(new AnthropicEvent.StreamError("api_error", e.getMessage())));
                }
                throw new WholeTranslation.Unreadable(502, replies.error(502, e.getMessage(), requestId),
                        e.getMessage());
            }
        });
    }

    @Override
    public void attach(ProxyExchange owner) {
        this.exchange = owner;
    }

    @Override
    public Optional<byte[]> brokenStreamTail(Attempt attempt, String reason) {
        if (!conversation.stream() || !translating(attempt)) {
            // A passthrough stream may have been cut mid-event: appending to half an event would corrupt both.
            return Optional.empty();
        }
        return Optional.of(replies.events(List.of(new AnthropicEvent.StreamError("api_error",
                attempt.endpoint().name() + " failed mid-stream: " + reason))));
    }

    @Override
    public void finished(boolean success) {
        succeeded = success;
    }

    boolean succeeded() {
        return succeeded;
    }

    /** The mode of the last attempt; empty when no attempt was made. */
    Optional<ModeChoice> lastChoice() {
        return Optional.ofNullable(lastChoice);
    }

    boolean streaming() {
        return conversation.stream();
    }
}
