package dev.sluice.adapters.http.in.dialect;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sluice.domain.conversation.Part;
import dev.sluice.domain.conversation.Reply;
import dev.sluice.domain.conversation.TextPart;
import dev.sluice.domain.conversation.ThinkingPart;
import dev.sluice.domain.conversation.ToolUsePart;
import dev.sluice.domain.conversation.Usage;
import java.nio.charset.StandardCharsets;

/**
 * Writes OpenAI's chat-completions wire format for answers that came from another dialect: a whole
 * {@code chat.completion}, {@code chat.completion.chunk} SSE events, and the error envelope (with the provider's
 * own error kind as {@code code} when it named one). Reasoning goes in {@code reasoning_content}, as vLLM and
 * DeepSeek send it and OpenAI-compatible clients read it.
 */
public final class OpenAiReplies {

    private final ObjectMapper json;

    public OpenAiReplies(ObjectMapper json) {
        this.json = json;
    }

    /**
     * @param model   the model as the client asked for it
     * @param created the answer's time, in epoch seconds
     */
    public byte[] completion(Reply reply, String model, long created) {
        ObjectNode body = json.createObjectNode().put("id", reply.id()).put("object", "chat.completion")
                .put("created", created).put("model", model);
        ObjectNode choice = body.putArray("choices").addObject().put("index", 0);
        ObjectNode message = choice.putObject("message").put("role", "assistant");
        StringBuilder text = new StringBuilder();
        StringBuilder reasoning = new StringBuilder();
        ArrayNode calls = null;
        for (Part part : reply.content()) {
            if (part instanceof TextPart t) {
                text.append(t.text());
            } else if (part instanceof ThinkingPart t) {
                reasoning.append(t.text());
            } else if (part instanceof ToolUsePart t) {
                if (calls == null) {
                    calls = json.createArrayNode();
                }
                calls.addObject().put("id", t.id()).put("type", "function").putObject("function")
                        .put("name", t.name()).put("arguments", t.inputJson());
            }
        }
        if (text.length() == 0 && calls != null) {
            message.putNull("content");
        } else {
            message.put("content", text.toString());
        }
        if (reasoning.length() > 0) {
            message.put("reasoning_content", reasoning.toString());
        }
        if (calls != null) {
            message.set("tool_calls", calls);
        }
        choice.put("finish_reason", reply.stopReason().openAiFinishReason());
        usage(body, reply.usage());
        return bytes(body);
    }

    /** One {@code data: {...}\n\n} event. */
    public byte[] event(ObjectNode chunk) {
        byte[] data = bytes(chunk);
        byte[] out = new byte[data.length + 8];
        System.arraycopy("data: ".getBytes(StandardCharsets.US_ASCII), 0, out, 0, 6);
        System.arraycopy(data, 0, out, 6, data.length);
        out[out.length - 2] = '\n';
        out[out.length - 1] = '\n';
        return out;
    }

    /** A chunk's envelope, with no choices yet. */
    public ObjectNode chunk(String id, String model, long created) {
        return json.createObjectNode().put("id", id).put("object", "chat.completion.chunk").put("created", created)
                .put("model", model);
    }

    void usage(ObjectNode body, Usage usage) {
        body.putObject("usage").put("prompt_tokens", usage.inputTokens())
                .put("completion_tokens", usage.outputTokens())
                .put("total_tokens", usage.inputTokens() + usage.outputTokens());
    }

    /** OpenAI's error envelope; {@code code} is the provider's error kind, else the type. */
    public byte[] error(int status, String kind, String message) {
        ObjectNode body = json.createObjectNode();
        body.putObject("error").put("message", message).put("type", type(status)).putNull("param").put("code", kind);
        return bytes(body);
    }

    /** The in-stream error event a client sees when a stream fails after it began. */
    public byte[] streamError(String message) {
        ObjectNode body = json.createObjectNode();
        body.putObject("error").put("message", message).put("type", "api_error").putNull("param").putNull("code");
        return event(body);
    }

    static String type(int status) {
        switch (status) {
            case 400:
            case 404:
            case 413:
            case 422:
                return "invalid_request_error";
            case 401:
                return "authentication_error";
            case 403:
                return "permission_error";
            case 429:
                return "rate_limit_error";
            default:
                return status >= 500 ? "api_error" : "invalid_request_error";
        }
    }

    private byte[] bytes(Object node) {
        return DialectJson.write(json, node);
    }
}
