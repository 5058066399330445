package dev.sluice.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.client.ContentResponse;
import org.eclipse.jetty.client.InputStreamResponseListener;
import org.eclipse.jetty.client.StringRequestContent;
import org.eclipse.jetty.http.HttpMethod;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code /v1/chat/completions} checked against the captures in shared/reference/llamacpp-wire-format.md. */
class LlamaCppChatWireFormatTest {

    /** The capture's clock, so {@code created} reads as it did there. */
    private static final Instant NOW = Instant.ofEpochSecond(1_795_369_597L);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String HELLO = "{\"model\":\"gpt-4o\",\"messages\":[{\"role\":\"user\",\"content\":\"Hello\"}]%s}";
    /** One word plus BOS, as counted; nothing cached; generation at the 0.5 ms floor of an unpaced script. */
    private static final String TIMINGS_FOR_5 = "\"timings\":{\"cache_n\":0,\"prompt_n\":2,\"prompt_ms\":0.25,"
            + "\"prompt_per_token_ms\":0.125,\"prompt_per_second\":8000.0,\"predicted_n\":5,\"predicted_ms\":2.5,"
            + "\"predicted_per_token_ms\":0.5,\"predicted_per_second\":2000.0}";

    private static TestHttp http;
    private static SimulatedBackend llama;

    @BeforeAll
    static void start() {
        http = new TestHttp();
        llama = SimulatedBackend.builder(BackendKind.LLAMACPP)
                .models(List.of(SimulatedModel.named("tiny-random-llama").withContextLength(64)))
                .clock(Clock.fixed(NOW, ZoneOffset.UTC))
                .start();
    }

    @AfterAll
    static void stop() {
        llama.close();
        http.close();
    }

    @AfterEach
    void reset() {
        llama.setLoading(false);
        llama.setChatScript(ChatScript.defaults());
    }

    @Test
    void nonStreamingAnswerHasLlamaCppsFieldOrderUsageAndTimings_andIgnoresTheRequestedModel() throws Exception {
        ContentResponse response = post("/v1/chat/completions", String.format(HELLO, ""));

        assertThat(response.getStatus()).isEqualTo(200);
        assertThat(response.getContentAsString()).isEqualTo("{\"choices\":[{\"finish_reason\":\"stop\",\"index\":0,"
                + "\"message\":{\"role\":\"assistant\",\"content\":\"The quick brown fox jumps\"}}],"
                + "\"created\":1795369597,\"model\":\"tiny-random-llama\",\"system_fingerprint\":\"b0-unknown\","
                + "\"object\":\"chat.completion\",\"usage\":{\"completion_tokens\":5,\"prompt_tokens\":2,"
                + "\"total_tokens\":7,\"prompt_tokens_details\":{\"cached_tokens\":0}},"
                + "\"id\":\"" + TestHttp.json(response).get("id").asText() + "\"," + TIMINGS_FOR_5 + "}");
        assertThat(TestHttp.json(response).get("id").asText()).matches("chatcmpl-[A-Za-z0-9]{32}");
        assertThat(response.getHeaders().get("Content-Type")).isEqualTo("application/json; charset=utf-8");
        assertThat(response.getHeaders().get("Server")).isEqualTo("llama.cpp");
        assertThat(response.getHeaders().get("Keep-Alive")).isEqualTo("timeout=5, max=100");
        assertThat(response.getHeaders().getLongField("Content-Length")).isEqualTo(response.getContent().length);
    }

    @Test
    void maxTokensBelowTheScriptStopsWithLength() throws Exception {
        JsonNode body = TestHttp.json(post("/v1/chat/completions", String.format(HELLO, ",\"max_tokens\":3")));

        assertThat(body.at("/choices/0/finish_reason").asText()).isEqualTo("length");
        assertThat(body.at("/choices/0/message/content").asText()).isEqualTo("The quick brown");
        assertThat(body.at("/usage/completion_tokens").asInt()).isEqualTo(3);
        assertThat(body.at("/timings/predicted_n").asInt()).isEqualTo(3);
    }

    @Test
    void streamOpensWithNullContentRoleAndFirstTokenInOneChunk_endsWithTimingsAndDone() throws Exception {
        llama.setChatScript(new ChatScript(3, Duration.ZERO));

        RawHttp.Reply reply = RawHttp.post(llama, "/v1/chat/completions", String.format(HELLO, ",\"stream\":true"));

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.header("Content-Type")).contains("text/event-stream");
        assertThat(reply.header("X-Accel-Buffering")).contains("no");
        assertThat(reply.header("Transfer-Encoding")).contains("chunked");
        assertThat(reply.header("Content-Length")).isEmpty();
        List<String> chunks = reply.chunks();
        assertThat(chunks).hasSize(5);
        List<JsonNode> first = events(chunks.get(0));
        assertThat(first).hasSize(2);
        assertThat(first.get(0).get("choices").get(0).get("delta").toString())
                .isEqualTo("{\"role\":\"assistant\",\"content\":null}");
        assertThat(first.get(1).at("/choices/0/delta/content").asText()).isEqualTo("The");
        assertThat(chunks.get(0)).startsWith("data: {\"choices\":[{\"finish_reason\":null,\"index\":0,\"delta\":"
                + "{\"role\":\"assistant\",\"content\":null}}],\"created\":1795369597,\"id\":\"chatcmpl-");
        assertThat(chunks.get(0)).contains("\"model\":\"tiny-random-llama\",\"system_fingerprint\":\"b0-unknown\","
                + "\"object\":\"chat.completion.chunk\"}\n\ndata: ");
        assertThat(events(chunks.get(1)).get(0).at("/choices/0/delta/content").asText()).isEqualTo(" quick");
        JsonNode finish = events(chunks.get(3)).get(0);
        assertThat(finish.at("/choices/0/delta").toString()).isEqualTo("{}");
        assertThat(finish.at("/choices/0/finish_reason").asText()).isEqualTo("stop");
        assertThat(finish.at("/timings/predicted_n").asInt()).isEqualTo(3);
        assertThat(finish.has("usage")).isFalse();
        assertThat(chunks.get(4)).isEqualTo("data: [DONE]\n\n");
        assertThat(reply.body()).doesNotContain("\r").doesNotContain("event:");
    }

    @Test
    void includeUsageMovesTimingsToAUsageChunkWithNoChoices() throws Exception {
        RawHttp.Reply reply = RawHttp.post(llama, "/v1/chat/completions",
                String.format(HELLO, ",\"stream\":true,\"stream_options\":{\"include_usage\":true},\"max_tokens\":3"));

        List<String> chunks = reply.chunks();
        List<JsonNode> closing = events(chunks.get(chunks.size() - 2));
        assertThat(closing).hasSize(2);
        assertThat(closing.get(0).at("/choices/0/finish_reason").asText()).isEqualTo("length");
        assertThat(closing.get(0).has("timings")).isFalse();
        assertThat(closing.get(1).get("choices")).isEmpty();
        assertThat(closing.get(1).get("usage").toString()).isEqualTo("{\"completion_tokens\":3,\"prompt_tokens\":2,"
                + "\"total_tokens\":5,\"prompt_tokens_details\":{\"cached_tokens\":0}}");
        assertThat(closing.get(1).at("/timings/predicted_n").asInt()).isEqualTo(3);
        assertThat(chunks.get(chunks.size() - 1)).isEqualTo("data: [DONE]\n\n");
    }

    @Test
    void missingMessagesIsThe400FromTheCapture() throws Exception {
        ContentResponse response = post("/v1/chat/completions", "{\"model\":\"tiny-random-llama\"}");

        assertThat(response.getStatus()).isEqualTo(400);
        assertThat(response.getContentAsString()).isEqualTo(
                "{\"error\":{\"code\":400,\"message\":\"'messages' is required\",\"type\":\"invalid_request_error\"}}");
        assertThat(response.getHeaders().get("Connection")).isEqualTo("close");
    }

    @Test
    void unparsableJsonIsA500InNlohmannsWords() throws Exception {
        ContentResponse truncated = post("/v1/chat/completions", "{\"messages\":");
        ContentResponse empty = post("/v1/chat/completions", "");

        assertThat(truncated.getStatus()).isEqualTo(500);
        assertThat(truncated.getContentAsString()).isEqualTo("{\"error\":{\"code\":500,\"message\":\"[json.exception."
                + "parse_error.101] parse error at line 1, column 13: syntax error while parsing value - unexpected end"
                + " of input; expected '[', '{', or a literal\",\"type\":\"server_error\"}}");
        assertThat(empty.getStatus()).isEqualTo(500);
        assertThat(TestHttp.json(empty).at("/error/message").asText()).contains("attempting to parse an empty input");
    }

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void promptLongerThanOneSlotIsRejectedUpFrontAsPlainJson(boolean stream) throws Exception {
        String words = "word ".repeat(20).trim();
        ContentResponse response = post("/v1/chat/completions", "{\"messages\":[{\"role\":\"user\",\"content\":\""
                + words + "\"}],\"stream\":" + stream + "}");

        assertThat(response.getStatus()).isEqualTo(400);
        assertThat(response.getHeaders().get("Content-Type")).isEqualTo("application/json; charset=utf-8");
        // 64-token model, 4 slots: 16 tokens each; 20 words and BOS make 21.
        assertThat(response.getContentAsString()).isEqualTo("{\"error\":{\"code\":400,\"message\":\"request (21 tokens)"
                + " exceeds the available context size (16 tokens), try increasing it\",\"type\":"
                + "\"exceed_context_size_error\",\"n_prompt_tokens\":21,\"n_ctx\":16}}");
    }

    @Test
    void whileLoadingChatAnswers503LikeHealth() throws Exception {
        llama.setLoading(true);

        ContentResponse response = post("/v1/chat/completions", String.format(HELLO, ""));

        assertThat(response.getStatus()).isEqualTo(503);
        assertThat(response.getContentAsString())
                .isEqualTo("{\"error\":{\"message\":\"Loading model\",\"type\":\"unavailable_error\",\"code\":503}}");
    }

    @Test
    void getOnTheChatPathIsFileNotFound() throws Exception {
        ContentResponse response = http.get(llama, "/v1/chat/completions");

        assertThat(response.getStatus()).isEqualTo(404);
        assertThat(response.getContentAsString())
                .isEqualTo("{\"error\":{\"message\":\"File Not Found\",\"type\":\"not_found_error\",\"code\":404}}");
    }

    @Test
    void tokensArriveAtTheScriptedPace_andDoneFollowsTheFinishAtOnce() throws Exception {
        llama.setChatScript(new ChatScript(3, Duration.ofMillis(200)));
        InputStreamResponseListener listener = new InputStreamResponseListener();
        long started = System.nanoTime();
        http.client().newRequest(llama.baseUri().resolve("/v1/chat/completions")).method(HttpMethod.POST)
                .body(new StringRequestContent("application/json", String.format(HELLO, ",\"stream\":true")))
                .timeout(TestHttp.TIMEOUT_SECONDS, TimeUnit.SECONDS).send(listener);
        listener.get(TestHttp.TIMEOUT_SECONDS, TimeUnit.SECONDS);

        List<Long> arrivals = new ArrayList<>();
        try (BufferedReader reader = new BufferedReader(
                new InputStreamReader(listener.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (line.startsWith("data: ")) {
                    arrivals.add(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
                }
            }
        }

        // Role, 3 tokens, finish, [DONE]: the role rides with the first token; 3 pauses sit between 4 steps.
        assertThat(arrivals).hasSize(6);
        assertThat(arrivals.get(2) - arrivals.get(1)).isGreaterThanOrEqualTo(200 - 20);
        assertThat(arrivals.get(4) - arrivals.get(0)).isGreaterThanOrEqualTo(3 * 200 - 20);
        assertThat(arrivals.get(5) - arrivals.get(4)).isLessThan(150);
    }

    private static ContentResponse post(String path, String body) throws Exception {
        return http.request(llama, path).method(HttpMethod.POST)
                .body(new StringRequestContent("application/json", body)).send();
    }

    /** The JSON of every {@code data:} event in a piece of an SSE body. */
    static List<JsonNode> events(String sse) throws Exception {
        List<JsonNode> events = new ArrayList<>();
        for (String frame : sse.split("\n\n")) {
            if (frame.startsWith("data: {")) {
                events.add(JSON.readTree(frame.substring(6)));
            }
        }
        return events;
    }
}
