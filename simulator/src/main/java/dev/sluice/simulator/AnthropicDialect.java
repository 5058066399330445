package dev.sluice.simulator;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.List;
import java.util.Optional;

/**
 * How one platform speaks Anthropic's Messages API. Servers that offer {@code /v1/messages} natively agree on
 * the event sequence but not on the bytes: field order, which nulls they send, where usage goes, whether they
 * ping, and how many events share one write all differ, and a passthrough proxy relays whatever it gets.
 *
 * <p>This base class answers as Anthropic's own API does (named events, a {@code ping} after the first
 * {@code content_block_start}, {@code stop_sequence: null}, Anthropic's error envelope). LM Studio, whose
 * endpoint is closed source and documented as mirroring Anthropic's, uses it unchanged; the subclasses follow
 * the sources or captures of llama.cpp, Ollama and vLLM.
 */
class AnthropicDialect {

    /** Reads, validates and resolves the model; answers the error itself and returns empty when it refuses. */
    Optional<AnthropicRequest> accept(Exchange exchange) throws IOException {
        JsonNode body;
        try {
            body = exchange.readJsonBody();
        } catch (JsonProcessingException e) {
            rejectRequest(exchange, "invalid JSON body");
            return Optional.empty();
        }
        if (!body.isObject()) {
            rejectRequest(exchange, "invalid JSON body");
            return Optional.empty();
        }
        Optional<String> problem = problem(body);
        if (problem.isPresent()) {
            rejectRequest(exchange, problem.get());
            return Optional.empty();
        }
        String model = body.get("model").asText();
        if (ServedModels.named(exchange, model).isEmpty()) {
            rejectUnknownModel(exchange, model);
            return Optional.empty();
        }
        return Optional.of(AnthropicRequest.of(body, model));
    }

    /** The first thing wrong with a body, in Anthropic's words ({@code "max_tokens: Field required"}). */
    Optional<String> problem(JsonNode body) {
        for (String field : List.of("model", "max_tokens", "messages")) {
            if (!body.hasNonNull(field)) {
                return Optional.of(field + ": Field required");
            }
        }
        if (body.get("max_tokens").asInt() < 1) {
            return Optional.of("max_tokens: Input should be greater than or equal to 1");
        }
        return Optional.empty();
    }

    void rejectRequest(Exchange exchange, String message) {
        error(exchange, 400, "invalid_request_error", message);
    }

    void rejectUnknownModel(Exchange exchange, String model) {
        error(exchange, 404, "not_found_error", "model: " + model);
    }

    /** Anthropic's error envelope, {@code {"type":"error","error":{"type":...,"message":...}}}. */
    void error(Exchange exchange, int status, String type, String message) {
        ObjectNode body = exchange.newObject().put("type", "error");
        body.putObject("error").put("type", type).put("message", message);
        exchange.json(status, body);
    }

    String messageId(long sequence) {
        return String.format("msg_sim%021d", sequence);
    }

    /** The non-streamed answer, also the shape {@code message_start} carries while still empty. */
    ObjectNode message(Exchange exchange, AnthropicReply reply) {
        ObjectNode message = exchange.newObject().put("id", reply.id()).put("type", "message")
                .put("role", "assistant");
        message.putArray("content").addObject().put("type", "text").put("text", reply.generation().text());
        message.put("model", reply.model()).put("stop_reason", reply.stopReason()).putNull("stop_sequence");
        message.set("usage", usage(exchange, reply.inputTokens(), reply.outputTokens()));
        return message;
    }

    void sendMessage(Exchange exchange, ObjectNode message) {
        exchange.json(200, message);
    }

    /** The message in {@code message_start}: no content, no stop reason yet, nothing generated. */
    ObjectNode startedMessage(Exchange exchange, AnthropicReply reply) {
        ObjectNode message = message(exchange, reply);
        message.putArray("content");
        message.putNull("stop_reason");
        message.set("usage", usage(exchange, reply.inputTokens(), 0));
        return message;
    }

    ObjectNode usage(Exchange exchange, int inputTokens, int outputTokens) {
        return exchange.newObject().put("input_tokens", inputTokens).put("output_tokens", outputTokens);
    }

    /** A content-block event: {@code type}, {@code index}, then its payload field. */
    ObjectNode blockEvent(Exchange exchange, String type, String field, ObjectNode payload) {
        ObjectNode event = exchange.newObject().put("type", type).put("index", 0);
        if (payload != null) {
            event.set(field, payload);
        }
        return event;
    }

    /** Stop reason and output count, sent once generation ends. */
    ObjectNode messageDelta(Exchange exchange, AnthropicReply reply) {
        ObjectNode event = exchange.newObject().put("type", "message_delta");
        event.putObject("delta").put("stop_reason", reply.stopReason()).putNull("stop_sequence");
        event.putObject("usage").put("output_tokens", reply.outputTokens());
        return event;
    }

    /** Anthropic sends a keep-alive {@code ping} once the first block has started. */
    boolean pings() {
        return true;
    }

    /** Whether all events of one generation step leave in one write (llama.cpp) or each in its own. */
    boolean writesStepAtOnce() {
        return false;
    }

    void beginStream(Exchange exchange) {
        exchange.header("Cache-Control", "no-cache");
        exchange.beginStream(200, "text/event-stream");
    }

    /**
     * The whole event stream, as generation steps: the opening events with the first token, one step per
     * further token, and the closing events. The script's pause falls between steps only.
     */
    final EventChunks stream(Exchange exchange, AnthropicReply reply) {
        Generation generation = reply.generation();
        ObjectNode start = exchange.newObject().put("type", "message_start");
        start.set("message", startedMessage(exchange, reply));
        ObjectNode emptyText = exchange.newObject().put("type", "text").put("text", "");
        StepWriter steps = new StepWriter(exchange, writesStepAtOnce());
        steps.begin().event("message_start", start)
                .event("content_block_start", blockEvent(exchange, "content_block_start", "content_block", emptyText));
        if (pings()) {
            steps.event("ping", exchange.newObject().put("type", "ping"));
        }
        for (int i = 0; i < generation.tokens(); i++) {
            if (i > 0) {
                steps.begin();
            }
            ObjectNode delta = exchange.newObject().put("type", "text_delta").put("text", generation.token(i));
            steps.event("content_block_delta", blockEvent(exchange, "content_block_delta", "delta", delta));
        }
        steps.begin().event("content_block_stop", blockEvent(exchange, "content_block_stop", null, null))
                .event("message_delta", messageDelta(exchange, reply))
                .event("message_stop", exchange.newObject().put("type", "message_stop"));
        return steps.finish();
    }

    /** Collects named events into paced steps, joined into one write per step or written one by one. */
    private static final class StepWriter {
        private final Exchange exchange;
        private final boolean atOnce;
        private final EventChunks chunks = new EventChunks();
        private final StringBuilder step = new StringBuilder();
        private boolean firstOfStep;

        StepWriter(Exchange exchange, boolean atOnce) {
            this.exchange = exchange;
            this.atOnce = atOnce;
        }

        StepWriter begin() {
            flush();
            firstOfStep = true;
            return this;
        }

        StepWriter event(String name, ObjectNode data) {
            String frame = Sse.event(exchange, name, data);
            if (atOnce) {
                step.append(frame);
            } else if (firstOfStep) {
                chunks.add(frame);
            } else {
                chunks.follow(frame);
            }
            firstOfStep = false;
            return this;
        }

        EventChunks finish() {
            flush();
            return chunks;
        }

        private void flush() {
            if (step.length() > 0) {
                chunks.add(step.toString());
                step.setLength(0);
            }
        }
    }
}
