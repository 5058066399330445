package dev.sluice.adapters.http.in.dialect;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sluice.application.translation.AnthropicEvent;
import dev.sluice.domain.conversation.Part;
import dev.sluice.domain.conversation.Reply;
import dev.sluice.domain.conversation.TextPart;
import dev.sluice.domain.conversation.ThinkingPart;
import dev.sluice.domain.conversation.ToolUsePart;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;

/**
 * Writes Anthropic's wire format: a whole message, stream events ({@code event: x\ndata: {...}\n\n}, field order
 * as Anthropic's API sends it) and the error envelope with Olla's status mapping.
 */
public final class AnthropicReplies {

    private final ObjectMapper json;

    public AnthropicReplies(ObjectMapper json) {
        this.json = json;
    }

    public byte[] message(Reply reply) {
        ObjectNode body = json.createObjectNode();
        body.put("id", reply.id()).put("type", "message").put("role", "assistant").put("model", reply.model());
        ArrayNode content = body.putArray("content");
        for (Part part : reply.content()) {
            if (part instanceof ThinkingPart t) {
                content.addObject().put("type", "thinking").put("thinking", t.text()).put("signature", t.signature());
            } else if (part instanceof TextPart t) {
                content.addObject().put("type", "text").put("text", t.text());
            } else if (part instanceof ToolUsePart t) {
                content.addObject().put("type", "tool_use").put("id", t.id()).put("name", t.name())
                        .set("input", parse(t.inputJson()));
            }
        }
        body.put("stop_reason", reply.stopReason().wireName());
        body.putNull("stop_sequence");
        body.putObject("usage").put("input_tokens", reply.usage().inputTokens())
                .put("output_tokens", reply.usage().outputTokens());
        return bytes(body);
    }

    /** Events in wire form, concatenated: one write per upstream event, so they leave together. */
    public byte[] events(List<AnthropicEvent> events) {
        if (events.isEmpty()) {
            return new byte[0];
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(128 * events.size());
        for (AnthropicEvent event : events) {
            out.writeBytes(("event: " + event.name() + "\ndata: ").getBytes(StandardCharsets.UTF_8));
            out.writeBytes(bytes(data(event)));
            out.writeBytes(new byte[] {'\n', '\n'});
        }
        return out.toByteArray();
    }

    ObjectNode data(AnthropicEvent event) {
        ObjectNode data = json.createObjectNode().put("type", event.name());
        if (event instanceof AnthropicEvent.MessageStart start) {
            ObjectNode message = data.putObject("message");
            message.put("id", start.id()).put("type", "message").put("role", "assistant").put("model", start.model());
            message.putArray("content");
            message.putNull("stop_reason");
            message.putNull("stop_sequence");
            message.putObject("usage").put("input_tokens", start.inputTokens()).put("output_tokens", 0);
        } else if (event instanceof AnthropicEvent.BlockStart start) {
            data.put("index", start.index());
            ObjectNode block = data.putObject("content_block");
            switch (start.kind()) {
                case TEXT:
                    block.put("type", "text").put("text", "");
                    break;
                case THINKING:
                    block.put("type", "thinking").put("thinking", "").put("signature", "");
                    break;
                default:
                    block.put("type", "tool_use").put("id", start.toolId().orElse(""))
                            .put("name", start.toolName().orElse("")).putObject("input");
                    break;
            }
        } else if (event instanceof AnthropicEvent.BlockDelta delta) {
            data.put("index", delta.index());
            ObjectNode d = data.putObject("delta").put("type", delta.kind().name().toLowerCase(Locale.ROOT));
            switch (delta.kind()) {
                case TEXT_DELTA:
                    d.put("text", delta.value());
                    break;
                case THINKING_DELTA:
                    d.put("thinking", delta.value());
                    break;
                default:
                    d.put("partial_json", delta.value());
                    break;
            }
        } else if (event instanceof AnthropicEvent.BlockStop stop) {
            data.put("index", stop.index());
        } else if (event instanceof AnthropicEvent.MessageDelta delta) {
            data.putObject("delta").put("stop_reason", delta.stopReason().wireName()).putNull("stop_sequence");
            ObjectNode usage = data.putObject("usage");
            delta.inputTokens().ifPresent(n -> usage.put("input_tokens", n));
            usage.put("output_tokens", delta.outputTokens());
        } else if (event instanceof AnthropicEvent.StreamError error) {
            data.putObject("error").put("type", error.type()).put("message", error.message());
        }
        return data;
    }

    /** Anthropic's error envelope, with the request id Olla adds. */
    public byte[] error(int status, String message, String requestId) {
        ObjectNode body = json.createObjectNode().put("type", "error");
        body.putObject("error").put("type", errorType(status)).put("message", message);
        if (requestId != null) {
            body.put("request_id", requestId);
        }
        return bytes(body);
    }

    /** Olla's status → Anthropic error type table (reference §2.12). */
    public static String errorType(int status) {
        switch (status) {
            case 400:
                return "invalid_request_error";
            case 401:
                return "authentication_error";
            case 403:
                return "permission_error";
            case 404:
                return "not_found_error";
            case 413:
                return "request_too_large";
            case 429:
                return "rate_limit_error";
            case 408:
            case 504:
                return "timeout_error";
            case 529:
                return "overloaded_error";
            default:
                return "api_error";
        }
    }

    private com.fasterxml.jackson.databind.JsonNode parse(String text) {
        try {
            return json.readTree(text);
        } catch (JsonProcessingException e) {
            return json.createObjectNode();
        }
    }

    private byte[] bytes(Object node) {
        return DialectJson.write(json, node);
    }
}
