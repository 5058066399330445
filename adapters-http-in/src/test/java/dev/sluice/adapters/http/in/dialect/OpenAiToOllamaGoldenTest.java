package dev.sluice.adapters.http.in.dialect;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sluice.application.translation.OllamaStreamWriter;
import dev.sluice.domain.conversation.ReplyDelta;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * OpenAI answers, streamed and whole, written back as Ollama's NDJSON lines and objects, byte for byte. The clock
 * is fixed and the monotonic clock ticks 1 ms per reading, so durations are exact.
 */
class OpenAiToOllamaGoldenTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-23T09:30:00Z"), ZoneOffset.UTC);
    private final OpenAiChatBackend openai = new OpenAiChatBackend(JSON);
    private final OllamaReplies ollama = new OllamaReplies(JSON, CLOCK);
    private final AtomicLong nanos = new AtomicLong();

    private OllamaClientStream stream(OllamaReplies.Shape shape) {
        // Each reading of the clock is 1 ms after the last; the request arrived at 0.
        return new OllamaClientStream(new OllamaStreamWriter(12, () -> nanos.addAndGet(1_000_000), 0), ollama,
                "asked-model", shape);
    }

    /** Feeds the SSE text through the line splitter and decoder in chunks of {@code cut} bytes, as a network would. */
    private String translate(String sse, int cut, OllamaReplies.Shape shape) {
        OllamaClientStream client = stream(shape);
        BackendDialect.StreamDecoder decoder = openai.streamDecoder();
        SseLines lines = new SseLines();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] bytes = sse.getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i < bytes.length; i += cut) {
            for (String line : lines.feed(ByteBuffer.wrap(bytes, i, Math.min(cut, bytes.length - i)).slice())) {
                for (ReplyDelta delta : decoder.line(line)) {
                    out.writeBytes(client.on(delta));
                }
            }
        }
        out.writeBytes(client.end());
        return out.toString(StandardCharsets.UTF_8);
    }

    private static String resource(String name) throws IOException {
        try (InputStream in = OpenAiToOllamaGoldenTest.class.getResourceAsStream("/dialect/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Nested
    class Streamed {

        @Test
        void recordedAgentStream_reasoningTextAndParallelCalls_becomeTheseExactLines() throws Exception {
            String expected = """
                    {"model":"asked-model","created_at":"2026-11-23T09:30:00Z","message":{"role":"assistant","content":"","thinking":"The user wants"},"done":false}
                    {"model":"asked-model","created_at":"2026-11-23T09:30:00Z","message":{"role":"assistant","content":"","thinking":" weather for two cities."},"done":false}
                    {"model":"asked-model","created_at":"2026-11-23T09:30:00Z","message":{"role":"assistant","content":"Checking"},"done":false}
                    {"model":"asked-model","created_at":"2026-11-23T09:30:00Z","message":{"role":"assistant","content":" both."},"done":false}
                    {"model":"asked-model","created_at":"2026-11-23T09:30:00Z","message":{"role":"assistant","content":"","tool_calls":[{"function":{"name":"get_weather","arguments":{"city":"Paris"}}},{"function":{"name":"get_weather","arguments":{"city":"Tokyo"}}}]},"done":false}
                    {"model":"asked-model","created_at":"2026-11-23T09:30:00Z","message":{"role":"assistant","content":""},"done":true,"done_reason":"stop","total_duration":2000000,"load_duration":0,"prompt_eval_count":182,"prompt_eval_duration":1000000,"eval_count":47,"eval_duration":1000000}
                    """;
            assertThat(translate(resource("openai-agent-stream.sse"), 4096, OllamaReplies.Shape.CHAT)).isEqualTo(expected);
        }

        @Test
        void theSameStreamCutIntoTinyReads_givesTheSameLines() throws Exception {
            String whole = translate(resource("openai-agent-stream.sse"), 1 << 16, OllamaReplies.Shape.CHAT);
            nanos.set(0);
            assertThat(translate(resource("openai-agent-stream.sse"), 7, OllamaReplies.Shape.CHAT)).isEqualTo(whole);
        }

        @Test
        void textStreamForGenerate_putsTextInResponse_andEstimatesWhatTheBackendDidNotCount() {
            String sse = """
                    data: {"id":"c1","model":"m","choices":[{"index":0,"delta":{"role":"assistant","content":""}}]}

                    data: {"id":"c1","model":"m","choices":[{"index":0,"delta":{"content":"Hello"}}]}

                    data: {"id":"c1","model":"m","choices":[{"index":0,"delta":{"content":" world"}}]}

                    data: {"id":"c1","model":"m","choices":[{"index":0,"delta":{},"finish_reason":"length"}]}

                    data: [DONE]

                    """;
            assertThat(translate(sse, 4096, OllamaReplies.Shape.GENERATE)).isEqualTo("""
                    {"model":"asked-model","created_at":"2026-11-23T09:30:00Z","response":"Hello","done":false}
                    {"model":"asked-model","created_at":"2026-11-23T09:30:00Z","response":" world","done":false}
                    {"model":"asked-model","created_at":"2026-11-23T09:30:00Z","response":"","done":true,"done_reason":"length","total_duration":2000000,"load_duration":0,"prompt_eval_count":12,"prompt_eval_duration":1000000,"eval_count":3,"eval_duration":1000000}
                    """);
        }

        @Test
        void streamThatEndsWithoutFinishing_endsWithAnErrorLine() {
            String sse = """
                    data: {"id":"c1","model":"m","choices":[{"index":0,"delta":{"content":"Hel"}}]}

                    """;
            assertThat(translate(sse, 4096, OllamaReplies.Shape.CHAT)).isEqualTo("""
                    {"model":"asked-model","created_at":"2026-11-23T09:30:00Z","message":{"role":"assistant","content":"Hel"},"done":false}
                    {"error":"the backend's stream ended before the answer was complete"}
                    """);
        }

        @Test
        void inBandBackendError_becomesAnErrorLine_andNothingAfterIt() {
            String sse = """
                    data: {"id":"c1","model":"m","choices":[{"index":0,"delta":{"content":"a"}}]}

                    data: {"error":{"message":"CUDA out of memory"}}

                    data: [DONE]

                    """;
            assertThat(translate(sse, 4096, OllamaReplies.Shape.CHAT)).endsWith("""
                    {"error":"CUDA out of memory"}
                    """).doesNotContain("\"done\":true");
        }
    }

    @Nested
    class Whole {

        private String whole(String answer, OllamaReplies.Shape shape) throws Exception {
            var writer = new OllamaStreamWriter(12, () -> nanos.addAndGet(1_000_000), 0);
            var chunks = new java.util.ArrayList<dev.sluice.application.translation.OllamaChunk>();
            for (ReplyDelta delta : openai.reply(answer.getBytes(StandardCharsets.UTF_8), "msg_x").asDeltas()) {
                chunks.addAll(writer.on(delta));
            }
            chunks.addAll(writer.end());
            return new String(ollama.whole(chunks, "asked-model", shape), StandardCharsets.UTF_8);
        }

        @Test
        void answerWithReasoningTextAndCalls_becomesOneChatObject() throws Exception {
            String out = whole("""
                    {"id":"chatcmpl-42","model":"qwen3","choices":[{"index":0,
                      "message":{"role":"assistant","reasoning_content":"Two cities.","content":"Checking.",
                        "tool_calls":[{"id":"call_a","type":"function","function":{"name":"get_weather","arguments":"{\\"city\\":\\"Paris\\"}"}}]},
                      "finish_reason":"tool_calls"}],
                     "usage":{"prompt_tokens":30,"completion_tokens":12,"total_tokens":42}}""", OllamaReplies.Shape.CHAT);

            assertThat(out).isEqualTo("{\"model\":\"asked-model\",\"created_at\":\"2026-11-23T09:30:00Z\","
                    + "\"message\":{\"role\":\"assistant\",\"content\":\"Checking.\",\"thinking\":\"Two cities.\","
                    + "\"tool_calls\":[{\"function\":{\"name\":\"get_weather\",\"arguments\":{\"city\":\"Paris\"}}}]},"
                    + "\"done\":true,\"done_reason\":\"stop\",\"total_duration\":2000000,\"load_duration\":0,"
                    + "\"prompt_eval_count\":30,\"prompt_eval_duration\":1000000,\"eval_count\":12,"
                    + "\"eval_duration\":1000000}");
        }

        @Test
        void generateAnswer_putsTheTextInResponse() throws Exception {
            String out = whole("""
                    {"id":"c","choices":[{"message":{"role":"assistant","content":"A fox."},"finish_reason":"stop"}],
                     "usage":{"prompt_tokens":5,"completion_tokens":2}}""", OllamaReplies.Shape.GENERATE);

            assertThat(JSON.readTree(out).get("response").asText()).isEqualTo("A fox.");
            assertThat(JSON.readTree(out).has("message")).isFalse();
            assertThat(JSON.readTree(out).get("eval_count").asLong()).isEqualTo(2);
        }
    }

    @Test
    void backendErrorBody_becomesOllamasErrorShape() throws Exception {
        byte[] body = "{\"error\":{\"message\":\"The model `x` does not exist.\"}}".getBytes(StandardCharsets.UTF_8);
        assertThat(new String(ollama.error(openai.errorMessage(body)), StandardCharsets.UTF_8))
                .isEqualTo("{\"error\":\"The model `x` does not exist.\"}");
    }
}
