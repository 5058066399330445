package dev.sluice.adapters.http.in.proxy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sluice.adapters.http.in.dialect.AnthropicClientStream;
import dev.sluice.adapters.http.in.dialect.AnthropicReplies;
import dev.sluice.adapters.http.in.dialect.OpenAiChatBackend;
import dev.sluice.application.translation.AnthropicStreamWriter;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A recorded OpenAI stream (vLLM with a reasoning parser: reasoning, text, two parallel tool calls, usage) through
 * the real transformer must come out as exactly Anthropic's event sequence, however the network cuts it.
 */
class StreamTranslationGoldenTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @ParameterizedTest(name = "upstream cut into {0}-byte reads")
    @ValueSource(ints = {1, 7, 64, 1 << 20})
    void recordedAgentStream_becomesAnthropicEvents_whateverTheReadSizes(int readSize) throws IOException {
        byte[] upstream = resource("openai-agent-stream.sse");
        String expected = new String(resource("anthropic-agent-stream.sse"), StandardCharsets.UTF_8);

        assertThat(translate(upstream, readSize)).isEqualTo(expected);
    }

    @Test
    void everyUpstreamEventWithContent_isTranslatedInTheSameWrite_nothingWaitsForTheNext() throws IOException {
        String upstream = new String(resource("openai-agent-stream.sse"), StandardCharsets.UTF_8);
        StreamTranslation translation = newTranslation();
        int translatedAtOnce = 0;
        for (String event : upstream.split("(?<=\n\n)")) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            collect(translation, ByteBuffer.wrap(event.getBytes(StandardCharsets.UTF_8)), false, out);
            String sent = out.toString(StandardCharsets.UTF_8);
            if (event.contains("\"content\":\"C") || event.contains("reasoning_content") || event.contains("city")) {
                assertThat(sent).as("translation of %s", event).contains("content_block_delta");
                translatedAtOnce++;
            }
        }
        assertThat(translatedAtOnce).isEqualTo(5);
    }

    static String translate(byte[] upstream, int readSize) throws IOException {
        StreamTranslation translation = newTranslation();
        ByteArrayOutputStream client = new ByteArrayOutputStream();
        for (int offset = 0; offset < upstream.length; offset += readSize) {
            int end = Math.min(upstream.length, offset + readSize);
            collect(translation, ByteBuffer.wrap(upstream, offset, end - offset), false, client);
        }
        collect(translation, ByteBuffer.allocate(0), true, client);
        return client.toString(StandardCharsets.UTF_8);
    }

    private static void collect(StreamTranslation translation, ByteBuffer input, boolean finished,
                                ByteArrayOutputStream client) {
        List<ByteBuffer> output = new ArrayList<>();
        translation.transform(input, finished, output);
        for (ByteBuffer buffer : output) {
            byte[] bytes = new byte[buffer.remaining()];
            buffer.get(bytes);
            client.writeBytes(bytes);
        }
    }

    static StreamTranslation newTranslation() {
        ProxyExchange exchange = new ProxyExchange("req-1", null,
                new ProxyPath("anthropic", "/v1/messages", Optional.empty()), RequestBody.EMPTY, null, 0);
        AnthropicReplies replies = new AnthropicReplies(JSON);
        return new StreamTranslation(exchange, new OpenAiChatBackend(JSON).streamReader(),
                new AnthropicClientStream(new AnthropicStreamWriter("msg_req1", "qwen3-30b-a3b", 120), replies));
    }

    static byte[] resource(String name) throws IOException {
        try (InputStream in = StreamTranslationGoldenTest.class.getResourceAsStream("/dialect/" + name)) {
            if (in == null) {
                throw new IOException("missing test resource " + name);
            }
            return in.readAllBytes();
        }
    }
}
