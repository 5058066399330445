package dev.sluice.application.translation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.application.translation.AnthropicEvent.BlockDelta;
import dev.sluice.application.translation.AnthropicEvent.MessageDelta;
import dev.sluice.application.translation.AnthropicEvent.StreamError;
import dev.sluice.domain.conversation.ReplyDelta;
import dev.sluice.domain.conversation.StopReason;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class AnthropicStreamWriterTest {

    private final AnthropicStreamWriter writer = new AnthropicStreamWriter("msg_1", "m", 10);

    private List<AnthropicEvent> feed(ReplyDelta... deltas) {
        List<AnthropicEvent> out = new ArrayList<>();
        for (ReplyDelta d : deltas) {
            out.addAll(writer.on(d));
        }
        out.addAll(writer.end());
        return out;
    }

    private static List<String> names(List<AnthropicEvent> events) {
        return events.stream().map(AnthropicEvent::name).toList();
    }

    @Test
    void backendWithoutUsage_getsAnOutputEstimate_fourCharactersAToken() {
        List<AnthropicEvent> events = feed(new ReplyDelta.Text("12345678"), new ReplyDelta.Text("9"),
                new ReplyDelta.Finished(StopReason.END_TURN), new ReplyDelta.Done());
        assertThat(names(events)).containsExactly("message_start", "ping", "content_block_start", "content_block_delta",
                "content_block_delta", "content_block_stop", "message_delta", "message_stop");
        assertThat(events.get(6)).isEqualTo(new MessageDelta(StopReason.END_TURN, 3, Optional.empty()));
    }

    @Test
    void streamCutBeforeTheBackendFinished_endsWithAnErrorEvent_notAFakeStop() {
        List<AnthropicEvent> events = feed(new ReplyDelta.Text("partial"));
        assertThat(names(events)).containsExactly("message_start", "ping", "content_block_start", "content_block_delta",
                "error");
        assertThat(((StreamError) events.get(4)).type()).isEqualTo("api_error");
    }

    @Test
    void inBandBackendError_becomesAnErrorEvent_andNothingFollows() {
        List<AnthropicEvent> events = feed(new ReplyDelta.Text("a"), new ReplyDelta.Failed("CUDA out of memory"),
                new ReplyDelta.Text("b"));
        assertThat(names(events)).endsWith("content_block_delta", "error");
        assertThat(events).doesNotContain(new BlockDelta(0, AnthropicEvent.DeltaKind.TEXT_DELTA, "b"));
    }

    @Test
    void emptyAnswer_stillOpensAndClosesTheMessage() {
        assertThat(names(feed(new ReplyDelta.Finished(StopReason.MAX_TOKENS))))
                .containsExactly("message_start", "ping", "message_delta", "message_stop");
    }

    @Test
    void toolCallsWithAStopFinish_reportToolUse_andGetIdsWhenTheServerSendsNone() {
        List<AnthropicEvent> events = feed(new ReplyDelta.ToolCall(0, Optional.empty(), Optional.of("f"), "{}"),
                new ReplyDelta.Finished(StopReason.END_TURN), new ReplyDelta.Done());
        assertThat(events.get(2)).isEqualTo(new AnthropicEvent.BlockStart(0, AnthropicEvent.BlockKind.TOOL_USE,
                Optional.of("toolu_1_0"), Optional.of("f")));
        assertThat(((MessageDelta) events.get(5)).stopReason()).isEqualTo(StopReason.TOOL_USE);
    }

    @Test
    void aWholeReplyReplayed_givesTheSameEventsAStreamOfItWould() {
        dev.sluice.domain.conversation.Reply reply = new dev.sluice.domain.conversation.Reply("msg_x", "m", List.of(
                new dev.sluice.domain.conversation.ThinkingPart("hm", ""), new dev.sluice.domain.conversation.TextPart("hi"),
                new dev.sluice.domain.conversation.ToolUsePart("t1", "f", "{}")), StopReason.TOOL_USE,
                new dev.sluice.domain.conversation.Usage(3, 4));
        List<AnthropicEvent> events = feed(reply.asDeltas().toArray(ReplyDelta[]::new));
        assertThat(names(events)).containsExactly("message_start", "ping", "content_block_start", "content_block_delta",
                "content_block_stop", "content_block_start", "content_block_delta", "content_block_stop",
                "content_block_start", "content_block_delta", "content_block_stop", "message_delta", "message_stop");
        assertThat(events.get(0)).isEqualTo(new AnthropicEvent.MessageStart("msg_x", "m", 10));
        assertThat(events.get(11)).isEqualTo(new MessageDelta(StopReason.TOOL_USE, 4, Optional.of(3L)));
    }

    @Test
    void interleavedParallelCalls_keepTheirOwnBlockIndices() {
        List<AnthropicEvent> events = feed(
                new ReplyDelta.ToolCall(0, Optional.of("a"), Optional.of("f"), "{\"x\":"),
                new ReplyDelta.ToolCall(1, Optional.of("b"), Optional.of("g"), "{\"y\":"),
                new ReplyDelta.ToolCall(0, Optional.empty(), Optional.empty(), "1}"),
                new ReplyDelta.ToolCall(1, Optional.empty(), Optional.empty(), "2}"), new ReplyDelta.Done());
        assertThat(events).contains(new BlockDelta(0, AnthropicEvent.DeltaKind.INPUT_JSON_DELTA, "1}"),
                new BlockDelta(1, AnthropicEvent.DeltaKind.INPUT_JSON_DELTA, "2}"));
    }
}
