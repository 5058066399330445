package dev.sluice.simulator;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.Optional;

/**
 * llama-server's {@code POST /v1/chat/completions}, after the wire-format reference. Where it differs from
 * OpenAI (and from {@link OpenAiChatRoute}): the role delta carries {@code "content":null}; it goes out in the
 * same HTTP chunk as the first token, because llama-server writes both from one result; the finish chunk carries
 * a non-standard {@code timings} object unless usage was asked for, in which case both ride on the usage chunk;
 * and every body names the loaded model whatever the request said.
 */
final class LlamaCppChatRoute implements Route {

    private final LlamaCppIds ids;

    LlamaCppChatRoute(LlamaCppIds ids) {
        this.ids = ids;
    }

    @Override
    public void handle(Exchange exchange) throws IOException {
        Optional<LlamaCppRequest> read = LlamaCppRequest.read(exchange, LlamaCppRequest.Shape.CHAT);
        if (read.isEmpty()) {
            return;
        }
        LlamaCppRequest request = read.get();
        Generation generation = request.generation(exchange);
        String id = ids.next();
        String finishReason = generation.truncated() ? "length" : "stop";
        if (!request.stream()) {
            exchange.json(200, completion(exchange, id, request, generation, finishReason));
            return;
        }
        EventChunks events = new EventChunks();
        ObjectNode role = exchange.newObject().put("role", "assistant").putNull("content");
        events.add(Sse.data(exchange, chunk(exchange, id, request, role, null))
                + Sse.data(exchange, chunk(exchange, id, request, content(exchange, generation.token(0)), null)));
        for (int i = 1; i < generation.tokens(); i++) {
            events.add(Sse.data(exchange, chunk(exchange, id, request, content(exchange, generation.token(i)), null)));
        }
        ObjectNode finish = chunk(exchange, id, request, exchange.newObject(), finishReason);
        ObjectNode timings = LlamaCppCounters.timings(exchange, request.promptTokens(), generation);
        if (request.includeUsage()) {
            ObjectNode usage = envelope(exchange, id, request);
            usage.set("usage", LlamaCppCounters.usage(exchange, request.promptTokens(), generation.tokens()));
            usage.set("timings", timings);
            events.add(Sse.data(exchange, finish) + Sse.data(exchange, usage));
        } else {
            finish.set("timings", timings);
            events.add(Sse.data(exchange, finish));
        }
        // [DONE] is a write of its own, sent as soon as the final result is out.
        events.follow(Sse.DONE);
        LlamaCppCounters.beginStream(exchange);
        new PacedWriter(exchange, events, generation.pause()).iterate();
    }

    /** The non-streamed body, fields in llama-server's order (choices first, id and timings last). */
    private static ObjectNode completion(Exchange exchange, String id, LlamaCppRequest request,
                                         Generation generation, String finishReason) {
        ObjectNode body = exchange.newObject();
        ObjectNode choice = body.putArray("choices").addObject().put("finish_reason", finishReason).put("index", 0);
        choice.putObject("message").put("role", "assistant").put("content", generation.text());
        body.put("created", exchange.epochSecond()).put("model", request.model().name())
                .put("system_fingerprint", LlamaCppPropsRoute.BUILD_INFO).put("object", "chat.completion");
        body.set("usage", LlamaCppCounters.usage(exchange, request.promptTokens(), generation.tokens()));
        body.put("id", id);
        body.set("timings", LlamaCppCounters.timings(exchange, request.promptTokens(), generation));
        return body;
    }

    private static ObjectNode chunk(Exchange exchange, String id, LlamaCppRequest request, ObjectNode delta,
                                    String finishReason) {
        ObjectNode chunk = exchange.newObject();
        ObjectNode choice = chunk.putArray("choices").addObject().put("finish_reason", finishReason).put("index", 0);
        choice.set("delta", delta);
        return envelopeInto(exchange, chunk, id, request);
    }

    /** A chunk without choices, for the usage chunk ({@code "choices":[]}). */
    private static ObjectNode envelope(Exchange exchange, String id, LlamaCppRequest request) {
        ObjectNode chunk = exchange.newObject();
        chunk.putArray("choices");
        return envelopeInto(exchange, chunk, id, request);
    }

    private static ObjectNode envelopeInto(Exchange exchange, ObjectNode chunk, String id, LlamaCppRequest request) {
        return chunk.put("created", exchange.epochSecond()).put("id", id).put("model", request.model().name())
                .put("system_fingerprint", LlamaCppPropsRoute.BUILD_INFO).put("object", "chat.completion.chunk");
    }

    private static ObjectNode content(Exchange exchange, String text) {
        return exchange.newObject().put("content", text);
    }
}
