package dev.sluice.adapters.http.in.dialect;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sluice.domain.conversation.Conversation;
import dev.sluice.domain.conversation.ImagePart;
import dev.sluice.domain.conversation.Message;
import dev.sluice.domain.conversation.Part;
import dev.sluice.domain.conversation.Reply;
import dev.sluice.domain.conversation.Role;
import dev.sluice.domain.conversation.StopReason;
import dev.sluice.domain.conversation.TextPart;
import dev.sluice.domain.conversation.ThinkingPart;
import dev.sluice.domain.conversation.ToolChoice;
import dev.sluice.domain.conversation.ToolDefinition;
import dev.sluice.domain.conversation.ToolResultPart;
import dev.sluice.domain.conversation.ToolUsePart;
import dev.sluice.domain.conversation.Usage;
import dev.sluice.domain.profile.Profile;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Gemini's native API ({@code models/{model}:generateContent}, {@code :streamGenerateContent?alt=sse}) as the
 * back-end dialect. Roles are {@code user} and {@code model}; the system prompt is {@code systemInstruction};
 * tools are {@code functionDeclarations} (schemas as JSON Schema, {@code parametersJsonSchema}); a tool result is
 * a {@code functionResponse} that names its function, found from the call it answers; images are
 * {@code inlineData} or {@code fileData}; sampling is {@code generationConfig}; a thinking budget asks for
 * thoughts, which come back as parts marked {@code thought}.
 */
public final class GeminiBackend implements BackendDialect {

    private final ObjectMapper json;

    public GeminiBackend(ObjectMapper json) {
        this.json = json;
    }

    @Override
    public String path() {
        return "/v1beta/models";
    }

    @Override
    public String path(Conversation conversation) {
        String model = conversation.model().startsWith("models/") ? conversation.model().substring(7)
                : conversation.model();
        return "/v1beta/models/" + URLEncoder.encode(model, StandardCharsets.UTF_8)
                + (conversation.stream() ? ":streamGenerateContent" : ":generateContent");
    }

    @Override
    public Optional<String> query(Conversation conversation) {
        return conversation.stream() ? Optional.of("alt=sse") : Optional.empty();
    }

    @Override
    public byte[] request(Conversation c, Profile profile) {
        ObjectNode body = json.createObjectNode();
        Map<String, String> callNames = new HashMap<>();
        ArrayNode contents = body.putArray("contents");
        for (Message message : c.messages()) {
            ArrayNode parts = json.createArrayNode();
            for (Part part : message.parts()) {
                part(parts, part, callNames);
            }
            if (!parts.isEmpty()) {
                contents.addObject().put("role", message.role() == Role.USER ? "user" : "model").set("parts", parts);
            }
        }
        if (!c.system().isEmpty()) {
            ArrayNode system = body.putObject("systemInstruction").putArray("parts");
            c.system().stream().filter(p -> p instanceof TextPart).forEach(p -> system.addObject()
                    .put("text", ((TextPart) p).text()));
        }
        if (!c.tools().isEmpty()) {
            ArrayNode declarations = body.putArray("tools").addObject().putArray("functionDeclarations");
            for (ToolDefinition tool : c.tools()) {
                ObjectNode declaration = declarations.addObject().put("name", tool.name());
                if (!tool.description().isEmpty()) {
                    declaration.put("description", tool.description());
                }
                declaration.set("parametersJsonSchema", object(tool.inputSchemaJson()));
            }
            c.toolChoice().ifPresent(choice -> toolConfig(body, choice));
        }
        ObjectNode config = json.createObjectNode();
        c.sampling().temperature().ifPresent(t -> config.put("temperature", t));
        c.sampling().topP().ifPresent(p -> config.put("topP", p));
        c.sampling().topK().ifPresent(k -> config.put("topK", k));
        if (c.sampling().maxTokens() > 0) {
            config.put("maxOutputTokens", c.sampling().maxTokens());
        }
        if (!c.sampling().stopSequences().isEmpty()) {
            ArrayNode stops = config.putArray("stopSequences");
            c.sampling().stopSequences().forEach(stops::add);
        }
        c.thinkingBudget().ifPresent(budget -> config.putObject("thinkingConfig").put("thinkingBudget", budget)
                .put("includeThoughts", true));
        if (!config.isEmpty()) {
            body.set("generationConfig", config);
        }
        return bytes(body);
    }

    private void part(ArrayNode parts, Part part, Map<String, String> callNames) {
        if (part instanceof TextPart t) {
            if (!t.text().isEmpty()) {
                parts.addObject().put("text", t.text());
            }
        } else if (part instanceof ImagePart image) {
            image(parts.addObject(), image);
        } else if (part instanceof ToolUsePart use) {
            callNames.put(use.id(), use.name());
            ObjectNode call = parts.addObject().putObject("functionCall").put("name", use.name());
            call.set("args", object(use.inputJson()));
        } else if (part instanceof ToolResultPart result) {
            ObjectNode response = parts.addObject().putObject("functionResponse")
                    .put("name", callNames.getOrDefault(result.toolUseId(), result.toolUseId()))
                    .putObject("response");
            response.put(result.error() ? "error" : "content", result.text());
            result.content().stream().filter(p -> p instanceof ImagePart)
                    .forEach(p -> image(parts.addObject(), (ImagePart) p));
        }
        // Thinking from earlier turns is not sent back: Gemini keeps its own thought signatures.
    }

    private static void image(ObjectNode part, ImagePart image) {
        if (image.base64Data().isPresent()) {
            part.putObject("inlineData").put("mimeType", image.mediaType()).put("data", image.base64Data().get());
        } else {
            ObjectNode file = part.putObject("fileData");
            if (!image.mediaType().isEmpty()) {
                file.put("mimeType", image.mediaType());
            }
            file.put("fileUri", image.url().orElseThrow());
        }
    }

    private static void toolConfig(ObjectNode body, ToolChoice choice) {
        ObjectNode config = body.putObject("toolConfig").putObject("functionCallingConfig");
        switch (choice.mode()) {
            case ANY:
                config.put("mode", "ANY");
                break;
            case NONE:
                config.put("mode", "NONE");
                break;
            case TOOL:
                config.put("mode", "ANY").putArray("allowedFunctionNames").add(choice.toolName().orElseThrow());
                break;
            default:
                config.put("mode", "AUTO");
                break;
        }
    }

    @Override
    public Reply reply(byte[] body, String fallbackId) throws InvalidRequest {
        JsonNode root = DialectJson.answer(json, body);
        if (root == null || !root.path("candidates").isArray()) {
            throw new InvalidRequest("the backend's answer has no candidates");
        }
        List<Part> content = new ArrayList<>();
        int calls = 0;
        for (JsonNode part : root.path("candidates").path(0).path("content").path("parts")) {
            if (part.has("functionCall")) {
                JsonNode call = part.path("functionCall");
                content.add(new ToolUsePart(call.path("id").asText(fallbackId + "_call_" + calls++),
                        call.path("name").asText(""), call.path("args").isObject() ? call.path("args").toString() : "{}"));
            } else if (part.path("text").isTextual()) {
                content.add(part.path("thought").asBoolean(false) ? new ThinkingPart(part.path("text").asText(), "")
                        : new TextPart(part.path("text").asText()));
            }
        }
        String id = root.path("responseId").asText("");
        return new Reply(id.isEmpty() ? fallbackId : id, root.path("modelVersion").asText(""), content,
                stopReason(root.path("candidates").path(0).path("finishReason").asText(null), calls > 0),
                usage(root.path("usageMetadata")));
    }

    /** Gemini's finishReason; a turn that called functions says STOP, and is a tool use. */
    static StopReason stopReason(String finishReason, boolean calledTools) {
        if (calledTools) {
            return StopReason.TOOL_USE;
        }
        return "MAX_TOKENS".equals(finishReason) ? StopReason.MAX_TOKENS : StopReason.END_TURN;
    }

    /** Thoughts are output the caller pays for: they count with the candidates. */
    static Usage usage(JsonNode metadata) {
        return new Usage(metadata.path("promptTokenCount").asLong(0),
                metadata.path("candidatesTokenCount").asLong(0) + metadata.path("thoughtsTokenCount").asLong(0));
    }

    @Override
    public StreamDecoder streamDecoder() {
        return new GeminiStreamDecoder(json);
    }

    @Override
    public String errorMessage(byte[] body) {
        return ProviderErrors.message(json, body);
    }

    private JsonNode object(String text) {
        return DialectJson.objectOrEmpty(json, text);
    }

    private byte[] bytes(JsonNode node) {
        return DialectJson.write(json, node);
    }
}
