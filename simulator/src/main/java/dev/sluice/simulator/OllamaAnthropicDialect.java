package dev.sluice.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Ollama's {@code /v1/messages} (0.14 and later), after its Go source: a middleware that turns the request into
 * an {@code /api/chat} call and each NDJSON line back into Anthropic events. Go's {@code omitempty} drops every
 * empty stop field, so no {@code stop_sequence} appears anywhere and {@code message_start} has no
 * {@code stop_reason}; {@code message_delta} repeats the input count; every event is flushed on its own and
 * there is no ping. Errors use Anthropic's envelope plus a {@code request_id}.
 */
final class OllamaAnthropicDialect extends AnthropicDialect {

    private final AtomicLong requestIds = new AtomicLong();

    @Override
    Optional<String> problem(JsonNode body) {
        if (body.path("model").asText("").isEmpty()) {
            return Optional.of("model is required");
        }
        if (body.path("max_tokens").asInt(0) <= 0) {
            return Optional.of("max_tokens is required and must be positive");
        }
        if (body.path("messages").size() == 0) {
            return Optional.of("messages is required");
        }
        return Optional.empty();
    }

    /** Validation failures go out through gin's JSON renderer: its content type, no trailing newline. */
    @Override
    void error(Exchange exchange, int status, String type, String message) {
        exchange.json(status, envelope(exchange, type, message));
    }

    /**
     * The chat handler's 404, rewritten by the middleware with Go's JSON encoder: plain
     * {@code application/json} and a trailing newline. The words are the simulator's Ollama chat route's.
     */
    @Override
    void rejectUnknownModel(Exchange exchange, String model) {
        encoded(exchange, 404, envelope(exchange, "not_found_error",
                "model \"" + model + "\" not found, try pulling it first"));
    }

    private ObjectNode envelope(Exchange exchange, String type, String message) {
        ObjectNode body = exchange.newObject().put("type", "error");
        body.putObject("error").put("type", type).put("message", message);
        return body.put("request_id", String.format("req_%024x", requestIds.incrementAndGet()));
    }

    /** {@code msg_} and 24 hex digits, like Ollama's 12 random bytes. */
    @Override
    String messageId(long sequence) {
        return String.format("msg_%024x", sequence);
    }

    @Override
    ObjectNode message(Exchange exchange, AnthropicReply reply) {
        ObjectNode message = header(exchange, reply);
        message.putArray("content").addObject().put("type", "text").put("text", reply.generation().text());
        message.put("stop_reason", reply.stopReason());
        message.set("usage", usage(exchange, reply.inputTokens(), reply.outputTokens()));
        return message;
    }

    @Override
    void sendMessage(Exchange exchange, ObjectNode message) {
        encoded(exchange, 200, message);
    }

    @Override
    ObjectNode startedMessage(Exchange exchange, AnthropicReply reply) {
        ObjectNode message = header(exchange, reply);
        message.putArray("content");
        message.set("usage", usage(exchange, reply.inputTokens(), 0));
        return message;
    }

    @Override
    ObjectNode messageDelta(Exchange exchange, AnthropicReply reply) {
        ObjectNode event = exchange.newObject().put("type", "message_delta");
        event.putObject("delta").put("stop_reason", reply.stopReason());
        event.set("usage", usage(exchange, reply.inputTokens(), reply.outputTokens()));
        return event;
    }

    @Override
    boolean pings() {
        return false;
    }

    @Override
    void beginStream(Exchange exchange) {
        exchange.header("Cache-Control", "no-cache");
        exchange.header("Connection", "keep-alive");
        exchange.beginStream(200, "text/event-stream");
    }

    /** Go's struct order: model comes before content. */
    private static ObjectNode header(Exchange exchange, AnthropicReply reply) {
        return exchange.newObject().put("id", reply.id()).put("type", "message").put("role", "assistant")
                .put("model", reply.model());
    }

    /** What {@code json.NewEncoder(w).Encode(v)} writes: the JSON and a newline. */
    private static void encoded(Exchange exchange, int status, ObjectNode body) {
        byte[] json = exchange.toJsonBytes(body);
        byte[] line = new byte[json.length + 1];
        System.arraycopy(json, 0, line, 0, json.length);
        line[json.length] = '\n';
        exchange.bytes(status, "application/json", line);
    }
}
