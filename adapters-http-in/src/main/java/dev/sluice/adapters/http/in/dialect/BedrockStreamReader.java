package dev.sluice.adapters.http.in.dialect;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sluice.domain.conversation.ReplyDelta;
import dev.sluice.domain.conversation.StopReason;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.eventstream.HeaderValue;
import software.amazon.eventstream.Message;

/**
 * Reads Bedrock's ConverseStream answer: AWS event-stream messages whose {@code :event-type} header names the
 * event and whose payload is its JSON. {@code messageStart} opens the answer; {@code contentBlockDelta} carries
 * text, reasoning or a tool call's input JSON in pieces (the call's id and name come first, in
 * {@code contentBlockStart}); {@code messageStop} gives the stop reason and {@code metadata}, last, the usage. A
 * message of {@code :message-type exception} (throttling, a model error mid-stream) fails the answer with its
 * message. A corrupt frame (a checksum that does not match) fails it too, and nothing after it is read: the stream
 * cannot be trusted past that point. Not thread-safe.
 */
final class BedrockStreamReader implements BackendDialect.StreamReader {

    private final ObjectMapper json;
    private final EventStreamFrames frames = new EventStreamFrames();
    private final Map<Integer, Integer> callByBlock = new HashMap<>();
    private boolean opened;
    private boolean over;
    private boolean usedTools;

    BedrockStreamReader(ObjectMapper json) {
        this.json = json;
    }

    @Override
    public List<ReplyDelta> feed(ByteBuffer input) {
        if (over) {
            input.position(input.limit());
            return List.of();
        }
        List<Message> messages = frames.feed(input);
        List<ReplyDelta> deltas = new ArrayList<>(messages.size() + 1);
        for (Message message : messages) {
            if (!over) {
                event(message, deltas);
            }
        }
        // The good messages before a corrupt one in the same read still count.
        if (!over && frames.corruption().isPresent()) {
            over = true;
            deltas.add(new ReplyDelta.Failed("Bedrock sent a corrupt event-stream frame: " + frames.corruption().get()));
        }
        return deltas;
    }

    @Override
    public List<ReplyDelta> end() {
        if (!over && frames.midMessage()) {
            over = true;
            return List.of(new ReplyDelta.Failed("Bedrock's event stream ended in the middle of a message"));
        }
        return List.of();
    }

    private void event(Message message, List<ReplyDelta> deltas) {
        String messageType = header(message, ":message-type").orElse("event");
        JsonNode payload;
        try {
            payload = message.getPayload().length == 0 ? json.createObjectNode() : json.readTree(message.getPayload());
        } catch (IOException e) {
            over = true;
            deltas.add(new ReplyDelta.Failed("Bedrock sent an unreadable stream event"));
            return;
        }
        if (!messageType.equals("event")) {
            // exception (a modelled error such as throttlingException) or error (an unmodelled one).
            over = true;
            String kind = header(message, ":exception-type").or(() -> header(message, ":error-code")).orElse("error");
            String text = payload.path("message").asText(header(message, ":error-message").orElse("no message"));
            deltas.add(new ReplyDelta.Failed(kind + ": " + text));
            return;
        }
        String type = header(message, ":event-type").orElse("");
        switch (type) {
            case "messageStart":
                open(deltas);
                break;
            case "contentBlockStart":
                open(deltas);
                JsonNode toolUse = payload.path("start").path("toolUse");
                if (toolUse.isObject()) {
                    int call = callByBlock.computeIfAbsent(payload.path("contentBlockIndex").asInt(), b -> callByBlock.size());
                    usedTools = true;
                    deltas.add(new ReplyDelta.ToolCall(call, Optional.of(toolUse.path("toolUseId").asText("")),
                            Optional.of(toolUse.path("name").asText("")), ""));
                }
                break;
            case "contentBlockDelta":
                open(deltas);
                delta(payload.path("contentBlockIndex").asInt(), payload.path("delta"), deltas);
                break;
            case "messageStop":
                deltas.add(new ReplyDelta.Finished(BedrockConverseBackend.stopReason(
                        payload.path("stopReason").asText(null), usedTools)));
                break;
            case "metadata":
                deltas.add(new ReplyDelta.Counted(BedrockConverseBackend.usage(payload.path("usage"))));
                deltas.add(new ReplyDelta.Done());
                over = true;
                break;
            default:
                // contentBlockStop, and events newer than this reader: nothing to say.
                break;
        }
    }

    private void delta(int block, JsonNode delta, List<ReplyDelta> deltas) {
        if (delta.path("text").isTextual()) {
            if (!delta.path("text").asText().isEmpty()) {
                deltas.add(new ReplyDelta.Text(delta.path("text").asText()));
            }
        } else if (delta.path("toolUse").isObject()) {
            Integer call = callByBlock.get(block);
            if (call == null) {
                // A call whose start we never saw still needs an index; its id and name are unknown.
                call = callByBlock.size();
                callByBlock.put(block, call);
                usedTools = true;
            }
            deltas.add(new ReplyDelta.ToolCall(call, Optional.empty(), Optional.empty(),
                    delta.path("toolUse").path("input").asText("")));
        } else if (delta.path("reasoningContent").path("text").isTextual()) {
            deltas.add(new ReplyDelta.Thinking(delta.path("reasoningContent").path("text").asText()));
        }
        // Reasoning signatures and redacted reasoning have no place in the other dialects' streams.
    }

    private void open(List<ReplyDelta> deltas) {
        if (!opened) {
            opened = true;
            // Bedrock names no message id in the stream: the front end's writer uses its own.
            deltas.add(new ReplyDelta.Opened("", ""));
        }
    }

    private static Optional<String> header(Message message, String name) {
        HeaderValue value = message.getHeaders().get(name);
        return value == null ? Optional.empty() : Optional.of(value.getString());
    }
}
