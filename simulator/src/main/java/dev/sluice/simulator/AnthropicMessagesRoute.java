package dev.sluice.simulator;

import java.io.IOException;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

/**
 * {@code POST /v1/messages}, Anthropic's Messages API as a platform serves it natively. The generation is the
 * backend's chat script (cut at {@code max_tokens}); everything about the bytes is the {@link AnthropicDialect}'s
 * business, so one route serves every platform that has the endpoint.
 */
final class AnthropicMessagesRoute implements Route {

    private final AnthropicDialect dialect;
    /** Counted rather than random ids, so two runs of a test see the same bytes. */
    private final AtomicLong ids = new AtomicLong();

    AnthropicMessagesRoute(AnthropicDialect dialect) {
        this.dialect = dialect;
    }

    @Override
    public void handle(Exchange exchange) throws IOException {
        Optional<AnthropicRequest> accepted = dialect.accept(exchange);
        if (accepted.isEmpty()) {
            return;
        }
        AnthropicRequest request = accepted.get();
        Generation generation = Generation.of(exchange.settings().chatScript(), request.maxTokens());
        AnthropicReply reply = new AnthropicReply(dialect.messageId(ids.incrementAndGet()), request.model(),
                request.inputTokens(), generation);
        if (!request.stream()) {
            dialect.sendMessage(exchange, dialect.message(exchange, reply));
            return;
        }
        EventChunks events = dialect.stream(exchange, reply);
        dialect.beginStream(exchange);
        new PacedWriter(exchange, events, generation.pause()).iterate();
    }
}
