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
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Amazon Bedrock's Converse API as the back-end dialect: {@code POST /model/{modelId}/converse}, or
 * {@code /converse-stream} for an AWS event stream. Turns are {@code messages} of content blocks ({@code text},
 * {@code image} with base64 {@code bytes} or an {@code s3Location}, {@code toolUse}, {@code toolResult},
 * {@code reasoningContent}); the system prompt is {@code system}; tools are {@code toolConfig.tools[].toolSpec}
 * with a JSON Schema {@code inputSchema.json}; sampling is {@code inferenceConfig}. What Converse has no field for
 * (Claude's {@code top_k} and thinking budget) goes in {@code additionalModelRequestFields} for Anthropic models.
 * The request is signed with SigV4 by the proxy, not here.
 */
public final class BedrockConverseBackend implements BackendDialect {

    private static final String EVENT_STREAM = "application/vnd.amazon.eventstream";
    private static final int MIN_THINKING_BUDGET = 1024;
    private static final int ANSWER_AFTER_THINKING = 4096;

    private final ObjectMapper json;

    public BedrockConverseBackend(ObjectMapper json) {
        this.json = json;
    }

    @Override
    public String path() {
        return "/model";
    }

    // A model id holds ':' (and an inference-profile ARN '/'): both are escaped in the path, as AWS's SDKs do.
    @Override
    public String path(Conversation conversation) {
        return "/model/" + URLEncoder.encode(conversation.model(), StandardCharsets.UTF_8).replace("+", "%20")
                + (conversation.stream() ? "/converse-stream" : "/converse");
    }

    @Override
    public boolean streams(String contentType) {
        return contentType != null && contentType.toLowerCase(Locale.ROOT).startsWith(EVENT_STREAM);
    }

    @Override
    public byte[] request(Conversation c, Profile profile) {
        ObjectNode body = json.createObjectNode();
        ArrayNode messages = body.putArray("messages");
        boolean toolBlocks = messages(messages, c.messages());
        if (!c.system().isEmpty()) {
            ArrayNode system = body.putArray("system");
            c.system().stream().filter(p -> p instanceof TextPart t && !t.text().isEmpty())
                    .forEach(p -> system.addObject().put("text", ((TextPart) p).text()));
            if (system.isEmpty()) {
                body.remove("system");
            }
        }
        boolean claude = c.model().contains("anthropic.");
        boolean thinking = claude && c.thinkingBudget().isPresent();
        int budget = thinking ? Math.max(MIN_THINKING_BUDGET, c.thinkingBudget().getAsInt()) : 0;
        ObjectNode inference = json.createObjectNode();
        // Claude must be allowed more output than its thinking budget, as on Anthropic's own API.
        int maxTokens = thinking && c.sampling().maxTokens() <= budget ? budget + ANSWER_AFTER_THINKING
                : c.sampling().maxTokens();
        if (maxTokens > 0) {
            inference.put("maxTokens", maxTokens);
        }
        if (!thinking) {
            c.sampling().temperature().ifPresent(t -> inference.put("temperature", claude ? Math.min(1.0, t) : t));
        }
        c.sampling().topP().ifPresent(p -> inference.put("topP", thinking ? Math.max(0.95, p) : p));
        if (!c.sampling().stopSequences().isEmpty()) {
            ArrayNode stops = inference.putArray("stopSequences");
            c.sampling().stopSequences().forEach(stops::add);
        }
        if (!inference.isEmpty()) {
            body.set("inferenceConfig", inference);
        }
        toolConfig(body, c, toolBlocks);
        ObjectNode extra = json.createObjectNode();
        if (claude && !thinking) {
            c.sampling().topK().ifPresent(k -> extra.put("top_k", k));
        }
        if (thinking) {
            extra.putObject("thinking").put("type", "enabled").put("budget_tokens", budget);
        }
        if (!extra.isEmpty()) {
            body.set("additionalModelRequestFields", extra);
        }
        return DialectJson.write(json, body);
    }

    // Converse wants user and assistant turns to alternate, like Anthropic: turns of one role are merged.
    private boolean messages(ArrayNode out, List<Message> messages) {
        ObjectNode current = null;
        Role currentRole = null;
        boolean toolBlocks = false;
        for (Message message : messages) {
            List<ObjectNode> blocks = new ArrayList<>();
            for (Part part : message.parts()) {
                block(part).ifPresent(blocks::add);
                toolBlocks |= part instanceof ToolUsePart || part instanceof ToolResultPart;
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
        return toolBlocks;
    }

    private Optional<ObjectNode> block(Part part) {
        ObjectNode block = json.createObjectNode();
        if (part instanceof TextPart t) {
            if (t.text().isEmpty()) {
                return Optional.empty();
            }
            block.put("text", t.text());
        } else if (part instanceof ImagePart image) {
            image(block, image);
        } else if (part instanceof ToolUsePart use) {
            ObjectNode toolUse = block.putObject("toolUse").put("toolUseId", use.id()).put("name", use.name());
            toolUse.set("input", DialectJson.objectOrEmpty(json, use.inputJson()));
        } else if (part instanceof ToolResultPart result) {
            ObjectNode toolResult = block.putObject("toolResult").put("toolUseId", result.toolUseId());
            ArrayNode content = toolResult.putArray("content");
            for (Part nested : result.content()) {
                if (nested instanceof TextPart t && !t.text().isEmpty()) {
                    content.addObject().put("text", t.text());
                } else if (nested instanceof ImagePart image) {
                    image(content.addObject(), image);
                }
            }
            if (content.isEmpty()) {
                // Converse requires content; an empty result is an empty text.
                content.addObject().put("text", "");
            }
            toolResult.put("status", result.error() ? "error" : "success");
        } else if (part instanceof ThinkingPart thinking) {
            // Claude on Bedrock verifies earlier reasoning by its signature: one from elsewhere has none, and is dropped.
            if (thinking.signature().isEmpty()) {
                return Optional.empty();
            }
            block.putObject("reasoningContent").putObject("reasoningText").put("text", thinking.text())
                    .put("signature", thinking.signature());
        } else {
            return Optional.empty();
        }
        return Optional.of(block);
    }

    // Converse takes an image's bytes (base64 in JSON) or an S3 object; it fetches no web URL.
    private static void image(ObjectNode block, ImagePart image) {
        if (image.base64Data().isPresent()) {
            block.putObject("image").put("format", format(image.mediaType())).putObject("source")
                    .put("bytes", image.base64Data().get());
            return;
        }
        String url = image.url().orElseThrow();
        if (url.startsWith("s3://")) {
            String path = url.toLowerCase(Locale.ROOT);
            String type = image.mediaType().isEmpty() ? "image/" + path.substring(path.lastIndexOf('.') + 1)
                    : image.mediaType();
            block.putObject("image").put("format", format(type)).putObject("source").putObject("s3Location")
                    .put("uri", url);
            return;
        }
        block.put("text", "[image " + url + " not sent: Bedrock accepts inline images and s3:// locations only]");
    }

    private static String format(String mediaType) {
        String subtype = mediaType.substring(mediaType.indexOf('/') + 1).toLowerCase(Locale.ROOT);
        return subtype.equals("jpg") ? "jpeg" : subtype;
    }

    // Converse has no "none": without tool blocks in the history the tools are left out, so none can be called;
    // with them Converse requires the tool list, and the model is left to choose.
    private void toolConfig(ObjectNode body, Conversation c, boolean toolBlocks) {
        boolean none = c.toolChoice().map(t -> t.mode() == ToolChoice.Mode.NONE).orElse(false);
        if (c.tools().isEmpty() || (none && !toolBlocks)) {
            return;
        }
        ObjectNode config = body.putObject("toolConfig");
        ArrayNode tools = config.putArray("tools");
        for (ToolDefinition tool : c.tools()) {
            ObjectNode spec = tools.addObject().putObject("toolSpec").put("name", tool.name());
            if (!tool.description().isEmpty()) {
                spec.put("description", tool.description());
            }
            spec.putObject("inputSchema").set("json", DialectJson.objectOrEmpty(json, tool.inputSchemaJson()));
        }
        c.toolChoice().ifPresent(choice -> {
            switch (choice.mode()) {
                case ANY:
                    config.putObject("toolChoice").putObject("any");
                    break;
                case TOOL:
                    config.putObject("toolChoice").putObject("tool").put("name", choice.toolName().orElseThrow());
                    break;
                case AUTO:
                    config.putObject("toolChoice").putObject("auto");
                    break;
                default:
                    break;
            }
        });
    }

    @Override
    public Reply reply(byte[] body, String fallbackId) throws InvalidRequest {
        JsonNode root = DialectJson.answer(json, body);
        if (root == null || !root.path("output").path("message").path("content").isArray()) {
            throw new InvalidRequest("the backend's answer has no output message");
        }
        List<Part> content = new ArrayList<>();
        boolean calls = false;
        for (JsonNode block : root.path("output").path("message").path("content")) {
            if (block.path("text").isTextual()) {
                content.add(new TextPart(block.path("text").asText()));
            } else if (block.path("toolUse").isObject()) {
                JsonNode use = block.path("toolUse");
                calls = true;
                content.add(new ToolUsePart(use.path("toolUseId").asText(""), use.path("name").asText(""),
                        use.path("input").isMissingNode() ? "{}" : use.path("input").toString()));
            } else if (block.path("reasoningContent").path("reasoningText").isObject()) {
                JsonNode reasoning = block.path("reasoningContent").path("reasoningText");
                content.add(new ThinkingPart(reasoning.path("text").asText(""), reasoning.path("signature").asText("")));
            }
        }
        return new Reply(fallbackId, "", content, stopReason(root.path("stopReason").asText(null), calls),
                usage(root.path("usage")));
    }

    /**
     * Converse's stopReason: Anthropic's names ({@code end_turn}, {@code tool_use}, {@code max_tokens},
     * {@code stop_sequence}); {@code guardrail_intervened} and {@code content_filtered} end the turn.
     */
    static StopReason stopReason(String stopReason, boolean calledTools) {
        StopReason reason = StopReason.fromAnthropic(stopReason);
        return reason == StopReason.END_TURN && calledTools && stopReason == null ? StopReason.TOOL_USE : reason;
    }

    /** Tokens read from or written to the prompt cache are input the caller pays for. */
    static Usage usage(JsonNode usage) {
        return new Usage(usage.path("inputTokens").asLong(0) + usage.path("cacheReadInputTokens").asLong(0)
                + usage.path("cacheWriteInputTokens").asLong(0), usage.path("outputTokens").asLong(0));
    }

    @Override
    public StreamReader streamReader() {
        return new BedrockStreamReader(json);
    }

    @Override
    public String errorMessage(byte[] body) {
        return ProviderErrors.message(json, body);
    }

    // "ThrottlingException:http://internal.amazon.com/coral/com.amazon.bedrock/": the name before the namespace.
    @Override
    public Optional<String> errorKind(java.util.function.UnaryOperator<String> header) {
        String type = header.apply("x-amzn-ErrorType");
        if (type == null || type.isBlank()) {
            return Optional.empty();
        }
        int colon = type.indexOf(':');
        return Optional.of(colon < 0 ? type.trim() : type.substring(0, colon).trim());
    }
}
