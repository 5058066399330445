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
 * Reads an Anthropic Messages request into a {@link Conversation}. Lenient where Claude Code needs it (Olla issue
 * #154): unknown fields ({@code context_management}, {@code cache_control}, {@code container}...) and unknown
 * content block types are ignored; strict where a back end would fail obscurely: a missing model, no messages,
 * {@code max_tokens} below 1, out-of-range sampling and wrongly typed fields are refused with a message naming
 * the field.
 */
public final class AnthropicRequests {

    private final ObjectMapper json;

    public AnthropicRequests(ObjectMapper json) {
        this.json = json;
    }

    /**
     * @param needsMaxTokens false for {@code count_tokens}, whose body has no {@code max_tokens}
     */
    public Conversation parse(byte[] body, boolean needsMaxTokens) throws InvalidRequest {
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
        String model = text(root, "model");
        if (model.isBlank()) {
            throw new InvalidRequest("model: Field required");
        }
        JsonNode messages = root.path("messages");
        if (!messages.isArray()) {
            throw new InvalidRequest(messages.isMissingNode() ? "messages: Field required" : "messages: must be an array");
        }
        if (messages.isEmpty()) {
            throw new InvalidRequest("messages: at least one message is required");
        }
        int maxTokens = 0;
        if (needsMaxTokens) {
            JsonNode max = root.path("max_tokens");
            if (max.isMissingNode() || max.isNull()) {
                throw new InvalidRequest("max_tokens: Field required");
            }
            if (!max.isIntegralNumber() || max.asLong() < 1 || max.asLong() > Integer.MAX_VALUE) {
                throw new InvalidRequest("max_tokens: must be an integer greater than or equal to 1");
            }
            maxTokens = max.asInt();
        }
        List<Message> parsed = new ArrayList<>();
        for (int i = 0; i < messages.size(); i++) {
            parsed.add(message(messages.get(i), "messages." + i));
        }
        Sampling sampling = new Sampling(maxTokens, number(root, "temperature", 0, 2),
                number(root, "top_p", 0, 1), topK(root), stops(root));
        return new Conversation(model.trim(), system(root.path("system")), parsed, tools(root.path("tools")),
                toolChoice(root.path("tool_choice")), sampling, root.path("stream").asBoolean(false),
                optionalText(root.path("metadata"), "user_id"), thinking(root.path("thinking")));
    }

    private static String text(JsonNode node, String field) throws InvalidRequest {
        JsonNode value = node.path(field);
        if (value.isMissingNode() || value.isNull()) {
            return "";
        }
        if (!value.isTextual()) {
            throw new InvalidRequest(field + ": must be a string");
        }
        return value.asText();
    }

    private static Optional<String> optionalText(JsonNode node, String field) {
        JsonNode value = node.path(field);
        return value.isTextual() ? Optional.of(value.asText()) : Optional.empty();
    }

    private static OptionalDouble number(JsonNode root, String field, double min, double max) throws InvalidRequest {
        JsonNode value = root.path(field);
        if (value.isMissingNode() || value.isNull()) {
            return OptionalDouble.empty();
        }
        if (!value.isNumber() || value.asDouble() < min || value.asDouble() > max) {
            throw new InvalidRequest(field + ": must be a number from " + fmt(min) + " to " + fmt(max));
        }
        return OptionalDouble.of(value.asDouble());
    }

    private static String fmt(double d) {
        return d == Math.rint(d) ? Long.toString((long) d) : Double.toString(d);
    }

    private static OptionalInt topK(JsonNode root) throws InvalidRequest {
        JsonNode value = root.path("top_k");
        if (value.isMissingNode() || value.isNull()) {
            return OptionalInt.empty();
        }
        if (!value.isIntegralNumber() || value.asLong() < 0 || value.asLong() > Integer.MAX_VALUE) {
            throw new InvalidRequest("top_k: must be an integer greater than or equal to 0");
        }
        return OptionalInt.of(value.asInt());
    }

    private static List<String> stops(JsonNode root) throws InvalidRequest {
        JsonNode value = root.path("stop_sequences");
        if (value.isMissingNode() || value.isNull()) {
            return List.of();
        }
        if (!value.isArray()) {
            throw new InvalidRequest("stop_sequences: must be an array of strings");
        }
        List<String> out = new ArrayList<>();
        for (JsonNode s : value) {
            if (!s.isTextual()) {
                throw new InvalidRequest("stop_sequences: must be an array of strings");
            }
            out.add(s.asText());
        }
        return out;
    }

    private static OptionalInt thinking(JsonNode node) throws InvalidRequest {
        if (!node.isObject() || !"enabled".equals(node.path("type").asText())) {
            return OptionalInt.empty();
        }
        JsonNode budget = node.path("budget_tokens");
        if (!budget.isMissingNode() && !budget.isIntegralNumber()) {
            throw new InvalidRequest("thinking.budget_tokens: must be an integer");
        }
        return OptionalInt.of(budget.asInt(1024));
    }

    private static List<Part> system(JsonNode node) throws InvalidRequest {
        if (node.isMissingNode() || node.isNull()) {
            return List.of();
        }
        if (node.isTextual()) {
            return node.asText().isEmpty() ? List.of() : List.of(new TextPart(node.asText()));
        }
        if (!node.isArray()) {
            throw new InvalidRequest("system: must be a string or an array of text blocks");
        }
        List<Part> parts = new ArrayList<>();
        for (JsonNode block : node) {
            // cache_control and citations on system blocks are Anthropic-only hints: the text is what matters.
            if (block.isTextual()) {
                parts.add(new TextPart(block.asText()));
            } else if ("text".equals(block.path("type").asText())) {
                parts.add(new TextPart(block.path("text").asText()));
            }
        }
        return parts;
    }

    private static Message message(JsonNode node, String where) throws InvalidRequest {
        if (!node.isObject()) {
            throw new InvalidRequest(where + ": must be an object");
        }
        String roleName = node.path("role").asText("");
        Role role;
        if (roleName.equals("user")) {
            role = Role.USER;
        } else if (roleName.equals("assistant")) {
            role = Role.ASSISTANT;
        } else {
            throw new InvalidRequest(where + ".role: must be \"user\" or \"assistant\"");
        }
        return new Message(role, content(node.path("content"), where + ".content"));
    }

    private static List<Part> content(JsonNode node, String where) throws InvalidRequest {
        if (node.isTextual()) {
            return List.of(new TextPart(node.asText()));
        }
        if (node.isMissingNode() || node.isNull()) {
            throw new InvalidRequest(where + ": Field required");
        }
        if (!node.isArray()) {
            throw new InvalidRequest(where + ": must be a string or an array of content blocks");
        }
        List<Part> parts = new ArrayList<>();
        for (int i = 0; i < node.size(); i++) {
            block(node.get(i), where + "." + i).ifPresent(parts::add);
        }
        return parts;
    }

    private static Optional<Part> block(JsonNode block, String where) throws InvalidRequest {
        String type = block.path("type").asText("");
        switch (type) {
            case "text":
                return Optional.of(new TextPart(block.path("text").asText("")));
            case "image":
                return Optional.of(image(block.path("source"), where));
            case "tool_use":
                return Optional.of(new ToolUsePart(block.path("id").asText(""), block.path("name").asText(""),
                        block.path("input").isObject() ? block.path("input").toString() : "{}"));
            case "tool_result":
                JsonNode content = block.path("content");
                List<Part> nested = content.isMissingNode() || content.isNull() ? List.of() : content(content, where + ".content");
                return Optional.of(new ToolResultPart(block.path("tool_use_id").asText(""), nested,
                        block.path("is_error").asBoolean(false)));
            case "thinking":
                return Optional.of(new ThinkingPart(block.path("thinking").asText(""), block.path("signature").asText("")));
            default:
                // redacted_thinking, documents, server tool results...: nothing an OpenAI back end could use.
                return Optional.empty();
        }
    }

    private static ImagePart image(JsonNode source, String where) throws InvalidRequest {
        String type = source.path("type").asText("");
        if (type.equals("base64") && source.path("data").isTextual()) {
            return ImagePart.inline(source.path("media_type").asText("image/png"), source.path("data").asText());
        }
        if (type.equals("url") && source.path("url").isTextual()) {
            return ImagePart.at(source.path("url").asText());
        }
        throw new InvalidRequest(where + ".source: an image needs a base64 source with data or a url source");
    }

    private static List<ToolDefinition> tools(JsonNode node) throws InvalidRequest {
        if (node.isMissingNode() || node.isNull()) {
            return List.of();
        }
        if (!node.isArray()) {
            throw new InvalidRequest("tools: must be an array");
        }
        List<ToolDefinition> tools = new ArrayList<>();
        for (int i = 0; i < node.size(); i++) {
            JsonNode tool = node.get(i);
            // Server tools (web_search, bash, text_editor...) have a type and no schema: a local model cannot run
            // Anthropic's servers' tools, so they are left out rather than refused.
            if (!tool.path("input_schema").isObject()) {
                continue;
            }
            String name = tool.path("name").asText("");
            if (name.isEmpty()) {
                throw new InvalidRequest("tools." + i + ".name: Field required");
            }
            tools.add(new ToolDefinition(name, tool.path("description").asText(""), tool.path("input_schema").toString()));
        }
        return tools;
    }

    private static Optional<ToolChoice> toolChoice(JsonNode node) throws InvalidRequest {
        if (!node.isObject()) {
            return Optional.empty();
        }
        boolean parallel = !node.path("disable_parallel_tool_use").asBoolean(false);
        switch (node.path("type").asText("")) {
            case "auto":
                return Optional.of(new ToolChoice(ToolChoice.Mode.AUTO, Optional.empty(), parallel));
            case "any":
                return Optional.of(new ToolChoice(ToolChoice.Mode.ANY, Optional.empty(), parallel));
            case "none":
                return Optional.of(new ToolChoice(ToolChoice.Mode.NONE, Optional.empty(), parallel));
            case "tool":
                if (!node.path("name").isTextual()) {
                    throw new InvalidRequest("tool_choice.name: Field required for type tool");
                }
                return Optional.of(new ToolChoice(ToolChoice.Mode.TOOL, Optional.of(node.path("name").asText()), parallel));
            default:
                throw new InvalidRequest("tool_choice.type: must be one of auto, any, none, tool");
        }
    }
}
