package dev.sluice.adapters.http.in.dialect;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sluice.domain.conversation.Conversation;
import dev.sluice.domain.conversation.ImagePart;
import dev.sluice.domain.conversation.Message;
import dev.sluice.domain.conversation.Part;
import dev.sluice.domain.conversation.Reply;
import dev.sluice.domain.conversation.ResponseFormat;
import dev.sluice.domain.conversation.Role;
import dev.sluice.domain.conversation.StopReason;
import dev.sluice.domain.conversation.TextPart;
import dev.sluice.domain.conversation.ToolChoice;
import dev.sluice.domain.conversation.ToolDefinition;
import dev.sluice.domain.conversation.ToolResultPart;
import dev.sluice.domain.conversation.ToolUsePart;
import dev.sluice.domain.conversation.ThinkingPart;
import dev.sluice.domain.conversation.Usage;
import dev.sluice.domain.profile.Profile;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * OpenAI chat completions as the back-end dialect. The mapping follows Olla's translator where it has one (system
 * first, tools as functions, tool_choice auto/any/none/tool → auto/required/none/function, stop_sequences → stop)
 * and goes further where it drops data: {@code top_k} reaches platforms that take it, a thinking budget becomes
 * {@code reasoning_effort}, and a failed tool result is marked as an error in its text.
 */
public final class OpenAiChatBackend implements BackendDialect {

    // OpenAI-compatible servers built on vLLM/llama.cpp/SGLang samplers accept top_k; OpenAI itself and proxies in
    // front of it (LiteLLM, the generic profile) reject unknown sampling fields.
    private static final Set<String> TAKES_TOP_K = Set.of("vllm", "vllm-mlx", "sglang", "llamacpp", "lmdeploy",
            "lm-studio", "ollama", "lemonade", "docker-model-runner", "omlx");

    private final ObjectMapper json;

    public OpenAiChatBackend(ObjectMapper json) {
        this.json = json;
    }

    @Override
    public String path() {
        return "/v1/chat/completions";
    }

    @Override
    public byte[] request(Conversation c, Profile profile) {
        ObjectNode body = json.createObjectNode().put("model", c.model());
        ArrayNode messages = body.putArray("messages");
        if (!c.system().isEmpty()) {
            messages.addObject().put("role", "system").put("content", joinedText(c.system()));
        }
        for (Message message : c.messages()) {
            if (message.role() == Role.ASSISTANT) {
                assistant(messages, message);
            } else {
                user(messages, message);
            }
        }
        if (c.sampling().maxTokens() > 0) {
            body.put("max_tokens", c.sampling().maxTokens());
        }
        c.sampling().temperature().ifPresent(t -> body.put("temperature", t));
        c.sampling().topP().ifPresent(p -> body.put("top_p", p));
        if (TAKES_TOP_K.contains(profile.name())) {
            c.sampling().topK().ifPresent(k -> body.put("top_k", k));
        }
        if (!c.sampling().stopSequences().isEmpty()) {
            ArrayNode stop = body.putArray("stop");
            c.sampling().stopSequences().forEach(stop::add);
        }
        if (!c.tools().isEmpty()) {
            ArrayNode tools = body.putArray("tools");
            for (ToolDefinition tool : c.tools()) {
                ObjectNode function = tools.addObject().put("type", "function").putObject("function");
                function.put("name", tool.name());
                if (!tool.description().isEmpty()) {
                    function.put("description", tool.description());
                }
                function.set("parameters", parse(tool.inputSchemaJson()));
            }
        }
        c.sampling().seed().ifPresent(seed -> body.put("seed", seed));
        responseFormat(body, c.format());
        c.toolChoice().ifPresent(choice -> toolChoice(body, choice, !c.tools().isEmpty()));
        c.thinkingBudget().ifPresent(budget -> body.put("reasoning_effort",
                budget < 4096 ? "low" : budget < 16384 ? "medium" : "high"));
        c.user().ifPresent(user -> body.put("user", user));
        if (c.stream()) {
            body.put("stream", true);
            // Without this most servers send no usage at all in a stream.
            body.putObject("stream_options").put("include_usage", true);
        }
        return bytes(body);
    }

    private void responseFormat(ObjectNode body, ResponseFormat format) {
        if (format.kind() == ResponseFormat.Kind.JSON_OBJECT) {
            body.putObject("response_format").put("type", "json_object");
        } else if (format.kind() == ResponseFormat.Kind.JSON_SCHEMA) {
            ObjectNode schema = body.putObject("response_format").put("type", "json_schema").putObject("json_schema");
            schema.put("name", "response");
            schema.set("schema", parse(format.schemaJson().orElseThrow()));
        }
    }

    private static void toolChoice(ObjectNode body, ToolChoice choice, boolean hasTools) {
        if (!hasTools) {
            return;
        }
        switch (choice.mode()) {
            case ANY:
                body.put("tool_choice", "required");
                break;
            case NONE:
                body.put("tool_choice", "none");
                break;
            case TOOL:
                body.putObject("tool_choice").put("type", "function").putObject("function")
                        .put("name", choice.toolName().orElseThrow());
                break;
            default:
                body.put("tool_choice", "auto");
                break;
        }
        if (!choice.parallel()) {
            body.put("parallel_tool_calls", false);
        }
    }

    private void assistant(ArrayNode messages, Message message) {
        ObjectNode out = messages.addObject().put("role", "assistant");
        String text = joinedText(message.parts());
        ArrayNode calls = null;
        for (Part part : message.parts()) {
            if (part instanceof ToolUsePart use) {
                if (calls == null) {
                    calls = out.putArray("tool_calls");
                }
                ObjectNode call = calls.addObject().put("id", use.id()).put("type", "function");
                call.putObject("function").put("name", use.name()).put("arguments", use.inputJson());
            }
            // Thinking from earlier turns is not sent back: OpenAI-style servers have no field for it.
        }
        if (text.isEmpty() && calls != null) {
            out.putNull("content");
        } else {
            out.put("content", text);
        }
    }

    private void user(ArrayNode messages, Message message) {
        // Tool results must directly follow the assistant's calls, as role "tool" messages; the rest of the turn
        // (text, images) follows as one user message.
        List<Part> rest = new ArrayList<>();
        for (Part part : message.parts()) {
            if (part instanceof ToolResultPart result) {
                String text = result.text();
                messages.addObject().put("role", "tool").put("tool_call_id", result.toolUseId())
                        .put("content", result.error() ? "Error: " + text : text);
                result.content().stream().filter(p -> p instanceof ImagePart).forEach(rest::add);
            } else if (!(part instanceof ThinkingPart)) {
                rest.add(part);
            }
        }
        if (rest.isEmpty()) {
            return;
        }
        ObjectNode out = messages.addObject().put("role", "user");
        if (rest.stream().allMatch(p -> p instanceof TextPart)) {
            out.put("content", joinedText(rest));
            return;
        }
        ArrayNode content = out.putArray("content");
        for (Part part : rest) {
            if (part instanceof TextPart text) {
                content.addObject().put("type", "text").put("text", text.text());
            } else if (part instanceof ImagePart image) {
                String url = image.url().orElseGet(() -> "data:" + image.mediaType() + ";base64,"
                        + image.base64Data().orElseThrow());
                content.addObject().put("type", "image_url").putObject("image_url").put("url", url);
            }
        }
    }

    private static String joinedText(List<Part> parts) {
        StringBuilder text = new StringBuilder();
        for (Part part : parts) {
            if (part instanceof TextPart t) {
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
        JsonNode choice = root == null ? null : root.path("choices").path(0);
        if (choice == null || choice.isMissingNode()) {
            throw new InvalidRequest("the backend's answer has no choices");
        }
        JsonNode message = choice.path("message");
        List<Part> content = new ArrayList<>();
        String reasoning = reasoning(message);
        if (!reasoning.isEmpty()) {
            content.add(new ThinkingPart(reasoning, ""));
        }
        String text = message.path("content").isTextual() ? message.path("content").asText() : "";
        if (!text.isEmpty()) {
            content.add(new TextPart(text));
        }
        int calls = 0;
        for (JsonNode call : message.path("tool_calls")) {
            calls++;
            JsonNode function = call.path("function");
            content.add(new ToolUsePart(call.path("id").asText(fallbackId + "_" + calls), function.path("name").asText(""),
                    objectOrEmpty(function.path("arguments").asText("{}"))));
        }
        StopReason stop = StopReason.fromOpenAi(choice.path("finish_reason").asText(null), calls > 0);
        JsonNode usage = root.path("usage");
        String id = root.path("id").asText("");
        return new Reply(id.isEmpty() ? fallbackId : "msg_" + id.replaceAll("[^A-Za-z0-9_-]", ""),
                root.path("model").asText(""), content, stop,
                new Usage(usage.path("prompt_tokens").asLong(0), usage.path("completion_tokens").asLong(0)));
    }

    private static String reasoning(JsonNode node) {
        // vLLM and DeepSeek say reasoning_content; Ollama's and newer servers' OpenAI APIs say reasoning.
        if (node.path("reasoning_content").isTextual()) {
            return node.path("reasoning_content").asText();
        }
        return node.path("reasoning").isTextual() ? node.path("reasoning").asText() : "";
    }

    private String objectOrEmpty(String arguments) {
        try {
            JsonNode parsed = json.readTree(arguments);
            return parsed != null && parsed.isObject() ? parsed.toString() : "{}";
        } catch (JsonProcessingException e) {
            return "{}";
        }
    }

    @Override
    public StreamDecoder streamDecoder() {
        return new OpenAiStreamDecoder(json);
    }

    @Override
    public String errorMessage(byte[] body) {
        try {
            JsonNode root = json.readTree(body);
            if (root != null) {
                JsonNode error = root.path("error");
                if (error.isTextual()) {
                    return error.asText();
                }
                if (error.path("message").isTextual()) {
                    return error.path("message").asText();
                }
                if (root.path("message").isTextual()) {
                    return root.path("message").asText();
                }
                if (root.path("detail").isTextual()) {
                    return root.path("detail").asText();
                }
            }
        } catch (IOException e) {
            // Not JSON: the text itself is the message.
        }
        String text = new String(body, StandardCharsets.UTF_8).trim();
        return text.isEmpty() ? "the backend answered with an error and no message" : text;
    }

    private JsonNode parse(String text) {
        try {
            JsonNode node = json.readTree(text);
            return node == null ? json.createObjectNode() : node;
        } catch (JsonProcessingException e) {
            return json.createObjectNode();
        }
    }

    private byte[] bytes(JsonNode node) {
        return DialectJson.write(json, node);
    }
}
