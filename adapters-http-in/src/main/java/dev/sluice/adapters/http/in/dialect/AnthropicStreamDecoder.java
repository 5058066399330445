package dev.sluice.adapters.http.in.dialect;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sluice.domain.conversation.ReplyDelta;
import dev.sluice.domain.conversation.StopReason;
import dev.sluice.domain.conversation.Usage;
import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads Anthropic's Messages event stream into neutral deltas, one {@code data:} line at a time (the {@code event:}
 * lines repeat the data's {@code type} and are skipped). Content blocks are numbered across kinds; tool calls are
 * renumbered among themselves, as the OpenAI and Ollama dialects count them. Input tokens arrive in
 * {@code message_start} and output tokens in {@code message_delta}: the count is reported once both are known.
 */
final class AnthropicStreamDecoder implements BackendDialect.StreamDecoder {

    private final ObjectMapper json;
    private final Map<Integer, Integer> toolIndexByBlock = new HashMap<>();
    private Usage usage = new Usage(0, 0);

    AnthropicStreamDecoder(ObjectMapper json) {
        this.json = json;
    }

    @Override
    public List<ReplyDelta> line(String line) {
        java.util.Optional<String> payload = SseLines.data(line);
        if (payload.isEmpty()) {
            return List.of();
        }
        String data = payload.get();
        JsonNode event;
        try {
            event = json.readTree(data);
        } catch (IOException e) {
            return List.of(new ReplyDelta.Failed("the backend sent an unreadable stream event"));
        }
        switch (event.path("type").asText("")) {
            case "message_start":
                JsonNode message = event.path("message");
                usage = AnthropicMessagesBackend.usage(message.path("usage"));
                return List.of(new ReplyDelta.Opened(message.path("id").asText(""), message.path("model").asText("")));
            case "content_block_start":
                return blockStart(event.path("index").asInt(0), event.path("content_block"));
            case "content_block_delta":
                return blockDelta(event.path("index").asInt(0), event.path("delta"));
            case "message_delta":
                JsonNode counted = event.path("usage");
                // Later API versions repeat the input count here; keep the first when they do not.
                usage = new Usage(counted.has("input_tokens") ? AnthropicMessagesBackend.usage(counted).inputTokens()
                        : usage.inputTokens(), counted.path("output_tokens").asLong(usage.outputTokens()));
                return List.of(new ReplyDelta.Finished(StopReason.fromAnthropic(
                        event.path("delta").path("stop_reason").asText(null))), new ReplyDelta.Counted(usage));
            case "message_stop":
                return List.of(new ReplyDelta.Done());
            case "error":
                return List.of(new ReplyDelta.Failed(event.path("error").path("message").asText("backend error")));
            default:
                // ping, content_block_stop, and event kinds added after this was written.
                return List.of();
        }
    }

    private List<ReplyDelta> blockStart(int index, JsonNode block) {
        String type = block.path("type").asText("");
        if (type.equals("tool_use")) {
            int call = toolIndexByBlock.size();
            toolIndexByBlock.put(index, call);
            return List.of(new ReplyDelta.ToolCall(call, Optional.of(block.path("id").asText("")),
                    Optional.of(block.path("name").asText("")), ""));
        }
        if (type.equals("text") && !block.path("text").asText("").isEmpty()) {
            return List.of(new ReplyDelta.Text(block.path("text").asText()));
        }
        return List.of();
    }

    private List<ReplyDelta> blockDelta(int index, JsonNode delta) {
        switch (delta.path("type").asText("")) {
            case "text_delta":
                return List.of(new ReplyDelta.Text(delta.path("text").asText("")));
            case "thinking_delta":
                return List.of(new ReplyDelta.Thinking(delta.path("thinking").asText("")));
            case "input_json_delta":
                Integer call = toolIndexByBlock.get(index);
                return call == null ? List.of() : List.of(new ReplyDelta.ToolCall(call, Optional.empty(),
                        Optional.empty(), delta.path("partial_json").asText("")));
            default:
                // signature_delta: only Anthropic can check a signature, and no other dialect carries one.
                return List.of();
        }
    }
}
