package dev.sluice.application.translation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.domain.conversation.ReplyDelta;
import dev.sluice.domain.conversation.StopReason;
import dev.sluice.domain.conversation.Usage;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class OllamaStreamWriterTest {

    private final AtomicLong clock = new AtomicLong(100);
    private final OllamaStreamWriter writer = new OllamaStreamWriter(9, () -> clock.addAndGet(10), 100);

    private List<OllamaChunk> feed(ReplyDelta... deltas) {
        List<OllamaChunk> out = new ArrayList<>();
        for (ReplyDelta delta : deltas) {
            out.addAll(writer.on(delta));
        }
        return out;
    }

    @Test
    void textAndThinking_goOutAtOnce_oneChunkPerDelta() {
        assertThat(writer.on(new ReplyDelta.Thinking("hm"))).containsExactly(new OllamaChunk.Content("", "hm", List.of()));
        assertThat(writer.on(new ReplyDelta.Text("Hi"))).containsExactly(new OllamaChunk.Content("Hi", "", List.of()));
        assertThat(writer.on(new ReplyDelta.Text(""))).isEmpty();
    }

    @Test
    void toolCallFragments_areJoined_andSentWholeWhenTheBackendFinishes() {
        assertThat(feed(new ReplyDelta.ToolCall(0, Optional.of("a"), Optional.of("f"), "{\"x\":"),
                new ReplyDelta.ToolCall(0, Optional.empty(), Optional.empty(), "1}"),
                new ReplyDelta.ToolCall(1, Optional.of("b"), Optional.of("g"), ""))).isEmpty();

        assertThat(writer.on(new ReplyDelta.Finished(StopReason.TOOL_USE))).containsExactly(new OllamaChunk.Content("",
                "", List.of(new OllamaChunk.ToolCall(0, "f", "{\"x\":1}"), new OllamaChunk.ToolCall(1, "g", "{}"))));
    }

    @Test
    void textAfterACall_sendsTheCallFirst_keepingTheModelsOrder() {
        feed(new ReplyDelta.ToolCall(0, Optional.of("a"), Optional.of("f"), "{}"));
        assertThat(writer.on(new ReplyDelta.Text("done"))).containsExactly(
                new OllamaChunk.Content("", "", List.of(new OllamaChunk.ToolCall(0, "f", "{}"))),
                new OllamaChunk.Content("done", "", List.of()));
    }

    @Test
    void finalChunk_usesTheBackendsCounts_andMeasuredDurations() {
        feed(new ReplyDelta.Text("Hello"), new ReplyDelta.Finished(StopReason.MAX_TOKENS),
                new ReplyDelta.Counted(new Usage(40, 2)), new ReplyDelta.Done());
        // First text read the clock at 110, the end at 120; the request arrived at 100.
        assertThat(writer.end()).containsExactly(new OllamaChunk.Final("length", 20, 0, 40, 10, 2, 10));
    }

    @Test
    void withoutCounts_tokensAreEstimatedAtFourCharactersEach() {
        feed(new ReplyDelta.Text("12345678"), new ReplyDelta.Finished(StopReason.END_TURN));
        OllamaChunk.Final last = (OllamaChunk.Final) writer.end().get(0);
        assertThat(last.promptEvalCount()).isEqualTo(9);
        assertThat(last.evalCount()).isEqualTo(2);
        assertThat(last.doneReason()).isEqualTo("stop");
    }

    @Test
    void streamThatStopsWithoutFinishing_endsInAnError_notADoneLine() {
        feed(new ReplyDelta.Text("Hel"));
        assertThat(writer.end()).singleElement().isInstanceOf(OllamaChunk.Error.class);
    }

    @Test
    void backendFailure_isOneErrorChunk_andNothingFollows() {
        assertThat(writer.on(new ReplyDelta.Failed("boom"))).containsExactly(new OllamaChunk.Error("boom"));
        assertThat(writer.on(new ReplyDelta.Text("late"))).isEmpty();
        assertThat(writer.end()).isEmpty();
    }
}
