package dev.sluice.domain.conversation;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** A whole (non-streamed) answer: what the assistant said, why it stopped and what it cost. */
public record Reply(String id, String model, List<Part> content, StopReason stopReason, Usage usage) {

    public Reply {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(model, "model");
        content = List.copyOf(content);
        Objects.requireNonNull(stopReason, "stopReason");
        Objects.requireNonNull(usage, "usage");
    }

    /**
     * The same answer as the deltas a stream of it would have carried, for a client that asked for a stream from a
     * back end that answered whole.
     */
    public List<ReplyDelta> asDeltas() {
        List<ReplyDelta> deltas = new ArrayList<>();
        deltas.add(new ReplyDelta.Opened(id, model));
        int calls = 0;
        for (Part part : content) {
            if (part instanceof ThinkingPart t) {
                deltas.add(new ReplyDelta.Thinking(t.text()));
            } else if (part instanceof TextPart t) {
                deltas.add(new ReplyDelta.Text(t.text()));
            } else if (part instanceof ToolUsePart t) {
                deltas.add(new ReplyDelta.ToolCall(calls++, Optional.of(t.id()), Optional.of(t.name()), t.inputJson()));
            }
        }
        deltas.add(new ReplyDelta.Finished(stopReason));
        deltas.add(new ReplyDelta.Counted(usage));
        deltas.add(new ReplyDelta.Done());
        return deltas;
    }
}
