package dev.sluice.adapters.http.in.dialect;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sluice.domain.conversation.ReplyDelta;
import dev.sluice.domain.conversation.StopReason;
import dev.sluice.domain.conversation.Usage;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import software.amazon.eventstream.HeaderValue;
import software.amazon.eventstream.Message;

/**
 * Bedrock's ConverseStream framing and events: AWS's published event-stream test vectors decode, a recorded
 * answer (text, then a tool call whose input JSON arrives in pieces, stop reason, usage) becomes the same deltas
 * however the bytes are cut, and a frame whose checksum does not match fails the answer instead of being read.
 */
class BedrockStreamReaderTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    // aws-c-event-stream's test vectors ("application data, no headers" and "one header pair"): {'foo':'bar'}.
    private static final byte[] AWS_NO_HEADERS = bytes(0x00, 0x00, 0x00, 0x1D, 0x00, 0x00, 0x00, 0x00, 0xfd, 0x52,
            0x8c, 0x5a, 0x7b, 0x27, 0x66, 0x6f, 0x6f, 0x27, 0x3a, 0x27, 0x62, 0x61, 0x72, 0x27, 0x7d, 0xc3, 0x65, 0x39,
            0x36);
    private static final byte[] AWS_ONE_HEADER = concat(bytes(0x00, 0x00, 0x00, 0x3D, 0x00, 0x00, 0x00, 0x20, 0x07,
            0xFD, 0x83, 0x96, 0x0C), "content-type".getBytes(StandardCharsets.US_ASCII), bytes(0x07, 0x00, 0x10),
            "application/json".getBytes(StandardCharsets.US_ASCII), bytes(0x7b, 0x27, 0x66, 0x6f, 0x6f, 0x27, 0x3a,
            0x27, 0x62, 0x61, 0x72, 0x27, 0x7d, 0x8D, 0x9C, 0x08, 0xB1));

    private static final byte[] MESSAGE_START = event("messageStart", "{\"p\":\"abcdefgh\",\"role\":\"assistant\"}");
    private static final byte[] FIRST_TEXT = event("contentBlockDelta",
            "{\"contentBlockIndex\":0,\"delta\":{\"text\":\"The quick\"},\"p\":\"abcd\"}");

    private static final List<ReplyDelta> EXPECTED = List.of(
            new ReplyDelta.Opened("", ""),
            new ReplyDelta.Text("The quick"),
            new ReplyDelta.Text(" fox."),
            new ReplyDelta.ToolCall(0, Optional.of("tooluse_1"), Optional.of("lookup"), ""),
            new ReplyDelta.ToolCall(0, Optional.empty(), Optional.empty(), "{\"animal\""),
            new ReplyDelta.ToolCall(0, Optional.empty(), Optional.empty(), ":\"fox\"}"),
            new ReplyDelta.Finished(StopReason.TOOL_USE),
            new ReplyDelta.Counted(new Usage(14, 11)),
            new ReplyDelta.Done());

    @Test
    void awsPublishedVectors_decodeToTheirPayloadAndHeaders() {
        EventStreamFrames frames = new EventStreamFrames();

        List<Message> messages = frames.feed(ByteBuffer.wrap(concat(AWS_NO_HEADERS, AWS_ONE_HEADER)));

        assertThat(messages).hasSize(2);
        assertThat(new String(messages.get(0).getPayload(), StandardCharsets.UTF_8)).isEqualTo("{'foo':'bar'}");
        assertThat(messages.get(0).getHeaders()).isEmpty();
        assertThat(messages.get(1).getHeaders().get("content-type").getString()).isEqualTo("application/json");
        assertThat(new String(messages.get(1).getPayload(), StandardCharsets.UTF_8)).isEqualTo("{'foo':'bar'}");
        assertThat(frames.midMessage()).isFalse();
    }

    @Test
    void aRecordedAnswer_becomesTextToolCallStopAndUsage() {
        assertThat(read(List.of(recordedStream()))).containsExactlyElementsOf(EXPECTED);
    }

    @Test
    void splitAtEveryByteBoundary_decodesTheSame() {
        byte[] stream = recordedStream();
        for (int cut = 1; cut < stream.length; cut++) {
            byte[] first = java.util.Arrays.copyOfRange(stream, 0, cut);
            byte[] second = java.util.Arrays.copyOfRange(stream, cut, stream.length);
            assertThat(read(List.of(first, second))).as("cut at byte %d", cut).containsExactlyElementsOf(EXPECTED);
        }
    }

    @Test
    void oneByteAtATime_decodesTheSame_andEachEventAsSoonAsItsLastByteArrives() {
        byte[] stream = recordedStream();
        BackendDialect.StreamReader reader = new BedrockConverseBackend(JSON).streamReader();
        List<ReplyDelta> deltas = new ArrayList<>();
        int firstTextAt = -1;
        for (int i = 0; i < stream.length; i++) {
            List<ReplyDelta> now = reader.feed(ByteBuffer.wrap(stream, i, 1));
            if (firstTextAt < 0 && now.stream().anyMatch(d -> d instanceof ReplyDelta.Text)) {
                firstTextAt = i;
            }
            deltas.addAll(now);
        }
        deltas.addAll(reader.end());

        assertThat(deltas).containsExactlyElementsOf(EXPECTED);
        int endOfSecondFrame = MESSAGE_START.length + FIRST_TEXT.length - 1;
        assertThat(firstTextAt).isEqualTo(endOfSecondFrame);
    }

    @Test
    void aBadMessageChecksum_failsTheAnswer_andNothingAfterItIsRead() {
        byte[] stream = recordedStream();
        stream[MESSAGE_START.length + 20] ^= 0x01;

        List<ReplyDelta> deltas = read(List.of(stream));

        assertThat(deltas).hasSize(2);
        assertThat(deltas.get(0)).isEqualTo(new ReplyDelta.Opened("", ""));
        assertThat(((ReplyDelta.Failed) deltas.get(1)).message()).startsWith("Bedrock sent a corrupt event-stream frame")
                .containsIgnoringCase("checksum");
    }

    @Test
    void aBadPreludeChecksum_failsTheAnswer() {
        byte[] stream = recordedStream();
        stream[9] ^= 0x40;

        List<ReplyDelta> deltas = read(List.of(stream));

        assertThat(deltas).singleElement().isInstanceOf(ReplyDelta.Failed.class);
        assertThat(((ReplyDelta.Failed) deltas.get(0)).message()).containsIgnoringCase("prelude");
    }

    @Test
    void aCorruptFrameCutAcrossReads_stillFailsOnce_afterTheGoodOnes() {
        byte[] stream = recordedStream();
        stream[MESSAGE_START.length + FIRST_TEXT.length + 20] ^= 0x01;
        List<ReplyDelta> deltas = read(List.of(java.util.Arrays.copyOfRange(stream, 0, MESSAGE_START.length + 5),
                java.util.Arrays.copyOfRange(stream, MESSAGE_START.length + 5, stream.length)));

        assertThat(deltas).hasSize(3);
        assertThat(deltas.subList(0, 2)).containsExactly(new ReplyDelta.Opened("", ""), new ReplyDelta.Text("The quick"));
        assertThat(deltas.get(2)).isInstanceOf(ReplyDelta.Failed.class);
    }

    @Test
    void anImpossibleLength_failsTheAnswerAtOnce() {
        List<ReplyDelta> deltas = read(List.of(bytes(0x7f, 0xff, 0xff, 0xff, 0, 0, 0, 0)));

        assertThat(deltas).singleElement().isInstanceOf(ReplyDelta.Failed.class);
    }

    @Test
    void anExceptionMessage_failsTheAnswerWithItsTypeAndMessage() {
        Map<String, HeaderValue> headers = new LinkedHashMap<>();
        headers.put(":exception-type", HeaderValue.fromString("throttlingException"));
        headers.put(":content-type", HeaderValue.fromString("application/json"));
        headers.put(":message-type", HeaderValue.fromString("exception"));
        byte[] exception = new Message(headers, "{\"message\":\"Too many tokens, please wait.\"}"
                .getBytes(StandardCharsets.UTF_8)).toByteBuffer().array();

        List<ReplyDelta> deltas = read(List.of(concat(event("messageStart", "{\"role\":\"assistant\"}"), exception)));

        assertThat(deltas).containsExactly(new ReplyDelta.Opened("", ""),
                new ReplyDelta.Failed("throttlingException: Too many tokens, please wait."));
    }

    @Test
    void aStreamCutMidFrame_failsAtItsEnd() {
        byte[] stream = recordedStream();
        byte[] cut = java.util.Arrays.copyOf(stream, stream.length - 3);

        List<ReplyDelta> deltas = read(List.of(cut));

        assertThat(deltas.get(deltas.size() - 1)).isEqualTo(
                new ReplyDelta.Failed("Bedrock's event stream ended in the middle of a message"));
        assertThat(deltas).doesNotContain(new ReplyDelta.Done());
    }

    @Test
    void reasoningDeltas_areThinking() {
        List<ReplyDelta> deltas = read(List.of(concat(
                event("contentBlockDelta", "{\"contentBlockIndex\":0,\"delta\":{\"reasoningContent\":{\"text\":\"Hmm.\"}}}"),
                event("contentBlockDelta", "{\"contentBlockIndex\":0,\"delta\":{\"reasoningContent\":{\"signature\":\"sig\"}}}"))));

        assertThat(deltas).containsExactly(new ReplyDelta.Opened("", ""), new ReplyDelta.Thinking("Hmm."));
    }

    private static List<ReplyDelta> read(List<byte[]> reads) {
        BackendDialect.StreamReader reader = new BedrockConverseBackend(JSON).streamReader();
        List<ReplyDelta> deltas = new ArrayList<>();
        for (byte[] bytes : reads) {
            ByteBuffer buffer = ByteBuffer.wrap(bytes);
            deltas.addAll(reader.feed(buffer));
            assertThat(buffer.hasRemaining()).isFalse();
        }
        deltas.addAll(reader.end());
        return deltas;
    }

    // A ConverseStream answer as Bedrock sends it: each payload padded with "p".
    static byte[] recordedStream() {
        return concat(MESSAGE_START, FIRST_TEXT,
                event("contentBlockDelta", "{\"contentBlockIndex\":0,\"delta\":{\"text\":\" fox.\"},\"p\":\"ab\"}"),
                event("contentBlockStop", "{\"contentBlockIndex\":0,\"p\":\"abcdefghijklmn\"}"),
                event("contentBlockStart", "{\"contentBlockIndex\":1,\"start\":{\"toolUse\":{\"toolUseId\":\"tooluse_1\","
                        + "\"name\":\"lookup\"}},\"p\":\"abc\"}"),
                event("contentBlockDelta", "{\"contentBlockIndex\":1,\"delta\":{\"toolUse\":{\"input\":\"{\\\"animal\\\"\"}}}"),
                event("contentBlockDelta", "{\"contentBlockIndex\":1,\"delta\":{\"toolUse\":{\"input\":\":\\\"fox\\\"}\"}}}"),
                event("contentBlockStop", "{\"contentBlockIndex\":1}"),
                event("messageStop", "{\"stopReason\":\"tool_use\",\"p\":\"abcdef\"}"),
                event("metadata", "{\"usage\":{\"inputTokens\":14,\"outputTokens\":11,\"totalTokens\":25},"
                        + "\"metrics\":{\"latencyMs\":312},\"p\":\"abcdefghij\"}"));
    }

    // Encoded with AWS's own library, as Bedrock's servers encode them.
    static byte[] event(String type, String json) {
        Map<String, HeaderValue> headers = new LinkedHashMap<>();
        headers.put(":event-type", HeaderValue.fromString(type));
        headers.put(":content-type", HeaderValue.fromString("application/json"));
        headers.put(":message-type", HeaderValue.fromString("event"));
        return new Message(headers, json.getBytes(StandardCharsets.UTF_8)).toByteBuffer().array();
    }

    private static byte[] bytes(int... values) {
        byte[] out = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = (byte) values[i];
        }
        return out;
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }
}
