package dev.sluice.application.translation;

import dev.sluice.domain.conversation.ReplyDelta;
import dev.sluice.domain.conversation.StopReason;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.LongSupplier;

/**
 * Turns a dialect-neutral delta stream into Ollama's answer lines: one {@link OllamaChunk.Content} per piece of
 * text or reasoning as it arrives, tool calls as whole calls, then one {@link OllamaChunk.Final}. Text and reasoning
 * are never held back. Tool calls are: OpenAI streams a call's arguments in fragments of a JSON string, while Ollama
 * sends each call once with its arguments as an object, so a call goes out when it is complete (the back end says
 * it finished, or text follows). Counts the back end did not give are estimated at four characters a token;
 * Ollama's durations are measured here (prompt evaluation until the first piece of the answer, evaluation after).
 */
public final class OllamaStreamWriter implements ReplyStream<OllamaChunk> {

    private final long estimatedInputTokens;
    private final LongSupplier nanoTime;
    private final long startNanos;

    private final Map<Integer, PendingCall> calls = new TreeMap<>();
    private long firstContentNanos;
    private long emittedChars;
    private StopReason stopReason;
    private boolean done;
    private boolean stopped;
    private long countedInput = -1;
    private long countedOutput = -1;

    /**
     * @param estimatedInputTokens the prompt's local estimate, used when the back end counts nothing
     * @param nanoTime             a monotonic clock ({@code System::nanoTime}); tests pass their own
     * @param startNanos           when the request arrived, on that clock
     */
    public OllamaStreamWriter(long estimatedInputTokens, LongSupplier nanoTime, long startNanos) {
        this.estimatedInputTokens = estimatedInputTokens;
        this.nanoTime = nanoTime;
        this.startNanos = startNanos;
    }

    @Override
    public List<OllamaChunk> on(ReplyDelta delta) {
        List<OllamaChunk> out = new ArrayList<>(2);
        if (stopped) {
            return out;
        }
        if (delta instanceof ReplyDelta.Text text) {
            content(out, text.text(), "");
        } else if (delta instanceof ReplyDelta.Thinking thinking) {
            content(out, "", thinking.text());
        } else if (delta instanceof ReplyDelta.ToolCall call) {
            firstContent();
            PendingCall pending = calls.computeIfAbsent(call.index(), i -> new PendingCall());
            call.name().ifPresent(name -> pending.name = pending.name.isEmpty() ? name : pending.name);
            pending.arguments.append(call.argumentsFragment());
            emittedChars += call.argumentsFragment().length();
        } else if (delta instanceof ReplyDelta.Finished finished) {
            stopReason = finished.reason();
            flushCalls(out);
        } else if (delta instanceof ReplyDelta.Counted counted) {
            countedInput = counted.usage().inputTokens();
            countedOutput = counted.usage().outputTokens();
        } else if (delta instanceof ReplyDelta.Done) {
            done = true;
            flushCalls(out);
        } else if (delta instanceof ReplyDelta.Failed failed) {
            out.add(new OllamaChunk.Error(failed.message()));
            stopped = true;
        }
        return out;
    }

    @Override
    public List<OllamaChunk> end() {
        List<OllamaChunk> out = new ArrayList<>(2);
        if (stopped) {
            return out;
        }
        stopped = true;
        if (stopReason == null && !done) {
            // The back end hung up without saying it had finished: the answer may be cut, and the client must know.
            out.add(new OllamaChunk.Error("the backend's stream ended before the answer was complete"));
            return out;
        }
        flushCalls(out);
        long now = nanoTime.getAsLong();
        long first = firstContentNanos == 0 ? now : firstContentNanos;
        long input = countedInput >= 0 ? countedInput : estimatedInputTokens;
        long output = countedOutput >= 0 ? countedOutput : (emittedChars + 3) / 4;
        String reason = stopReason == StopReason.MAX_TOKENS ? "length" : "stop";
        out.add(new OllamaChunk.Final(reason, now - startNanos, 0, input, first - startNanos, output, now - first));
        return out;
    }

    private void content(List<OllamaChunk> out, String text, String thinking) {
        if (text.isEmpty() && thinking.isEmpty()) {
            return;
        }
        firstContent();
        // Text after a call means the call is complete; send it first so the order the model chose is kept.
        flushCalls(out);
        emittedChars += text.length() + thinking.length();
        out.add(new OllamaChunk.Content(text, thinking, List.of()));
    }

    private void firstContent() {
        if (firstContentNanos == 0) {
            firstContentNanos = nanoTime.getAsLong();
        }
    }

    private void flushCalls(List<OllamaChunk> out) {
        if (calls.isEmpty()) {
            return;
        }
        List<OllamaChunk.ToolCall> complete = new ArrayList<>(calls.size());
        calls.forEach((index, call) -> complete.add(new OllamaChunk.ToolCall(index, call.name,
                call.arguments.length() == 0 ? "{}" : call.arguments.toString())));
        calls.clear();
        out.add(new OllamaChunk.Content("", "", complete));
    }

    /** A call whose arguments are still arriving. */
    private static final class PendingCall {
        private String name = "";
        private final StringBuilder arguments = new StringBuilder();
    }
}
