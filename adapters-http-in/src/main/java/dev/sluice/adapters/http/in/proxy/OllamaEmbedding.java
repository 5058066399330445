package dev.sluice.adapters.http.in.proxy;

import dev.sluice.adapters.http.in.dialect.BackendDialects;
import dev.sluice.adapters.http.in.dialect.InvalidRequest;
import dev.sluice.adapters.http.in.dialect.OllamaEmbeddings;
import dev.sluice.adapters.http.in.dialect.OllamaReplies;
import dev.sluice.application.port.in.Attempt;
import dev.sluice.application.translation.BackendMode;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Optional;
import org.eclipse.jetty.client.Request;
import org.eclipse.jetty.ee10.proxy.AsyncMiddleManServlet.ContentTransformer;
import org.eclipse.jetty.http.HttpHeader;

/**
 * An Ollama {@code /api/embed} or {@code /api/embeddings} request from the front door: passed through to an
 * Ollama, or sent to any other platform as OpenAI's {@code /v1/embeddings} and its answer rewritten. The request
 * was checked before routing, so writing it for a back end cannot fail here.
 */
final class OllamaEmbedding implements Conversion {

    private final byte[] request;
    private final boolean legacy;
    private final String model;
    private final OllamaEmbeddings codec;
    private final OllamaReplies replies;
    private final BackendDialects dialects;
    private final long receivedNanos;
    private ProxyExchange exchange;

    OllamaEmbedding(byte[] request, boolean legacy, String model, OllamaEmbeddings codec, OllamaReplies replies,
                    BackendDialects dialects, long receivedNanos) {
        this.dialects = dialects;
        this.request = request.clone();
        this.legacy = legacy;
        this.model = model;
        this.codec = codec;
        this.replies = replies;
        this.receivedNanos = receivedNanos;
    }

    @Override
    public void attach(ProxyExchange owner) {
        this.exchange = owner;
    }

    @Override
    public String targetPath(ProxyExchange exchange, Attempt attempt) {
        return OllamaTranslation.speaksOllama(attempt) ? exchange.path.path() : OllamaEmbeddings.BACKEND_PATH;
    }

    @Override
    public Optional<String> targetQuery(ProxyExchange exchange, Attempt attempt) {
        return OllamaTranslation.speaksOllama(attempt) ? exchange.path.query() : Optional.empty();
    }

    @Override
    public byte[] body(ProxyExchange exchange, Attempt attempt) {
        if (OllamaTranslation.speaksOllama(attempt)) {
            return Conversion.super.body(exchange, attempt);
        }
        try {
            return codec.request(request, legacy, attempt.modelOverride().orElse(model));
        } catch (InvalidRequest e) {
            // Validated at admission with the same codec; reaching here is a bug, not a client error.
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void prepare(Request proxyRequest, Attempt attempt) {
        if (!OllamaTranslation.speaksOllama(attempt)) {
            proxyRequest.headers(h -> {
                h.remove(HttpHeader.ACCEPT_ENCODING);
                h.put(HttpHeader.CONTENT_TYPE, "application/json");
            });
        }
    }

    @Override
    public void served(HttpServletResponse proxyResponse, Attempt attempt, int status) {
        boolean translating = !OllamaTranslation.speaksOllama(attempt);
        proxyResponse.setHeader("X-Olla-Mode", (translating ? BackendMode.TRANSLATION : BackendMode.PASSTHROUGH)
                .headerValue());
        if (translating) {
            proxyResponse.setContentType("application/json; charset=utf-8");
        }
    }

    @Override
    public ContentTransformer transformer(Attempt attempt, int status, String contentType, ContentTransformer relay) {
        if (OllamaTranslation.speaksOllama(attempt)) {
            return relay;
        }
        if (status >= 400) {
            return new WholeTranslation(exchange, body -> replies.error(dialects.of(attempt.endpoint()).errorMessage(body)));
        }
        return new WholeTranslation(exchange, body -> {
            try {
                return codec.reply(body, legacy, model, System.nanoTime() - receivedNanos);
            } catch (InvalidRequest e) {
                String message = attempt.endpoint().name() + " sent an unreadable embedding answer: " + e.getMessage();
                throw new WholeTranslation.Unreadable(502, replies.error(message), message);
            }
        });
    }
}
