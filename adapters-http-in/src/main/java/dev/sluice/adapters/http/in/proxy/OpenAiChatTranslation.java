package dev.sluice.adapters.http.in.proxy;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sluice.adapters.http.in.dialect.BackendDialect;
import dev.sluice.adapters.http.in.dialect.BackendDialects;
import dev.sluice.adapters.http.in.dialect.InvalidRequest;
import dev.sluice.adapters.http.in.dialect.OpenAiClientStream;
import dev.sluice.adapters.http.in.dialect.OpenAiReplies;
import dev.sluice.adapters.http.in.dialect.OpenAiRequests;
import dev.sluice.adapters.http.in.dialect.ProviderErrors;
import dev.sluice.application.port.in.Attempt;
import dev.sluice.domain.conversation.Conversation;
import dev.sluice.domain.conversation.Reply;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayOutputStream;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.eclipse.jetty.client.Request;
import org.eclipse.jetty.ee10.proxy.AsyncMiddleManServlet.ContentTransformer;
import org.eclipse.jetty.http.HttpHeader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An OpenAI chat-completions request, shaped per attempt: relayed as it is to an endpoint that speaks OpenAI
 * chat, or translated to the endpoint's own dialect (Anthropic Messages for the hosted Anthropic API) with the
 * answer translated back to {@code chat.completion} JSON or {@code chat.completion.chunk} events as they arrive.
 * A provider's error body becomes OpenAI's envelope with the provider's status; {@code Retry-After} and
 * rate-limit headers pass as they are.
 */
final class OpenAiChatTranslation implements Conversion {

    private static final Logger LOG = LoggerFactory.getLogger(OpenAiChatTranslation.class);

    private final OpenAiRequests.Parsed request;
    private final BackendDialects backends;
    private final OpenAiReplies replies;
    private final ObjectMapper json;
    private final String completionId;
    private final long created;
    private ProxyExchange exchange;

    /** @param created the answer's time in epoch seconds, the same on every chunk */
    OpenAiChatTranslation(OpenAiRequests.Parsed request, BackendDialects backends, OpenAiReplies replies,
                          ObjectMapper json, String requestId, long created) {
        this.request = request;
        this.backends = backends;
        this.replies = replies;
        this.json = json;
        this.completionId = "chatcmpl-" + requestId.replaceAll("[^A-Za-z0-9_-]", "");
        this.created = created;
    }

    private boolean translating(Attempt attempt) {
        return backends.translatesOpenAiChat(attempt.endpoint());
    }

    private BackendDialect backend(Attempt attempt) {
        return backends.of(attempt.endpoint());
    }

    // An alias may know the model by another name on this endpoint.
    private Conversation forEndpoint(Attempt attempt) {
        return attempt.modelOverride().map(conversation()::withModel).orElse(conversation());
    }

    private Conversation conversation() {
        return request.conversation();
    }

    @Override
    public void attach(ProxyExchange owner) {
        this.exchange = owner;
    }

    @Override
    public String targetPath(ProxyExchange exchange, Attempt attempt) {
        return translating(attempt) ? backend(attempt).path(forEndpoint(attempt))
                : Conversion.super.targetPath(exchange, attempt);
    }

    @Override
    public Optional<String> targetQuery(ProxyExchange exchange, Attempt attempt) {
        return translating(attempt) ? backend(attempt).query(forEndpoint(attempt))
                : Conversion.super.targetQuery(exchange, attempt);
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
        if (translating(attempt)) {
            // The answer is read to be translated: no compression.
            proxyRequest.headers(h -> {
                h.remove(HttpHeader.ACCEPT_ENCODING);
                h.put(HttpHeader.CONTENT_TYPE, "application/json");
            });
        }
    }

    @Override
    public void served(HttpServletResponse proxyResponse, Attempt attempt, int status) {
        if (translating(attempt)) {
            proxyResponse.setHeader("X-Olla-Mode", "translation");
            proxyResponse.setContentType(status >= 400 || !conversation().stream() ? "application/json"
                    : "text/event-stream");
        }
    }

    @Override
    public ContentTransformer transformer(Attempt attempt, int status, UnaryOperator<String> header,
                                          ContentTransformer relay) {
        if (!translating(attempt)) {
            return relay;
        }
        BackendDialect backend = backend(attempt);
        String contentType = header.apply("Content-Type");
        if (status >= 400) {
            Optional<String> headerKind = backend.errorKind(header);
            return new WholeTranslation(exchange, body -> replies.error(status,
                    ProviderErrors.kind(json, body).or(() -> headerKind).orElse(code(status)),
                    attempt.endpoint().name() + ": " + backend.errorMessage(body)));
        }
        OpenAiClientStream stream = new OpenAiClientStream(replies, completionId, conversation().model(), created,
                request.includeUsage());
        if (conversation().stream() && backend.streams(contentType)) {
            return new StreamTranslation(exchange, backend.streamReader(), stream);
        }
        return new WholeTranslation(exchange, body -> {
            try {
                Reply reply = backend.reply(body, completionId);
                if (!conversation().stream()) {
                    return replies.completion(new Reply(completionId, reply.model(), reply.content(),
                            reply.stopReason(), reply.usage()), conversation().model(), created);
                }
                ByteArrayOutputStream chunks = new ByteArrayOutputStream();
                reply.asDeltas().forEach(delta -> chunks.writeBytes(stream.on(delta)));
                chunks.writeBytes(stream.end());
                return chunks.toByteArray();
            } catch (InvalidRequest e) {
                LOG.warn("{} sent an answer that cannot be translated: {}", attempt.endpoint().name(), e.getMessage());
                if (conversation().stream()) {
                    return replies.streamError(e.getMessage());
                }
                throw new WholeTranslation.Unreadable(502, replies.error(502, "upstream_error", e.getMessage()),
                        e.getMessage());
            }
        });
    }

    @Override
    public Optional<byte[]> brokenStreamTail(Attempt attempt, String reason) {
        if (!conversation().stream() || !translating(attempt)) {
            return Optional.empty();
        }
        return Optional.of(replies.streamError(attempt.endpoint().name() + " failed mid-stream: " + reason));
    }

    // The error code when the provider's body named no kind of its own.
    private static String code(int status) {
        return status == 429 ? "rate_limit_exceeded" : "upstream_error";
    }
}
