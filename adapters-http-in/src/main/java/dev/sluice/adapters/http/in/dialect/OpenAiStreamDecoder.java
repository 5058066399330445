package dev.sluice.adapters.http.in.dialect;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sluice.domain.conversation.ReplyDelta;
import dev.sluice.domain.conversation.StopReason;
import dev.sluice.domain.conversation.Usage;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads OpenAI chat-completion chunks ({@code data: {...}} lines, {@code data: [DONE]}) into neutral deltas.
 * Reasoning comes as {@code reasoning_content} (vLLM, DeepSeek, llama.cpp) or {@code reasoning} (Ollama, newer
 * servers); an in-band {@code {"error":...}} chunk (vLLM on a generation failure) becomes a failure.
 */
final class OpenAiStreamDecoder implements BackendDialect.StreamDecoder {

    private final ObjectMapper json;
    private boolean opened;
    private boolean calledTools;

    OpenAiStreamDecoder(ObjectMapper json) {
        this.json = json;
    }

    @Override
    public List<ReplyDelta> line(String line) {
        java.util.Optional<String> payload = SseLines.data(line);
        if (payload.isEmpty()) {
            return List.of();
        }
        String data = payload.get();
        if (data.equals("[DONE]")) {
            return List.of(new ReplyDelta.Done());
        }
        JsonNode chunk;
        try {
            chunk = json.readTree(data);
        } catch (IOException e) {
            return List.of(new ReplyDelta.Failed("the backend sent an unreadable stream event"));
        }
        List<ReplyDelta> out = new ArrayList<>(2);
        if (chunk.has("error")) {
            JsonNode error = chunk.path("error");
            out.add(new ReplyDelta.Failed(error.isTextual() ? error.asText() : error.path("message").asText("backend error")));
            return out;
        }
        if (!opened && chunk.path("id").isTextual()) {
            opened = true;
            String id = chunk.path("id").asText().replaceAll("[^A-Za-z0-9_-]", "");
            out.add(new ReplyDelta.Opened(id.isEmpty() ? "" : "msg_" + id, chunk.path("model").asText("")));
        }
        JsonNode choice = chunk.path("choices").path(0);
        JsonNode delta = choice.path("delta");
        text(delta, "reasoning_content").or(() -> text(delta, "reasoning"))
                .ifPresent(t -> out.add(new ReplyDelta.Thinking(t)));
        text(delta, "content").ifPresent(t -> out.add(new ReplyDelta.Text(t)));
        for (JsonNode call : delta.path("tool_calls")) {
            calledTools = true;
            JsonNode function = call.path("function");
            out.add(new ReplyDelta.ToolCall(call.path("index").asInt(0), text(call, "id"), text(function, "name"),
                    function.path("arguments").isTextual() ? function.path("arguments").asText() : ""));
        }
        JsonNode finish = choice.path("finish_reason");
        if (finish.isTextual()) {
            out.add(new ReplyDelta.Finished(StopReason.fromOpenAi(finish.asText(), calledTools)));
        }
        JsonNode usage = chunk.path("usage");
        if (usage.isObject()) {
            out.add(new ReplyDelta.Counted(new Usage(usage.path("prompt_tokens").asLong(0),
                    usage.path("completion_tokens").asLong(0))));
        }
        return out;
    }

    private static Optional<String> text(JsonNode node, String field) {
        JsonNode value = node.path(field);
        return value.isTextual() && !value.asText().isEmpty() ? Optional.of(value.asText()) : Optional.empty();
    }
}
