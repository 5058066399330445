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
import java.util.ArrayList;
import java.util.List;

/**
 * Anthropic's Messages API as the back-end dialect, for the hosted Anthropic API reached from another front end
 * (OpenAI chat completions, Ollama). Anthropic is stricter than OpenAI servers, and the encoder absorbs the
 * difference: {@code max_tokens} is required (a default per model family when the client set none), roles must
 * alternate (consecutive turns of one role are merged), empty text blocks are refused (left out), temperature
 * stops at 1, and extended thinking forbids temperature and top_k and needs {@code max_tokens} above its budget.
 */
public final class AnthropicMessagesBackend implements BackendDialect {

    /** Output cap when the client set none: what every Claude 3 model accepts, and newer ones double. */
    static final int DEFAULT_MAX_TOKENS = 8192;
    private static final int CLAUDE_3_MAX_TOKENS = 4096;

    private final ObjectMapper json;

    public AnthropicMessagesBackend(ObjectMapper json) {
        this.json = json;
    }

    @Override
    public String path() {
        return "/v1/messages";
    }

    @Override
    public byte[] request(Conversation c, Profile profile) {
        ObjectNode body = json.createObjectNode().put("model", c.model());
        int maxTokens = c.sampling().maxTokens() > 0 ? c.sampling().maxTokens() : defaultMaxTokens(c.model());
        if (c.thinkingBudget().isPresent() && maxTokens <= c.thinkingBudget().getAsInt()) {
            maxTokens = c.thinkingBudget().getAsInt() + defaultMaxTokens(c.model());
        }
        body.put("max_tokens", maxTokens);
        String system = joinedText(c.system());
        if (!system.isEmpty()) {
            body.put("system", system);
        }
        messages(body.putArray("messages"), c.messages());
        boolean thinking = c.thinkingBudget().isPresent();
        if (!thinking) {
            c.sampling().temperature().ifPresent(t -> body.put("temperature", Math.min(1.0, t)));
            c.sampling().topK().ifPresent(k -> body.put("top_k", k));
        }
        c.sampling().topP().ifPresent(p -> body.put("top_p", thinking ? Math.max(0.95, p) : p));
        if (!c.sampling().stopSequences().isEmpty()) {
            ArrayNode stops = body.putArray("stop_sequences");
            c.sampling().stopSequences().forEach(stops::add);
        }
        if (!c.tools().isEmpty()) {
            ArrayNode tools = body.putArray("tools");
            for (ToolDefinition tool : c.tools()) {
                ObjectNode t = tools.addObject().put("name", tool.name());
                if (!tool.description().isEmpty()) {
                    t.put("description", tool.description());
                }
                t.set("input_schema", schema(tool.inputSchemaJson()));
            }
            c.toolChoice().ifPresent(choice -> toolChoice(body, choice));
        }
        c.thinkingBudget().ifPresent(budget -> body.putObject("thinking").put("type", "enabled")
                .put("budget_tokens", Math.max(1024, budget)));
        c.user().ifPresent(user -> body.putObject("metadata").put("user_id", user));
        if (c.stream()) {
            body.put("stream", true);
        }
        return bytes(body);
    }

    static int defaultMaxTokens(String model) {
        boolean claude3 = model.startsWith("claude-3-haiku") || model.startsWith("claude-3-opus")
                || model.startsWith("claude-3-sonnet");
        return claude3 ? CLAUDE_3_MAX_TOKENS : DEFAULT_MAX_TOKENS;
    }

    private static void toolChoice(ObjectNode body, ToolChoice choice) {
        ObjectNode out = body.putObject("tool_choice");
        switch (choice.mode()) {
            case ANY:
                out.put("type", "any");
                break;
            case NONE:
                out.put("type", "none");
                return;
            case TOOL:
                out.put("type", "tool").put("name", choice.toolName().orElseThrow());
                break;
            default:
                out.put("type", "auto");
                break;
        }
        if (!choice.parallel()) {
            out.put("disable_parallel_tool_use", true);
        }
    }

    // Anthropic wants user and assistant turns to alternate; OpenAI allows several in a row (tool results each in
    // their own message, then the user's text), so turns of one role are merged into one.
    private void messages(ArrayNode out, List<Message> messages) {
        ObjectNode current = null;
        Role currentRole = null;
        for (Message message : messages) {
            List<ObjectNode> blocks = new ArrayList<>();
            for (Part part : message.parts()) {
                block(part).ifPresent(blocks::add);
            }
            if (blocks.isEmpty()) {
                continue;
            }
            if (current == null || currentRole != message.role()) {
                current = out.addObject().put("role", message.role() == Role.USER ? "user" : "assistant");
                current.putArray("content");
                currentRole = message.role();
            }
            ArrayNode content = (ArrayNode) current.get("content");
            blocks.forEach(content::add);
        }
    }

    private java.util.Optional<ObjectNode> block(Part part) {
        ObjectNode block = json.createObjectNode();
        if (part instanceof TextPart t) {
            if (t.text().isEmpty()) {
                return java.util.Optional.empty();
            }
            block.put("type", "text").put("text", t.text());
        } else if (part instanceof ImagePart image) {
            image(block, image);
        } else if (part instanceof ToolUsePart use) {
            block.put("type", "tool_use").put("id", use.id()).put("name", use.name())
                    .set("input", schema(use.inputJson()));
        } else if (part instanceof ToolResultPart result) {
            block.put("type", "tool_result").put("tool_use_id", result.toolUseId());
            ArrayNode content = block.putArray("content");
            for (Part nested : result.content()) {
                if (nested instanceof TextPart t && !t.text().isEmpty()) {
                    content.addObject().put("type", "text").put("text", t.text());
                } else if (nested instanceof ImagePart image) {
                    image(content.addObject(), image);
                }
            }
            if (result.error()) {
                block.put("is_error", true);
            }
        } else if (part instanceof ThinkingPart thinking) {
            // Anthropic verifies a thinking block by its signature: one from another server has none, and is dropped.
            if (thinking.signature().isEmpty()) {
                return java.util.Optional.empty();
            }
            block.put("type", "thinking").put("thinking", thinking.text()).put("signature", thinking.signature());
        }
        return java.util.Optional.of(block);
    }

    private static void image(ObjectNode block, ImagePart image) {
        ObjectNode source = block.put("type", "image").putObject("source");
        if (image.base64Data().isPresent()) {
            source.put("type", "base64").put("media_type", image.mediaType()).put("data", image.base64Data().get());
        } else {
            source.put("type", "url").put("url", image.url().orElseThrow());
        }
    }

    private static String joinedText(List<Part> parts) {
        StringBuilder text = new StringBuilder();
        for (Part part : parts) {
            if (part instanceof TextPart t && !t.text().isEmpty()) {
                if (text.length() > 0) {
                    text.append("\n\n");
                }
                text.append(t.text());
            }
        }
        return text.toString();
    }

    @Override
    public Reply reply(byte[] body, String fallbackId) throws InvalidRequest {
        JsonNode root = DialectJson.answer(json, body);
        if (root == null || !root.path("content").isArray()) {
            throw new InvalidRequest("the backend's answer has no content");
        }
        List<Part> content = new ArrayList<>();
        for (JsonNode block : root.path("content")) {
            switch (block.path("type").asText("")) {
                case "text":
                    content.add(new TextPart(block.path("text").asText("")));
                    break;
                case "thinking":
                    content.add(new ThinkingPart(block.path("thinking").asText(""), block.path("signature").asText("")));
                    break;
                case "tool_use":
                    content.add(new ToolUsePart(block.path("id").asText(""), block.path("name").asText(""),
                            block.path("input").isObject() ? block.path("input").toString() : "{}"));
                    break;
                default:
                    // redacted_thinking, server tool blocks: nothing another dialect can carry.
                    break;
            }
        }
        String id = root.path("id").asText("");
        return new Reply(id.isEmpty() ? fallbackId : id, root.path("model").asText(""), content,
                StopReason.fromAnthropic(root.path("stop_reason").asText(null)), usage(root.path("usage")));
    }

    /** Input tokens include the prompt cache's reads and writes: the caller's dialects count them as prompt. */
    static Usage usage(JsonNode usage) {
        return new Usage(usage.path("input_tokens").asLong(0) + usage.path("cache_read_input_tokens").asLong(0)
                + usage.path("cache_creation_input_tokens").asLong(0), usage.path("output_tokens").asLong(0));
    }

    @Override
    public StreamDecoder streamDecoder() {
        return new AnthropicStreamDecoder(json);
    }

    @Override
    public String errorMessage(byte[] body) {
        return ProviderErrors.message(json, body);
    }

    private JsonNode schema(String text) {
        return DialectJson.objectOrEmpty(json, text);
    }

    private byte[] bytes(JsonNode node) {
        return DialectJson.write(json, node);
    }
}
