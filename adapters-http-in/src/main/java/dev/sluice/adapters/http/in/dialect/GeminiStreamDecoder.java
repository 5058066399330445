package dev.sluice.adapters.http.in.dialect;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sluice.domain.conversation.ReplyDelta;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads Gemini's {@code streamGenerateContent?alt=sse} stream: each {@code data:} line is a whole
 * {@code GenerateContentResponse} carrying the next parts. Text parts marked {@code thought} are reasoning; a
 * {@code functionCall} arrives whole, so it becomes one tool-call delta with all its arguments. The chunk with a
 * {@code finishReason} ends the answer and carries the final {@code usageMetadata}; Gemini sends no end marker.
 */
final class GeminiStreamDecoder implements BackendDialect.StreamDecoder {

    private final ObjectMapper json;
    private boolean opened;
    private int calls;

    GeminiStreamDecoder(ObjectMapper json) {
        this.json = json;
    }

    @Override
    public List<ReplyDelta> line(String line) {
        java.util.Optional<String> payload = SseLines.data(line);
        if (payload.isEmpty()) {
            return List.of();
        }
        String data = payload.get();
        JsonNode chunk;
        try {
            chunk = json.readTree(data);
        } catch (IOException e) {
            return List.of(new ReplyDelta.Failed("the backend sent an unreadable stream event"));
        }
        if (chunk.has("error")) {
            return List.of(new ReplyDelta.Failed(chunk.path("error").path("message").asText("backend error")));
        }
        List<ReplyDelta> out = new ArrayList<>(3);
        if (!opened) {
            opened = true;
            out.add(new ReplyDelta.Opened(chunk.path("responseId").asText(""), chunk.path("modelVersion").asText("")));
        }
        JsonNode candidate = chunk.path("candidates").path(0);
        for (JsonNode part : candidate.path("content").path("parts")) {
            if (part.has("functionCall")) {
                JsonNode call = part.path("functionCall");
                int index = calls++;
                out.add(new ReplyDelta.ToolCall(index, Optional.of(call.path("id").asText("call_" + index)),
                        Optional.of(call.path("name").asText("")),
                        call.path("args").isObject() ? call.path("args").toString() : "{}"));
            } else if (part.path("text").isTextual() && !part.path("text").asText().isEmpty()) {
                String text = part.path("text").asText();
                out.add(part.path("thought").asBoolean(false) ? new ReplyDelta.Thinking(text) : new ReplyDelta.Text(text));
            }
        }
        if (candidate.path("finishReason").isTextual()) {
            out.add(new ReplyDelta.Finished(GeminiBackend.stopReason(candidate.path("finishReason").asText(), calls > 0)));
            out.add(new ReplyDelta.Counted(GeminiBackend.usage(chunk.path("usageMetadata"))));
            out.add(new ReplyDelta.Done());
        }
        return out;
    }
}
