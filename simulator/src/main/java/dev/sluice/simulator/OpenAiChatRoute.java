package dev.sluice.simulator;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

/**
 * OpenAI {@code POST /v1/chat/completions}, as the OpenAI-compatible servers send it: one JSON object, or with
 * {@code "stream":true} server-sent events ({@code data: {...}\n\n}), a role chunk, one chunk per token, a
 * finish chunk, an optional usage chunk, and {@code data: [DONE]}. llama.cpp's variant (null content in the
 * role chunk, timings) differs and has its own route, {@link LlamaCppChatRoute}.
 */
final class OpenAiChatRoute implements Route {

    /** Counted rather than random ids, so two runs of a test see the same bytes. */
    private final AtomicLong ids = new AtomicLong();

    @Override
    public void handle(Exchange exchange) {
        Optional<ChatRequest> read = ChatRequest.read(exchange, false);
        if (read.isEmpty()) {
            return;
        }
        answer(exchange, read.get());
    }

    /** Answers a request already read: Azure reads its own, naming the model after the deployment in the path. */
    void answer(Exchange exchange, ChatRequest request) {
        // Multi-model servers reject unknown names; a proxy's model routing is only tested if this can fail.
        if (request.servedBy(exchange).isEmpty()) {
            exchange.stack().error(exchange, 404, "The model `" + request.model() + "` does not exist.");
            return;
        }
        ChatScript script = exchange.settings().chatScript();
        String id = String.format("chatcmpl-sim%06d", ids.incrementAndGet());
        if (OpenAiAgentTurn.applies(request)) {
            new OpenAiAgentTurn(exchange, id, request).answer();
            return;
        }
        if (!request.stream()) {
            ObjectNode body = envelope(exchange, id, request, "chat.completion");
            ObjectNode choice = body.putArray("choices").addObject().put("index", 0);
            choice.putObject("message").put("role", "assistant").put("content", script.fullText());
            choice.put("finish_reason", "stop");
            body.set("usage", usage(exchange, request, script));
            exchange.json(200, body);
            return;
        }
        EventChunks events = new EventChunks();
        // OpenAI opens with the role and an empty-string content; llama.cpp sends null there, hence its own route.
        events.add(event(exchange, chunk(exchange, id, request, delta(exchange).put("role", "assistant")
                .put("content", ""), null)));
        for (int i = 0; i < script.chunks(); i++) {
            events.add(event(exchange, chunk(exchange, id, request, delta(exchange).put("content", script.token(i)),
                    null)));
        }
        events.add(event(exchange, chunk(exchange, id, request, delta(exchange), "stop")));
        if (request.includeUsage()) {
            ObjectNode usageChunk = envelope(exchange, id, request, "chat.completion.chunk");
            usageChunk.putArray("choices");
            usageChunk.set("usage", usage(exchange, request, script));
            events.add(event(exchange, usageChunk));
        }
        // Frames end in LF only: clients that split on CRLF must still cope, as with the real servers.
        events.add("data: [DONE]\n\n");
        exchange.beginStream(200, "text/event-stream");
        new PacedWriter(exchange, events, script.interChunkDelay()).iterate();
    }

    private static ObjectNode envelope(Exchange exchange, String id, ChatRequest request, String object) {
        return exchange.newObject().put("id", id).put("object", object).put("created", exchange.epochSecond())
                .put("model", request.model());
    }

    private static ObjectNode chunk(Exchange exchange, String id, ChatRequest request, ObjectNode delta,
                                    String finishReason) {
        ObjectNode chunk = envelope(exchange, id, request, "chat.completion.chunk");
        ArrayNode choices = chunk.putArray("choices");
        ObjectNode choice = choices.addObject().put("index", 0);
        choice.set("delta", delta);
        choice.put("finish_reason", finishReason);
        return chunk;
    }

    private static ObjectNode delta(Exchange exchange) {
        return exchange.newObject();
    }

    private static ObjectNode usage(Exchange exchange, ChatRequest request, ChatScript script) {
        return exchange.newObject().put("prompt_tokens", request.promptTokens())
                .put("completion_tokens", script.chunks())
                .put("total_tokens", request.promptTokens() + script.chunks());
    }

    private static String event(Exchange exchange, ObjectNode json) {
        return "data: " + new String(exchange.toJsonBytes(json), StandardCharsets.UTF_8) + "\n\n";
    }
}
