package dev.sluice.adapters.http.in.dialect;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sluice.application.translation.OllamaChunk;
import java.io.ByteArrayOutputStream;
import java.time.Clock;
import java.util.List;

/**
 * Writes Ollama's answers: NDJSON lines for a stream, one object for a whole answer, {@code {"error": "..."}} for
 * a failure. {@code /api/chat} puts the answer in {@code message}, {@code /api/generate} in {@code response} (and
 * reasoning in a top-level {@code thinking}). Every line names the model the client asked for and the time it
 * was written. Thread-safe.
 */
public final class OllamaReplies {

    /** Which Ollama call the answer belongs to. */
    public enum Shape {
        CHAT,
        GENERATE
    }

    private final ObjectMapper json;
    private final Clock clock;

    public OllamaReplies(ObjectMapper json, Clock clock) {
        this.json = json;
        this.clock = clock;
    }

    /** Stream lines, one per chunk, each ending in a newline. */
    public byte[] lines(List<OllamaChunk> chunks, String model, Shape shape) {
        if (chunks.isEmpty()) {
            return new byte[0];
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(128 * chunks.size());
        for (OllamaChunk chunk : chunks) {
            out.writeBytes(bytes(line(chunk, model, shape)));
            out.write('\n');
        }
        return out.toByteArray();
    }

    /**
     * A whole answer: the chunks of the stream it would have been, merged into one object as Ollama answers
     * {@code "stream": false}. An error chunk makes the whole answer that error.
     */
    public byte[] whole(List<OllamaChunk> chunks, String model, Shape shape) {
        StringBuilder text = new StringBuilder();
        StringBuilder thinking = new StringBuilder();
        ArrayNode calls = json.createArrayNode();
        OllamaChunk.Final last = null;
        for (OllamaChunk chunk : chunks) {
            if (chunk instanceof OllamaChunk.Error error) {
                return error(error.message());
            }
            if (chunk instanceof OllamaChunk.Content content) {
                text.append(content.text());
                thinking.append(content.thinking());
                content.toolCalls().forEach(call -> calls.add(toolCall(call)));
            } else if (chunk instanceof OllamaChunk.Final done) {
                last = done;
            }
        }
        ObjectNode body = head(model);
        answer(body, shape, text.toString(), thinking.toString(), calls);
        if (last == null) {
            body.put("done", false);
        } else {
            done(body, last);
        }
        return bytes(body);
    }

    /**
     * Ollama's answer to a request that only loads the model (a chat with no messages, a generate with no prompt):
     * done at once, {@code done_reason: load}.
     */
    public byte[] loaded(String model, Shape shape) {
        ObjectNode body = head(model);
        answer(body, shape, "", "", json.createArrayNode());
        body.put("done_reason", "load");
        body.put("done", true);
        return bytes(body);
    }

    /** Ollama's error body, also its error line inside a stream (add the newline for that). */
    public byte[] error(String message) {
        return bytes(json.createObjectNode().put("error", message));
    }

    private ObjectNode line(OllamaChunk chunk, String model, Shape shape) {
        if (chunk instanceof OllamaChunk.Error error) {
            return json.createObjectNode().put("error", error.message());
        }
        ObjectNode line = head(model);
        if (chunk instanceof OllamaChunk.Content content) {
            ArrayNode calls = json.createArrayNode();
            content.toolCalls().forEach(call -> calls.add(toolCall(call)));
            answer(line, shape, content.text(), content.thinking(), calls);
            line.put("done", false);
        } else {
            answer(line, shape, "", "", json.createArrayNode());
            done(line, (OllamaChunk.Final) chunk);
        }
        return line;
    }

    private ObjectNode head(String model) {
        return json.createObjectNode().put("model", model).put("created_at", clock.instant().toString());
    }

    private static void answer(ObjectNode node, Shape shape, String text, String thinking, ArrayNode calls) {
        if (shape == Shape.GENERATE) {
            node.put("response", text);
            if (!thinking.isEmpty()) {
                node.put("thinking", thinking);
            }
            return;
        }
        ObjectNode message = node.putObject("message").put("role", "assistant").put("content", text);
        if (!thinking.isEmpty()) {
            message.put("thinking", thinking);
        }
        if (!calls.isEmpty()) {
            message.set("tool_calls", calls);
        }
    }

    private static void done(ObjectNode node, OllamaChunk.Final done) {
        node.put("done", true);
        node.put("done_reason", done.doneReason());
        node.put("total_duration", done.totalDuration());
        node.put("load_duration", done.loadDuration());
        node.put("prompt_eval_count", done.promptEvalCount());
        node.put("prompt_eval_duration", done.promptEvalDuration());
        node.put("eval_count", done.evalCount());
        node.put("eval_duration", done.evalDuration());
    }

    private ObjectNode toolCall(OllamaChunk.ToolCall call) {
        ObjectNode out = json.createObjectNode();
        ObjectNode function = out.putObject("function").put("name", call.name());
        function.set("arguments", object(call.argumentsJson()));
        return out;
    }

    // OpenAI's arguments are a string a model may have got wrong; Ollama clients expect an object, so a broken one
    // becomes an empty object rather than an unreadable answer.
    private JsonNode object(String text) {
        return DialectJson.objectOrEmpty(json, text);
    }

    private byte[] bytes(JsonNode node) {
        return DialectJson.write(json, node);
    }
}
