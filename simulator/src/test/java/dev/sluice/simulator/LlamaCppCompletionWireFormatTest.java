package dev.sluice.simulator;

import static dev.sluice.simulator.LlamaCppChatWireFormatTest.events;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.eclipse.jetty.client.ContentResponse;
import org.eclipse.jetty.client.StringRequestContent;
import org.eclipse.jetty.http.HttpMethod;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** The native {@code /completion} and legacy {@code /v1/completions}, against the reference's captures. */
class LlamaCppCompletionWireFormatTest {

    private static final Instant NOW = Instant.ofEpochSecond(1_795_369_597L);
    private static final String ONCE = "{\"prompt\":\"Once upon a time\"%s}";

    private static TestHttp http;
    private static SimulatedBackend llama;

    @BeforeAll
    static void start() {
        http = new TestHttp();
        llama = SimulatedBackend.builder(BackendKind.LLAMACPP).models("tiny-random-llama")
                .clock(Clock.fixed(NOW, ZoneOffset.UTC)).start();
    }

    @AfterAll
    static void stop() {
        llama.close();
        http.close();
    }

    @Nested
    class Native {

        @Test
        void answerUsesLlamaCppsOwnFieldsInItsOrder() throws Exception {
            ContentResponse response = post("/completion", String.format(ONCE, ",\"n_predict\":3,\"seed\":42"));
            JsonNode body = TestHttp.json(response);

            assertThat(response.getStatus()).isEqualTo(200);
            assertThat(body.fieldNames()).toIterable().containsExactly("index", "content", "tokens", "id_slot", "stop",
                    "model", "tokens_predicted", "tokens_evaluated", "generation_settings", "prompt", "has_new_line",
                    "truncated", "stop_type", "stopping_word", "tokens_cached", "timings");
            assertThat(body.get("content").asText()).isEqualTo("The quick brown");
            assertThat(body.get("tokens")).isEmpty();
            assertThat(body.get("stop").asBoolean()).isTrue();
            assertThat(body.get("model").asText()).isEqualTo("tiny-random-llama");
            assertThat(body.get("tokens_predicted").asInt()).isEqualTo(3);
            // Four words and the BOS token, as in the capture; the cache then holds all but the last token.
            assertThat(body.get("tokens_evaluated").asInt()).isEqualTo(5);
            assertThat(body.get("tokens_cached").asInt()).isEqualTo(7);
            assertThat(body.get("prompt").asText()).isEqualTo("<s> Once upon a time");
            assertThat(body.get("stop_type").asText()).isEqualTo("limit");
            assertThat(body.at("/generation_settings/n_predict").asInt()).isEqualTo(3);
            assertThat(body.at("/generation_settings/seed").asLong()).isEqualTo(42);
            assertThat(body.at("/timings/predicted_n").asInt()).isEqualTo(3);
            assertThat(body.get("id_slot").asInt()).isBetween(0, 3);
        }

        @Test
        void naturalEndIsAnEosStop() throws Exception {
            JsonNode body = TestHttp.json(post("/completion", String.format(ONCE, "")));

            assertThat(body.get("content").asText()).isEqualTo("The quick brown fox jumps");
            assertThat(body.get("stop_type").asText()).isEqualTo("eos");
        }

        @Test
        void streamHasSlotlessTokenEventsAndAStopEvent_butNoDone() throws Exception {
            RawHttp.Reply reply = RawHttp.post(llama, "/completion", String.format(ONCE, ",\"n_predict\":2,\"stream\":true"));

            assertThat(reply.header("X-Accel-Buffering")).contains("no");
            assertThat(reply.chunks()).hasSize(3);
            assertThat(reply.chunks().get(0)).matches("data: \\{\"index\":0,\"content\":\"The\",\"tokens\":\\[\\d+\\],"
                    + "\"stop\":false,\"id_slot\":-1,\"tokens_predicted\":1,\"tokens_evaluated\":5\\}\n\n");
            JsonNode last = events(reply.chunks().get(2)).get(0);
            assertThat(last.get("stop").asBoolean()).isTrue();
            assertThat(last.get("content").asText()).isEmpty();
            assertThat(last.get("id_slot").asInt()).isNotNegative();
            assertThat(last.get("tokens_cached").asInt()).isEqualTo(6);
            assertThat(last.has("timings")).isTrue();
            assertThat(reply.body()).doesNotContain("[DONE]");
        }

        @Test
        void missingPromptIs400() throws Exception {
            ContentResponse response = post("/completion", "{\"n_predict\":2}");

            assertThat(response.getStatus()).isEqualTo(400);
            assertThat(TestHttp.json(response).at("/error/message").asText()).isEqualTo("\"prompt\" must be provided");
        }
    }

    @Nested
    class OpenAiLegacy {

        @Test
        void answerIsATextCompletionWithChatcmplIdUsageAndTimings() throws Exception {
            ContentResponse response = post("/v1/completions", String.format(ONCE, ",\"max_tokens\":2"));
            String id = TestHttp.json(response).get("id").asText();

            assertThat(id).matches("chatcmpl-[A-Za-z0-9]{32}");
            assertThat(response.getContentAsString()).isEqualTo("{\"choices\":[{\"text\":\"The quick\",\"index\":0,"
                    + "\"logprobs\":null,\"finish_reason\":\"length\"}],\"created\":1795369597,\"model\":"
                    + "\"tiny-random-llama\",\"system_fingerprint\":\"b0-unknown\",\"object\":\"text_completion\","
                    + "\"usage\":{\"completion_tokens\":2,\"prompt_tokens\":5,\"total_tokens\":7,"
                    + "\"prompt_tokens_details\":{\"cached_tokens\":0}},\"id\":\"" + id + "\",\"timings\":{\"cache_n\":0,"
                    + "\"prompt_n\":5,\"prompt_ms\":0.625,\"prompt_per_token_ms\":0.125,\"prompt_per_second\":8000.0,"
                    + "\"predicted_n\":2,\"predicted_ms\":1.0,\"predicted_per_token_ms\":0.5,"
                    + "\"predicted_per_second\":2000.0}}");
        }

        @Test
        void streamHasNoRoleChunk_finalChunkCarriesUsageUnasked_thenDone() throws Exception {
            RawHttp.Reply reply = RawHttp.post(llama, "/v1/completions",
                    String.format(ONCE, ",\"max_tokens\":2,\"stream\":true"));
            List<String> chunks = reply.chunks();

            assertThat(chunks).hasSize(4);
            JsonNode first = events(chunks.get(0)).get(0);
            assertThat(first.fieldNames()).toIterable()
                    .containsExactly("choices", "created", "model", "system_fingerprint", "object", "id");
            assertThat(first.at("/choices/0/text").asText()).isEqualTo("The");
            assertThat(first.at("/choices/0/logprobs").isNull()).isTrue();
            JsonNode last = events(chunks.get(2)).get(0);
            assertThat(last.at("/choices/0/text").asText()).isEmpty();
            assertThat(last.at("/choices/0/finish_reason").asText()).isEqualTo("length");
            assertThat(last.at("/usage/completion_tokens").asInt()).isEqualTo(2);
            assertThat(last.has("timings")).isTrue();
            assertThat(chunks.get(3)).isEqualTo("data: [DONE]\n\n");
        }

        @Test
        void missingPromptIs400() throws Exception {
            ContentResponse response = post("/v1/completions", "{\"max_tokens\":2}");

            assertThat(response.getStatus()).isEqualTo(400);
            assertThat(response.getContentAsString()).isEqualTo("{\"error\":{\"code\":400,\"message\":"
                    + "\"\\\"prompt\\\" is required\",\"type\":\"invalid_request_error\"}}");
        }
    }

    private static ContentResponse post(String path, String body) throws Exception {
        return http.request(llama, path).method(HttpMethod.POST)
                .body(new StringRequestContent("application/json", body)).send();
    }
}
