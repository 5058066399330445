package dev.sluice.adapters.http.in.proxy;

import dev.sluice.adapters.http.in.dialect.BackendDialect;
import dev.sluice.adapters.http.in.dialect.BackendDialects;
import dev.sluice.adapters.http.in.dialect.InvalidRequest;
import dev.sluice.adapters.http.in.dialect.OllamaClientStream;
import dev.sluice.adapters.http.in.dialect.OllamaReplies;
import dev.sluice.application.port.in.Attempt;
import dev.sluice.application.translation.BackendMode;
import dev.sluice.application.translation.OllamaChunk;
import dev.sluice.application.translation.OllamaStreamWriter;
import dev.sluice.domain.conversation.Conversation;
import dev.sluice.domain.conversation.Reply;
import dev.sluice.domain.conversation.ReplyDelta;
import dev.sluice.domain.conversation.TextPart;
import jakarta.servlet.http.HttpServletResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.eclipse.jetty.client.Request;
import org.eclipse.jetty.ee10.proxy.AsyncMiddleManServlet.ContentTransformer;
import org.eclipse.jetty.http.HttpHeader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An Ollama {@code /api/chat} or {@code /api/generate} request from the front door, shaped per attempt: passed
 * through byte for byte to an Ollama (its NDJSON comes back untouched), or translated to the endpoint's back-end
 * dialect with the answer translated back into Ollama's lines, each upstream event as it arrives.
 */
final class OllamaTranslation implements Conversion {

    private static final Logger LOG = LoggerFactory.getLogger(OllamaTranslation.class);

    private final Conversation conversation;
    private final OllamaReplies.Shape shape;
    private final BackendDialects dialects;
    private final OllamaReplies replies;
    private final long receivedNanos;
    private ProxyExchange exchange;

    OllamaTranslation(Conversation conversation, OllamaReplies.Shape shape, BackendDialects dialects,
                      OllamaReplies replies, long receivedNanos) {
        this.conversation = conversation;
        this.shape = shape;
        this.dialects = dialects;
        this.replies = replies;
        this.receivedNanos = receivedNanos;
    }

    /**
     * Whether the request only asks Ollama to load the model (a chat with no messages, a generate with no prompt):
     * the Ollama CLI sends one before every session. A chat-completions server has nothing to load and refuses an
     * empty conversation, so the front door answers it for such servers.
     */
    boolean loadsOnly() {
        return conversation.messages().stream().flatMap(m -> m.parts().stream())
                .allMatch(p -> p instanceof TextPart t && t.text().isEmpty());
    }

    /** The answer to a {@link #loadsOnly()} request, as the client asked for it (a line, or an object). */
    byte[] loadedAnswer() {
        byte[] answer = replies.loaded(conversation.model(), shape);
        return conversation.stream() ? line(answer) : answer;
    }

    boolean streaming() {
        return conversation.stream();
    }

    static boolean speaksOllama(Attempt attempt) {
        return attempt.endpoint().profile().name().equals("ollama");
    }

    private BackendDialect backend(Attempt attempt) {
        return dialects.of(attempt.endpoint());
    }

    @Override
    public void attach(ProxyExchange owner) {
        this.exchange = owner;
    }

    @Override
    public String targetPath(ProxyExchange exchange, Attempt attempt) {
        return speaksOllama(attempt) ? exchange.path.path() : backend(attempt).path(conversation);
    }

    @Override
    public Optional<String> targetQuery(ProxyExchange exchange, Attempt attempt) {
        return speaksOllama(attempt) ? exchange.path.query() : backend(attempt).query(conversation);
    }

    @Override
    public byte[] body(ProxyExchange exchange, Attempt attempt) {
        if (speaksOllama(attempt)) {
            return Conversion.super.body(exchange, attempt);
        }
        Conversation forEndpoint = attempt.modelOverride().map(conversation::withModel).orElse(conversation);
        return backend(attempt).request(forEndpoint, attempt.endpoint().profile());
    }

    @Override
    public void prepare(Request proxyRequest, Attempt attempt) {
        if (!speaksOllama(attempt)) {
            // The answer must be read to be translated: no compression.
            proxyRequest.headers(h -> {
                h.remove(HttpHeader.ACCEPT_ENCODING);
                h.put(HttpHeader.CONTENT_TYPE, "application/json");
            });
        }
    }

    @Override
    public void served(HttpServletResponse proxyResponse, Attempt attempt, int status) {
        boolean translating = !speaksOllama(attempt);
        proxyResponse.setHeader("X-Olla-Mode", (translating ? BackendMode.TRANSLATION : BackendMode.PASSTHROUGH)
                .headerValue());
        if (translating) {
            proxyResponse.setContentType(status >= 400 || !conversation.stream() ? "application/json; charset=utf-8"
                    : "application/x-ndjson");
        }
    }

    @Override
    public ContentTransformer transformer(Attempt attempt, int status, String contentType, ContentTransformer relay) {
        if (speaksOllama(attempt)) {
            return relay;
        }
        BackendDialect backend = backend(attempt);
        if (status >= 400) {
            return new WholeTranslation(exchange, body -> replies.error(backend.errorMessage(body)));
        }
        OllamaStreamWriter writer = new OllamaStreamWriter(conversation.estimatedInputTokens(), System::nanoTime,
                receivedNanos);
        if (conversation.stream() && backend.streams(contentType)) {
            return new StreamTranslation(exchange, backend.streamReader(),
                    new OllamaClientStream(writer, replies, conversation.model(), shape));
        }
        return new WholeTranslation(exchange, body -> whole(attempt, backend, writer, body));
    }

    private byte[] whole(Attempt attempt, BackendDialect backend, OllamaStreamWriter writer, byte[] body) {
        Reply reply;
        try {
            reply = backend.reply(body, "msg_" + exchange.requestId);
        } catch (InvalidRequest e) {
            LOG.warn("{} sent an answer that cannot be translated: {}", attempt.endpoint().name(), e.getMessage());
            byte[] error = replies.error(e.getMessage());
            if (conversation.stream()) {
                return line(error);
            }
            throw new WholeTranslation.Unreadable(502, error, e.getMessage());
        }
        List<OllamaChunk> chunks = new ArrayList<>();
        for (ReplyDelta delta : reply.asDeltas()) {
            chunks.addAll(writer.on(delta));
        }
        chunks.addAll(writer.end());
        // Asked to stream but answered whole (some servers ignore stream with tools): send the lines it would have.
        return conversation.stream() ? replies.lines(chunks, conversation.model(), shape)
                : replies.whole(chunks, conversation.model(), shape);
    }

    @Override
    public Optional<byte[]> brokenStreamTail(Attempt attempt, String reason) {
        if (!conversation.stream() || speaksOllama(attempt)) {
            // A passthrough stream may have been cut mid-line: appending to half a line would corrupt both.
            return Optional.empty();
        }
        return Optional.of(line(replies.error(attempt.endpoint().name() + " failed mid-stream: " + reason)));
    }

    private static byte[] line(byte[] json) {
        byte[] line = java.util.Arrays.copyOf(json, json.length + 1);
        line[json.length] = '\n';
        return line;
    }
}
