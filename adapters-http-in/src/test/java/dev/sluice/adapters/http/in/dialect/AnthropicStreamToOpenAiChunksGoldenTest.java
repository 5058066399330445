package dev.sluice.adapters.http.in.dialect;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sluice.domain.conversation.ReplyDelta;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A recorded Anthropic Messages stream (thinking, text, two parallel tool calls with streamed arguments, ping,
 * usage) read by the Anthropic back end and written by the OpenAI front end: the exact chunks an OpenAI client
 * gets, whatever the network's read boundaries.
 */
class AnthropicStreamToOpenAiChunksGoldenTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    static final String ANTHROPIC_STREAM = """
            event: message_start
            data: {"type":"message_start","message":{"id":"msg_01","type":"message","role":"assistant","model":"claude-sonnet-4-20250514","content":[],"stop_reason":null,"stop_sequence":null,"usage":{"input_tokens":25,"output_tokens":1}}}

            event: content_block_start
            data: {"type":"content_block_start","index":0,"content_block":{"type":"thinking","thinking":"","signature":""}}

            event: content_block_delta
            data: {"type":"content_block_delta","index":0,"delta":{"type":"thinking_delta","thinking":"Two cities."}}

            event: content_block_delta
            data: {"type":"content_block_delta","index":0,"delta":{"type":"signature_delta","signature":"EqQB"}}

            event: content_block_stop
            data: {"type":"content_block_stop","index":0}

            event: ping
            data: {"type": "ping"}

            event: content_block_start
            data: {"type":"content_block_start","index":1,"content_block":{"type":"text","text":""}}

            event: content_block_delta
            data: {"type":"content_block_delta","index":1,"delta":{"type":"text_delta","text":"Checking."}}

            event: content_block_stop
            data: {"type":"content_block_stop","index":1}

            event: content_block_start
            data: {"type":"content_block_start","index":2,"content_block":{"type":"tool_use","id":"toolu_1","name":"get_weather","input":{}}}

            event: content_block_delta
            data: {"type":"content_block_delta","index":2,"delta":{"type":"input_json_delta","partial_json":"{\\"city\\": \\"Pa"}}

            event: content_block_delta
            data: {"type":"content_block_delta","index":2,"delta":{"type":"input_json_delta","partial_json":"ris\\"}"}}

            event: content_block_stop
            data: {"type":"content_block_stop","index":2}

            event: content_block_start
            data: {"type":"content_block_start","index":3,"content_block":{"type":"tool_use","id":"toolu_2","name":"get_weather","input":{}}}

            event: content_block_delta
            data: {"type":"content_block_delta","index":3,"delta":{"type":"input_json_delta","partial_json":"{\\"city\\": \\"Rome\\"}"}}

            event: content_block_stop
            data: {"type":"content_block_stop","index":3}

            event: message_delta
            data: {"type":"message_delta","delta":{"stop_reason":"tool_use","stop_sequence":null},"usage":{"output_tokens":42}}

            event: message_stop
            data: {"type":"message_stop"}

            """;

    private static final String HEAD = "{\"id\":\"chatcmpl-r1\",\"object\":\"chat.completion.chunk\",\"created\":1700000000,"
            + "\"model\":\"claude-sonnet-4\",\"choices\":[{\"index\":0,\"delta\":";

    static final String OPENAI_CHUNKS = "data: " + HEAD + "{\"role\":\"assistant\",\"content\":\"\"},\"finish_reason\":null}]}\n\n"
            + "data: " + HEAD + "{\"reasoning_content\":\"Two cities.\"},\"finish_reason\":null}]}\n\n"
            + "data: " + HEAD + "{\"content\":\"Checking.\"},\"finish_reason\":null}]}\n\n"
            + "data: " + HEAD + "{\"tool_calls\":[{\"index\":0,\"id\":\"toolu_1\",\"type\":\"function\",\"function\":"
            + "{\"name\":\"get_weather\",\"arguments\":\"\"}}]},\"finish_reason\":null}]}\n\n"
            + "data: " + HEAD + "{\"tool_calls\":[{\"index\":0,\"function\":{\"arguments\":\"{\\\"city\\\": \\\"Pa\"}}]},"
            + "\"finish_reason\":null}]}\n\n"
            + "data: " + HEAD + "{\"tool_calls\":[{\"index\":0,\"function\":{\"arguments\":\"ris\\\"}\"}}]},"
            + "\"finish_reason\":null}]}\n\n"
            + "data: " + HEAD + "{\"tool_calls\":[{\"index\":1,\"id\":\"toolu_2\",\"type\":\"function\",\"function\":"
            + "{\"name\":\"get_weather\",\"arguments\":\"\"}}]},\"finish_reason\":null}]}\n\n"
            + "data: " + HEAD + "{\"tool_calls\":[{\"index\":1,\"function\":{\"arguments\":\"{\\\"city\\\": \\\"Rome\\\"}\"}}]},"
            + "\"finish_reason\":null}]}\n\n"
            + "data: " + HEAD + "{},\"finish_reason\":\"tool_calls\"}]}\n\n"
            + "data: {\"id\":\"chatcmpl-r1\",\"object\":\"chat.completion.chunk\",\"created\":1700000000,"
            + "\"model\":\"claude-sonnet-4\",\"choices\":[],\"usage\":{\"prompt_tokens\":25,\"completion_tokens\":42,"
            + "\"total_tokens\":67}}\n\n"
            + "data: [DONE]\n\n";

    private static String translate(byte[] upstream, int readSize, boolean includeUsage) {
        SseLines lines = new SseLines();
        BackendDialect.StreamDecoder decoder = new AnthropicMessagesBackend(JSON).streamDecoder();
        OpenAiClientStream client = new OpenAiClientStream(new OpenAiReplies(JSON), "chatcmpl-r1", "claude-sonnet-4",
                1700000000L, includeUsage);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int at = 0; at < upstream.length; at += readSize) {
            ByteBuffer read = ByteBuffer.wrap(upstream, at, Math.min(readSize, upstream.length - at)).slice();
            for (String line : lines.feed(read)) {
                decoder.line(line).forEach(delta -> out.writeBytes(client.on(delta)));
            }
        }
        lines.flush().forEach(line -> decoder.line(line).forEach(delta -> out.writeBytes(client.on(delta))));
        out.writeBytes(client.end());
        return out.toString(StandardCharsets.UTF_8);
    }

    @ParameterizedTest(name = "reads of {0} bytes")
    @ValueSource(ints = {1, 2, 7, 64, 1 << 20})
    void thinkingTextAndParallelToolCalls_becomeTheExactOpenAiChunks(int readSize) {
        assertThat(translate(ANTHROPIC_STREAM.getBytes(StandardCharsets.UTF_8), readSize, true))
                .isEqualTo(OPENAI_CHUNKS);
    }

    @Test
    void withoutIncludeUsage_noUsageChunk() {
        assertThat(translate(ANTHROPIC_STREAM.getBytes(StandardCharsets.UTF_8), 100, false))
                .doesNotContain("\"usage\"").endsWith("\"finish_reason\":\"tool_calls\"}]}\n\ndata: [DONE]\n\n");
    }

    @Test
    void anErrorEvent_endsTheStreamWithAnOpenAiErrorEvent_andNoDone() {
        String upstream = ANTHROPIC_STREAM.substring(0, ANTHROPIC_STREAM.indexOf("event: content_block_start"))
                + "event: error\ndata: {\"type\":\"error\",\"error\":{\"type\":\"overloaded_error\",\"message\":\"Overloaded\"}}\n\n";
        String chunks = translate(upstream.getBytes(StandardCharsets.UTF_8), 13, true);
        assertThat(chunks).endsWith("data: {\"error\":{\"message\":\"Overloaded\",\"type\":\"api_error\",\"param\":null,"
                + "\"code\":null}}\n\n").doesNotContain("[DONE]");
    }

    @Test
    void messageStart_opensWithTheAnthropicIdAndModel() {
        List<ReplyDelta> deltas = new AnthropicMessagesBackend(JSON).streamDecoder().line(
                ANTHROPIC_STREAM.lines().filter(l -> l.startsWith("data:")).findFirst().orElseThrow());
        assertThat(deltas).containsExactly(new ReplyDelta.Opened("msg_01", "claude-sonnet-4-20250514"));
    }
}
