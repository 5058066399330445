package dev.sluice.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.eclipse.jetty.client.ContentResponse;
import org.eclipse.jetty.client.StringRequestContent;
import org.eclipse.jetty.http.HttpMethod;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** llama-server's Anthropic {@code /v1/messages} and {@code count_tokens}, against the reference's captures. */
class LlamaCppMessagesWireFormatTest {

    private static final String HELLO = "{\"model\":\"claude-sonnet-4\",\"messages\":[{\"role\":\"user\","
            + "\"content\":\"Hello\"}]%s}";

    private static TestHttp http;
    private static SimulatedBackend llama;

    @BeforeAll
    static void start() {
        http = new TestHttp();
        llama = SimulatedBackend.builder(BackendKind.LLAMACPP).models("tiny-random-llama").start();
    }

    @AfterAll
    static void stop() {
        llama.close();
        http.close();
    }

    @Test
    void answerHasTheCapturedFieldsInOrder_withCacheReadTokens_andTheServedModel() throws Exception {
        ContentResponse response = post("/v1/messages", String.format(HELLO, ",\"max_tokens\":16"));
        String id = TestHttp.json(response).get("id").asText();

        assertThat(response.getStatus()).isEqualTo(200);
        assertThat(id).matches("chatcmpl-[A-Za-z0-9]{32}");
        assertThat(response.getContentAsString()).isEqualTo("{\"id\":\"" + id + "\",\"type\":\"message\","
                + "\"role\":\"assistant\",\"content\":[{\"type\":\"text\",\"text\":\"The quick brown fox jumps\"}],"
                + "\"model\":\"tiny-random-llama\",\"stop_reason\":\"end_turn\",\"stop_sequence\":null,"
                + "\"usage\":{\"cache_read_input_tokens\":0,\"input_tokens\":2,\"output_tokens\":5}}");
        assertThat(response.getHeaders().get("Content-Type")).isEqualTo("application/json; charset=utf-8");
    }

    @Test
    void maxTokensIsOptionalHere_andCuttingTheScriptShortSaysMaxTokens() throws Exception {
        assertThat(TestHttp.json(post("/v1/messages", String.format(HELLO, ""))).get("stop_reason").asText())
                .isEqualTo("end_turn");
        assertThat(TestHttp.json(post("/v1/messages", String.format(HELLO, ",\"max_tokens\":3")))
                .get("stop_reason").asText()).isEqualTo("max_tokens");
    }

    @Test
    void streamWritesEachStepInOneChunk_withoutPingOrDone() throws Exception {
        RawHttp.Reply reply = RawHttp.post(llama, "/v1/messages",
                String.format(HELLO, ",\"max_tokens\":2,\"stream\":true"));
        List<String> chunks = reply.chunks();

        assertThat(reply.header("Content-Type")).contains("text/event-stream");
        assertThat(reply.header("X-Accel-Buffering")).contains("no");
        assertThat(chunks).hasSize(3);
        String id = chunks.get(0).replaceFirst("(?s).*\"id\":\"([^\"]+)\".*", "$1");
        assertThat(chunks.get(0)).isEqualTo("event: message_start\ndata: {\"type\":\"message_start\",\"message\":"
                + "{\"id\":\"" + id + "\",\"type\":\"message\",\"role\":\"assistant\",\"content\":[],"
                + "\"model\":\"tiny-random-llama\",\"stop_reason\":null,\"stop_sequence\":null,\"usage\":"
                + "{\"cache_read_input_tokens\":0,\"input_tokens\":2,\"output_tokens\":0}}}\n\n"
                + "event: content_block_start\ndata: {\"type\":\"content_block_start\",\"index\":0,"
                + "\"content_block\":{\"type\":\"text\",\"text\":\"\"}}\n\n"
                + "event: content_block_delta\ndata: {\"type\":\"content_block_delta\",\"index\":0,"
                + "\"delta\":{\"type\":\"text_delta\",\"text\":\"The\"}}\n\n");
        assertThat(chunks.get(1)).isEqualTo("event: content_block_delta\ndata: {\"type\":\"content_block_delta\","
                + "\"index\":0,\"delta\":{\"type\":\"text_delta\",\"text\":\" quick\"}}\n\n");
        assertThat(chunks.get(2)).isEqualTo("event: content_block_stop\ndata: {\"type\":\"content_block_stop\","
                + "\"index\":0}\n\nevent: message_delta\ndata: {\"type\":\"message_delta\",\"delta\":{\"stop_reason\":"
                + "\"max_tokens\",\"stop_sequence\":null},\"usage\":{\"output_tokens\":2}}\n\n"
                + "event: message_stop\ndata: {\"type\":\"message_stop\"}\n\n");
    }

    @Test
    void missingMessagesIsLlamaCppsOwn400() throws Exception {
        ContentResponse response = post("/v1/messages", "{\"model\":\"x\",\"max_tokens\":5}");

        assertThat(response.getStatus()).isEqualTo(400);
        assertThat(response.getContentAsString()).isEqualTo(
                "{\"error\":{\"code\":400,\"message\":\"'messages' is required\",\"type\":\"invalid_request_error\"}}");
    }

    @Test
    void whileLoadingMessagesAnswer503() throws Exception {
        llama.setLoading(true);
        try {
            assertThat(post("/v1/messages", String.format(HELLO, "")).getStatus()).isEqualTo(503);
        } finally {
            llama.setLoading(false);
        }
    }

    @Test
    void countTokensAnswersOnlyTheInputCount() throws Exception {
        ContentResponse response = post("/v1/messages/count_tokens", "{\"model\":\"x\",\"system\":\"be brief\","
                + "\"messages\":[{\"role\":\"user\",\"content\":[{\"type\":\"text\",\"text\":\"one two three\"}]}]}");

        assertThat(response.getStatus()).isEqualTo(200);
        // Two system words, three message words, and BOS.
        assertThat(response.getContentAsString()).isEqualTo("{\"input_tokens\":6}");
    }

    private static ContentResponse post(String path, String body) throws Exception {
        return http.request(llama, path).method(HttpMethod.POST)
                .body(new StringRequestContent("application/json", body)).send();
    }
}
