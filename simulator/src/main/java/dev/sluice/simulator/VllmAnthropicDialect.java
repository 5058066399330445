package dev.sluice.simulator;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * vLLM's {@code /v1/messages} (0.11.1 and later), after its Python source. Pydantic shapes the bytes: the
 * answer drops {@code None} fields (no {@code stop_sequence}); stream events drop unset ones, so the message in
 * {@code message_start} has no {@code type} or {@code role}, and block events put {@code index} last.
 * {@code message_delta} repeats the input count; there is no ping. A model it does not serve is an Anthropic
 * error carrying vLLM's own error type; malformed bodies are refused by FastAPI in the stack's usual shape.
 */
final class VllmAnthropicDialect extends AnthropicDialect {

    @Override
    void rejectRequest(Exchange exchange, String message) {
        exchange.stack().error(exchange, 400, message);
    }

    @Override
    void rejectUnknownModel(Exchange exchange, String model) {
        error(exchange, 404, "NotFoundError", "The model `" + model + "` does not exist.");
    }

    /** vLLM reuses its chat completion's id, {@code chatcmpl-} and a 32-digit hex uuid. */
    @Override
    String messageId(long sequence) {
        return String.format("chatcmpl-%032x", sequence);
    }

    @Override
    ObjectNode message(Exchange exchange, AnthropicReply reply) {
        ObjectNode message = super.message(exchange, reply);
        message.remove("stop_sequence");
        return message;
    }

    @Override
    ObjectNode startedMessage(Exchange exchange, AnthropicReply reply) {
        ObjectNode message = exchange.newObject().put("id", reply.id());
        message.putArray("content");
        message.put("model", reply.model()).putNull("stop_reason").putNull("stop_sequence");
        message.set("usage", usage(exchange, reply.inputTokens(), 0));
        return message;
    }

    @Override
    ObjectNode blockEvent(Exchange exchange, String type, String field, ObjectNode payload) {
        ObjectNode event = exchange.newObject().put("type", type);
        if (payload != null) {
            event.set(field, payload);
        }
        return event.put("index", 0);
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

    /** Starlette adds the charset to every {@code text/} media type. */
    @Override
    void beginStream(Exchange exchange) {
        exchange.beginStream(200, "text/event-stream; charset=utf-8");
    }
}
