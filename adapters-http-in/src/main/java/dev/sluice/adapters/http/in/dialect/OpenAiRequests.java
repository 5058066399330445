package dev.sluice.adapters.http.in.dialect;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sluice.domain.conversation.Conversation;
import dev.sluice.domain.conversation.ImagePart;
import dev.sluice.domain.conversation.Message;
import dev.sluice.domain.conversation.Part;
import dev.sluice.domain.conversation.Role;
import dev.sluice.domain.conversation.Sampling;
import dev.sluice.domain.conversation.TextPart;
import dev.sluice.domain.conversation.ThinkingPart;
import dev.sluice.domain.conversation.ToolChoice;
import dev.sluice.domain.conversation.ToolDefinition;
import dev.sluice.domain.conversation.ToolResultPart;
import dev.sluice.domain.conversation.ToolUsePart;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;

/**
 * Reads an OpenAI chat-completions request into a {@link Conversation}, for a back end that does not speak it.
 * {@code system} and {@code developer} messages become the system prompt; {@code tool} messages become tool
 * results on the user side; {@code reasoning_effort} (or an Anthropic-style {@code thinking} object, which some
 * clients send as an extra field) becomes a thinking budget. Fields no other dialect can honour ({@code n},
 * {@code logprobs}, {@code response_format}, penalties) are ignored, as Olla's translator does.
 */
public final class OpenAiRequests {

    private final ObjectMapper json;

    public OpenAiRequests(ObjectMapper json) {
        this.json = json;
    }

    /** The parsed request plus whether a stream should carry a usage chunk ({@code stream_options.include_usage}). */
    public record Parsed(Conversation conversation, boolean includeUsage) {
    }

    public Parsed parse(byte[] body) throws InvalidRequest {
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
        if (!root.path("model").isTextual() || root.path("model").asText().isBlank()) {
            throw new InvalidRequest("model: Field required");
        }
        JsonNode messages = root.path("messages");
        if (!messages.isArray() || messages.isEmpty()) {
            throw new InvalidRequest("messages: must be a non-empty array");
        }
        List<Part> system = new ArrayList<>();
        List<Message> parsed = new ArrayList<>();
        for (int i = 0; i < messages.size(); i++) {
            message(messages.get(i), "messages[" + i + "]", system, parsed);
        }
        JsonNode max = root.has("max_completion_tokens") ? root.path("max_completion_tokens") : root.path("max_tokens");
        if (!max.isMissingNode() && !max.isNull() && (!max.isIntegralNumber() || max.asLong() < 1)) {
            throw new InvalidRequest("max_tokens: must be an integer greater than or equal to 1");
        }
        Sampling sampling = new Sampling(max.isIntegralNumber() ? (int) Math.min(Integer.MAX_VALUE, max.asLong()) : 0,
                number(root, "temperature", 0, 2), number(root, "top_p", 0, 1),
                root.path("top_k").isIntegralNumber() ? OptionalInt.of(root.path("top_k").asInt()) : OptionalInt.empty(),
                stops(root.path("stop")));
        boolean stream = root.path("stream").asBoolean(false);
        Conversation conversation = new Conversation(root.path("model").asText().trim(), system, parsed,
                tools(root.path("tools")), toolChoice(root), sampling, stream,
                root.path("user").isTextual() ? Optional.of(root.path("user").asText()) : Optional.empty(),
                thinking(root));
        return new Parsed(conversation, stream && root.path("stream_options").path("include_usage").asBoolean(false));
    }

    private static void message(JsonNode node, String where, List<Part> system, List<Message> out)
            throws InvalidRequest {
        String role = node.path("role").asText("");
        switch (role) {
            case "system":
            case "developer":
                system.addAll(content(node.path("content"), where));
                return;
            case "user":
                out.add(new Message(Role.USER, content(node.path("content"), where)));
                return;
            case "assistant":
                List<Part> parts = new ArrayList<>();
                JsonNode reasoning = node.has("reasoning_content") ? node.path("reasoning_content") : node.path("reasoning");
                if (reasoning.isTextual() && !reasoning.asText().isEmpty()) {
                    parts.add(new ThinkingPart(reasoning.asText(), ""));
                }
                if (!node.path("content").isNull() && !node.path("content").isMissingNode()) {
                    parts.addAll(content(node.path("content"), where));
                }
                for (JsonNode call : node.path("tool_calls")) {
                    JsonNode function = call.path("function");
                    parts.add(new ToolUsePart(call.path("id").asText(""), function.path("name").asText(""),
                            function.path("arguments").asText("{}")));
                }
                out.add(new Message(Role.ASSISTANT, parts));
                return;
            case "tool":
            case "function":
                String id = node.path("tool_call_id").asText(node.path("name").asText(""));
                out.add(new Message(Role.USER, List.of(new ToolResultPart(id, content(node.path("content"), where),
                        false))));
                return;
            default:
                throw new InvalidRequest(where + ".role: must be one of system, developer, user, assistant, tool");
        }
    }

    private static List<Part> content(JsonNode node, String where) throws InvalidRequest {
        if (node.isTextual()) {
            return List.of(new TextPart(node.asText()));
        }
        if (node.isMissingNode() || node.isNull()) {
            return List.of();
        }
        if (!node.isArray()) {
            throw new InvalidRequest(where + ".content: must be a string or an array of content parts");
        }
        List<Part> parts = new ArrayList<>();
        for (JsonNode part : node) {
            String type = part.path("type").asText("");
            if (type.equals("text")) {
                parts.add(new TextPart(part.path("text").asText("")));
            } else if (type.equals("image_url")) {
                JsonNode url = part.path("image_url");
                parts.add(image(url.isTextual() ? url.asText() : url.path("url").asText(""), where));
            }
            // input_audio, file: no back end we translate to takes them from a chat request.
        }
        return parts;
    }

    // A data: URL is an inline image; anything else is fetched by the provider.
    private static ImagePart image(String url, String where) throws InvalidRequest {
        if (url.startsWith("data:")) {
            int comma = url.indexOf(',');
            String header = comma < 0 ? "" : url.substring(5, comma);
            if (comma < 0 || !header.endsWith(";base64")) {
                throw new InvalidRequest(where + ": an inline image must be a base64 data URL");
            }
            return ImagePart.inline(header.substring(0, header.length() - ";base64".length()), url.substring(comma + 1));
        }
        if (url.isEmpty()) {
            throw new InvalidRequest(where + ": image_url.url is required");
        }
        return ImagePart.at(url);
    }

    private static OptionalDouble number(JsonNode root, String field, double min, double max) throws InvalidRequest {
        JsonNode value = root.path(field);
        if (value.isMissingNode() || value.isNull()) {
            return OptionalDouble.empty();
        }
        if (!value.isNumber() || value.asDouble() < min || value.asDouble() > max) {
            throw new InvalidRequest(field + ": must be a number from " + (int) min + " to " + (int) max);
        }
        return OptionalDouble.of(value.asDouble());
    }

    private static List<String> stops(JsonNode stop) {
        if (stop.isTextual()) {
            return List.of(stop.asText());
        }
        List<String> out = new ArrayList<>();
        stop.forEach(s -> {
            if (s.isTextual()) {
                out.add(s.asText());
            }
        });
        return out;
    }

    private static List<ToolDefinition> tools(JsonNode node) throws InvalidRequest {
        List<ToolDefinition> tools = new ArrayList<>();
        for (JsonNode tool : node) {
            JsonNode function = tool.path("function");
            if (!function.path("name").isTextual()) {
                throw new InvalidRequest("tools: every function needs a name");
            }
            JsonNode parameters = function.path("parameters");
            tools.add(new ToolDefinition(function.path("name").asText(), function.path("description").asText(""),
                    parameters.isObject() ? parameters.toString() : "{\"type\":\"object\",\"properties\":{}}"));
        }
        return tools;
    }

    private static Optional<ToolChoice> toolChoice(JsonNode root) throws InvalidRequest {
        JsonNode choice = root.path("tool_choice");
        boolean parallel = root.path("parallel_tool_calls").asBoolean(true);
        if (choice.isTextual()) {
            switch (choice.asText()) {
                case "auto":
                    return Optional.of(new ToolChoice(ToolChoice.Mode.AUTO, Optional.empty(), parallel));
                case "required":
                    return Optional.of(new ToolChoice(ToolChoice.Mode.ANY, Optional.empty(), parallel));
                case "none":
                    return Optional.of(new ToolChoice(ToolChoice.Mode.NONE, Optional.empty(), parallel));
                default:
                    throw new InvalidRequest("tool_choice: must be auto, required, none or a function");
            }
        }
        if (choice.isObject()) {
            JsonNode name = choice.path("function").path("name");
            if (!name.isTextual()) {
                throw new InvalidRequest("tool_choice.function.name: Field required");
            }
            return Optional.of(new ToolChoice(ToolChoice.Mode.TOOL, Optional.of(name.asText()), parallel));
        }
        return parallel ? Optional.empty()
                : Optional.of(new ToolChoice(ToolChoice.Mode.AUTO, Optional.empty(), false));
    }

    // OpenAI's effort levels as budgets Anthropic accepts (at least 1024); an explicit thinking object wins.
    private static OptionalInt thinking(JsonNode root) {
        JsonNode thinking = root.path("thinking");
        if ("enabled".equals(thinking.path("type").asText()) && thinking.path("budget_tokens").isIntegralNumber()) {
            return OptionalInt.of(thinking.path("budget_tokens").asInt());
        }
        switch (root.path("reasoning_effort").asText("")) {
            case "minimal":
            case "low":
                return OptionalInt.of(1024);
            case "medium":
                return OptionalInt.of(8192);
            case "high":
                return OptionalInt.of(24576);
            default:
                return OptionalInt.empty();
        }
    }
}
