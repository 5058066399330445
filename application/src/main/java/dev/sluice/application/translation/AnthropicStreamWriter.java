package dev.sluice.application.translation;

import dev.sluice.application.translation.AnthropicEvent.BlockDelta;
import dev.sluice.application.translation.AnthropicEvent.BlockKind;
import dev.sluice.application.translation.AnthropicEvent.BlockStart;
import dev.sluice.application.translation.AnthropicEvent.BlockStop;
import dev.sluice.application.translation.AnthropicEvent.DeltaKind;
import dev.sluice.domain.conversation.ReplyDelta;
import dev.sluice.domain.conversation.StopReason;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Turns a dialect-neutral delta stream into Anthropic's event sequence: {@code message_start} and one
 * {@code ping} before the first content, content blocks numbered from 0 in the order they open (a thinking block,
 * text, one block per parallel tool call), each closed before the next opens, then {@code message_delta} with the
 * stop reason and usage and {@code message_stop}. Usage the back end did not count is estimated, four characters
 * a token. Every event is returned as soon as the delta that causes it arrives.
 */
public final class AnthropicStreamWriter implements ReplyStream<AnthropicEvent> {

    private final String fallbackId;
    private final String model;
    private final long estimatedInputTokens;

    private boolean started;
    private boolean stopped;
    private int nextIndex;
    private int openIndex = -1;
    private BlockKind openKind;
    private final Map<Integer, Integer> toolBlocks = new HashMap<>();
    private int toolCalls;
    private StopReason stopReason;
    private boolean done;
    private long countedInput = -1;
    private long countedOutput = -1;
    private long emittedChars;

    /**
     * @param fallbackId           message id when the back end gives none
     * @param model                the model the client asked for, which the answer names
     * @param estimatedInputTokens the prompt's local estimate, sent in {@code message_start}
     */
    public AnthropicStreamWriter(String fallbackId, String model, long estimatedInputTokens) {
        this.fallbackId = fallbackId;
        this.model = model;
        this.estimatedInputTokens = estimatedInputTokens;
    }

    @Override
    public List<AnthropicEvent> on(ReplyDelta delta) {
        List<AnthropicEvent> out = new ArrayList<>(3);
        if (stopped) {
            return out;
        }
        if (delta instanceof ReplyDelta.Opened opened) {
            start(out, opened.id());
        } else if (delta instanceof ReplyDelta.Text text) {
            content(out, BlockKind.TEXT, DeltaKind.TEXT_DELTA, text.text());
        } else if (delta instanceof ReplyDelta.Thinking thinking) {
            content(out, BlockKind.THINKING, DeltaKind.THINKING_DELTA, thinking.text());
        } else if (delta instanceof ReplyDelta.ToolCall call) {
            toolCall(out, call);
        } else if (delta instanceof ReplyDelta.Finished finished) {
            stopReason = finished.reason();
        } else if (delta instanceof ReplyDelta.Counted counted) {
            countedInput = counted.usage().inputTokens();
            countedOutput = counted.usage().outputTokens();
        } else if (delta instanceof ReplyDelta.Done) {
            done = true;
        } else if (delta instanceof ReplyDelta.Failed failed) {
            start(out, fallbackId);
            out.add(new AnthropicEvent.StreamError("api_error", failed.message()));
            stopped = true;
        }
        return out;
    }

    @Override
    public List<AnthropicEvent> end() {
        List<AnthropicEvent> out = new ArrayList<>(4);
        if (stopped) {
            return out;
        }
        stopped = true;
        start(out, fallbackId);
        if (stopReason == null && !done) {
            // The back end hung up without saying it had finished: the answer may be cut, and the client must know.
            out.add(new AnthropicEvent.StreamError("api_error", "the backend's stream ended before the answer was complete"));
            return out;
        }
        closeOpen(out);
        StopReason reason = stopReason == null ? StopReason.END_TURN : stopReason;
        if (toolCalls > 0 && reason == StopReason.END_TURN) {
            reason = StopReason.TOOL_USE;
        }
        long output = countedOutput >= 0 ? countedOutput : (emittedChars + 3) / 4;
        out.add(new AnthropicEvent.MessageDelta(reason, output,
                countedInput >= 0 ? Optional.of(countedInput) : Optional.empty()));
        out.add(new AnthropicEvent.MessageStop());
        return out;
    }

    private void start(List<AnthropicEvent> out, String id) {
        if (!started) {
            started = true;
            out.add(new AnthropicEvent.MessageStart(id.isEmpty() ? fallbackId : id, model, estimatedInputTokens));
            out.add(new AnthropicEvent.Ping());
        }
    }

    private void content(List<AnthropicEvent> out, BlockKind kind, DeltaKind deltaKind, String text) {
        if (text.isEmpty()) {
            return;
        }
        start(out, fallbackId);
        if (openKind != kind || openIndex < 0) {
            closeOpen(out);
            open(out, new BlockStart(nextIndex, kind, Optional.empty(), Optional.empty()));
        }
        emittedChars += text.length();
        out.add(new BlockDelta(openIndex, deltaKind, text));
    }

    private void toolCall(List<AnthropicEvent> out, ReplyDelta.ToolCall call) {
        start(out, fallbackId);
        Integer block = toolBlocks.get(call.index());
        if (block == null) {
            closeOpen(out);
            toolCalls++;
            block = nextIndex;
            toolBlocks.put(call.index(), block);
            String id = call.id().filter(s -> !s.isEmpty()).orElse(fallbackId.replace("msg_", "toolu_") + "_" + block);
            open(out, new BlockStart(block, BlockKind.TOOL_USE, Optional.of(id), Optional.of(call.name().orElse(""))));
        }
        if (!call.argumentsFragment().isEmpty()) {
            emittedChars += call.argumentsFragment().length();
            // Servers that interleave parallel calls send a fragment for a block already closed; Anthropic clients
            // place deltas by index, so it still lands in the right call.
            out.add(new BlockDelta(block, DeltaKind.INPUT_JSON_DELTA, call.argumentsFragment()));
        }
    }

    private void open(List<AnthropicEvent> out, BlockStart start) {
        out.add(start);
        openIndex = start.index();
        openKind = start.kind();
        nextIndex++;
    }

    private void closeOpen(List<AnthropicEvent> out) {
        if (openIndex >= 0) {
            out.add(new BlockStop(openIndex));
            openIndex = -1;
            openKind = null;
        }
    }
}
