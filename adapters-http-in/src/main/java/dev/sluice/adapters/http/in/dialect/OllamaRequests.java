package dev.sluice.adapters.http.in.dialect;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sluice.domain.conversation.Conversation;
import dev.sluice.domain.conversation.ImagePart;
import dev.sluice.domain.conversation.Message;
import dev.sluice.domain.conversation.Part;
import dev.sluice.domain.conversation.ResponseFormat;
import dev.sluice.domain.conversation.Role;
import dev.sluice.domain.conversation.Sampling;
import dev.sluice.domain.conversation.TextPart;
import dev.sluice.domain.conversation.ThinkingPart;
import dev.sluice.domain.conversation.ToolDefinition;
import dev.sluice.domain.conversation.ToolResultPart;
import dev.sluice.domain.conversation.ToolUsePart;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.OptionalLong;

/**
 * Reads Ollama's {@code /api/chat} and {@code /api/generate} bodies into a {@link Conversation}. Ollama's options
 * map to sampling ({@code num_predict} is the length cap; -1 and -2 mean none), {@code format} to a response format,
 * {@code think} to a thinking budget ({@code true} or a level), base64 {@code images} to inline images. Ollama's
 * tool calls carry no ids and its tool results name no call, so ids are made up here ({@code call_<turn>_<n>}) and
 * each result is paired with the previous assistant turn's calls in order, which is how Ollama's own templates
 * read them. Options a chat-completions server cannot take ({@code num_ctx}, {@code keep_alive}...) are dropped.
 */
public final class OllamaRequests {

    private final ObjectMapper json;

    public OllamaRequests(ObjectMapper json) {
        this.json = json;
    }

    /** An {@code /api/chat} body. */
    public Conversation chat(byte[] body) throws InvalidRequest {
        JsonNode root = root(body);
        String model = model(root);
        JsonNode messages = root.path("messages");
        if (!messages.isMissingNode() && !messages.isNull() && !messages.isArray()) {
            throw new InvalidRequest("messages: must be an array");
        }
        List<Part> system = new ArrayList<>();
        List<Message> parsed = new ArrayList<>();
        List<String> lastCalls = List.of();
        int resultIndex = 0;
        for (int i = 0; i < messages.size(); i++) {
            JsonNode message = messages.get(i);
            String role = message.path("role").asText("");
            String content = message.path("content").isTextual() ? message.path("content").asText() : "";
            switch (role) {
                case "system":
                    system.add(new TextPart(content));
                    break;
                case "assistant": {
                    List<Part> parts = new ArrayList<>();
                    if (message.path("thinking").isTextual() && !message.path("thinking").asText().isEmpty()) {
                        parts.add(new ThinkingPart(message.path("thinking").asText(), ""));
                    }
                    if (!content.isEmpty()) {
                        parts.add(new TextPart(content));
                    }
                    List<String> ids = new ArrayList<>();
                    for (JsonNode call : message.path("tool_calls")) {
                        String id = "call_" + i + "_" + ids.size();
                        ids.add(id);
                        JsonNode function = call.path("function");
                        parts.add(new ToolUsePart(id, function.path("name").asText(""), arguments(function.path("arguments"))));
                    }
                    lastCalls = ids;
                    resultIndex = 0;
                    parsed.add(new Message(Role.ASSISTANT, parts));
                    break;
                }
                case "tool": {
                    String id = resultIndex < lastCalls.size() ? lastCalls.get(resultIndex) : "call_" + i;
                    resultIndex++;
                    parsed.add(new Message(Role.USER, List.of(new ToolResultPart(id, List.of(new TextPart(content)), false))));
                    break;
                }
                case "user": {
                    List<Part> parts = new ArrayList<>();
                    parts.add(new TextPart(content));
                    images(message.path("images"), parts, "messages." + i + ".images");
                    parsed.add(new Message(Role.USER, parts));
                    break;
                }
                default:
                    throw new InvalidRequest("messages." + i + ".role: must be system, user, assistant or tool, not '"
                            + role + "'");
            }
        }
        return conversation(root, model, system, parsed, tools(root.path("tools")));
    }

    /** An {@code /api/generate} body: {@code prompt} becomes one user turn, {@code system} the system prompt. */
    public Conversation generate(byte[] body) throws InvalidRequest {
        JsonNode root = root(body);
        String model = model(root);
        List<Part> system = new ArrayList<>();
        if (root.path("system").isTextual() && !root.path("system").asText().isEmpty()) {
            system.add(new TextPart(root.path("system").asText()));
        }
        List<Part> prompt = new ArrayList<>();
        prompt.add(new TextPart(root.path("prompt").asText("")));
        images(root.path("images"), prompt, "images");
        return conversation(root, model, system, List.of(new Message(Role.USER, prompt)), List.of());
    }

    private Conversation conversation(JsonNode root, String model, List<Part> system, List<Message> messages,
                                      List<ToolDefinition> tools) throws InvalidRequest {
        // Ollama streams unless told not to.
        boolean stream = !root.path("stream").isBoolean() || root.path("stream").asBoolean();
        return new Conversation(model, system, messages, tools, Optional.empty(), sampling(root.path("options")),
                stream, Optional.empty(), thinking(root.path("think")), format(root.path("format")));
    }

    private JsonNode root(byte[] body) throws InvalidRequest {
        JsonNode root;
        try {
            root = json.readTree(body);
        } catch (JsonProcessingException e) {
            throw new InvalidRequest("request body is not valid JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new InvalidRequest("request body could not be read: " + e.getMessage());
        }
        if (root == null || !root.isObject()) {
            throw new InvalidRequest("request body must be a JSON object");
        }
        return root;
    }

    private static String model(JsonNode root) throws InvalidRequest {
        String model = root.path("model").asText("").trim();
        if (model.isEmpty()) {
            throw new InvalidRequest("model is required");
        }
        return model;
    }

    private static Sampling sampling(JsonNode options) throws InvalidRequest {
        long predict = options.path("num_predict").asLong(0);
        List<String> stop = new ArrayList<>();
        JsonNode stopNode = options.path("stop");
        if (stopNode.isTextual()) {
            stop.add(stopNode.asText());
        } else {
            stopNode.forEach(s -> stop.add(s.asText()));
        }
        return new Sampling(predict > 0 ? (int) Math.min(predict, Integer.MAX_VALUE) : 0,
                number(options, "temperature"), number(options, "top_p"),
                options.path("top_k").isNumber() ? OptionalInt.of(options.path("top_k").asInt()) : OptionalInt.empty(),
                stop, options.path("seed").isNumber() ? OptionalLong.of(options.path("seed").asLong())
                : OptionalLong.empty());
    }

    private static OptionalDouble number(JsonNode options, String field) throws InvalidRequest {
        JsonNode value = options.path(field);
        if (value.isMissingNode() || value.isNull()) {
            return OptionalDouble.empty();
        }
        if (!value.isNumber()) {
            throw new InvalidRequest("options." + field + ": must be a number");
        }
        return OptionalDouble.of(value.asDouble());
    }

    // think: true asks for reasoning; gpt-oss takes a level. The budget only feeds the back end's effort setting.
    private static OptionalInt thinking(JsonNode think) {
        if (think.isBoolean()) {
            return think.asBoolean() ? OptionalInt.of(8192) : OptionalInt.empty();
        }
        switch (think.asText("")) {
            case "low":
                return OptionalInt.of(1024);
            case "medium":
                return OptionalInt.of(8192);
            case "high":
                return OptionalInt.of(32768);
            default:
                return OptionalInt.empty();
        }
    }

    private static ResponseFormat format(JsonNode format) throws InvalidRequest {
        if (format.isMissingNode() || format.isNull() || format.isTextual() && format.asText().isEmpty()) {
            return ResponseFormat.TEXT;
        }
        if (format.isTextual() && format.asText().equals("json")) {
            return ResponseFormat.JSON;
        }
        if (format.isObject()) {
            return ResponseFormat.schema(format.toString());
        }
        throw new InvalidRequest("format: must be \"json\" or a JSON schema object");
    }

    private static List<ToolDefinition> tools(JsonNode tools) {
        List<ToolDefinition> out = new ArrayList<>();
        for (JsonNode tool : tools) {
            JsonNode function = tool.path("function");
            JsonNode parameters = function.path("parameters");
            out.add(new ToolDefinition(function.path("name").asText(""), function.path("description").asText(""),
                    parameters.isObject() ? parameters.toString() : "{\"type\":\"object\",\"properties\":{}}"));
        }
        return out;
    }

    // Ollama sends arguments as an object; a client that sends OpenAI's string form is read as well.
    private String arguments(JsonNode arguments) {
        if (arguments.isObject()) {
            return arguments.toString();
        }
        if (arguments.isTextual()) {
            try {
                JsonNode parsed = json.readTree(arguments.asText());
                if (parsed != null && parsed.isObject()) {
                    return parsed.toString();
                }
            } catch (JsonProcessingException e) {
                // Not JSON: no usable arguments.
            }
        }
        return "{}";
    }

    private static void images(JsonNode images, List<Part> parts, String where) throws InvalidRequest {
        if (images.isMissingNode() || images.isNull()) {
            return;
        }
        if (!images.isArray()) {
            throw new InvalidRequest(where + ": must be an array of base64 strings");
        }
        for (JsonNode image : images) {
            String data = image.asText("");
            if (data.isEmpty()) {
                throw new InvalidRequest(where + ": must be an array of base64 strings");
            }
            parts.add(ImagePart.inline(mediaType(data), data));
        }
    }

    /** The image type from its first bytes, as base64 spells them; Ollama sends no type. */
    static String mediaType(String base64) {
        if (base64.startsWith("iVBOR")) {
            return "image/png";
        }
        if (base64.startsWith("R0lGOD")) {
            return "image/gif";
        }
        if (base64.startsWith("UklGR")) {
            return "image/webp";
        }
        return "image/jpeg";
    }
}
