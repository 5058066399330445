package dev.sluice.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.client.ContentResponse;
import org.eclipse.jetty.client.InputStreamResponseListener;
import org.eclipse.jetty.client.StringRequestContent;
import org.eclipse.jetty.http.HttpMethod;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Anthropic's Messages API on every kind that serves it natively, and what each one's bytes look like. */
class AnthropicMessagesTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String MODEL = "qwen3:8b";
    private static final String ASK = "{\"model\":\"%s\",\"max_tokens\":64,\"messages\":[{\"role\":\"user\","
            + "\"content\":\"say hi\"}]%s}";
    private static final List<String> SEQUENCE = List.of("message_start", "content_block_start",
            "content_block_delta", "content_block_delta", "content_block_delta", "content_block_delta",
            "content_block_delta", "content_block_stop", "message_delta", "message_stop");

    private static TestHttp http;

    @BeforeAll
    static void startClient() {
        http = new TestHttp();
    }

    @AfterAll
    static void stopClient() {
        http.close();
    }

    @ParameterizedTest
    @EnumSource(value = BackendKind.class, names = {"LLAMACPP", "OLLAMA", "VLLM", "LM_STUDIO"})
    void answerIsOneTextMessageEndingTheTurn(BackendKind kind) throws Exception {
        try (SimulatedBackend backend = SimulatedBackend.builder(kind).models(MODEL).start()) {
            ContentResponse response = post(backend, "/v1/messages", String.format(ASK, MODEL, ""));
            JsonNode body = TestHttp.json(response);

            assertThat(response.getStatus()).isEqualTo(200);
            assertThat(response.getHeaders().get("Content-Type")).startsWith("application/json");
            assertThat(body.get("type").asText()).isEqualTo("message");
            assertThat(body.get("role").asText()).isEqualTo("assistant");
            assertThat(body.get("model").asText()).isEqualTo(MODEL);
            assertThat(body.get("content").toString())
                    .isEqualTo("[{\"type\":\"text\",\"text\":\"The quick brown fox jumps\"}]");
            assertThat(body.get("stop_reason").asText()).isEqualTo("end_turn");
            assertThat(body.at("/usage/output_tokens").asInt()).isEqualTo(5);
            assertThat(body.at("/usage/input_tokens").asInt()).isPositive();
        }
    }

    @ParameterizedTest
    @EnumSource(value = BackendKind.class, names = {"LLAMACPP", "OLLAMA", "VLLM", "LM_STUDIO"})
    void streamIsNamedEventsInAnthropicsOrder_pingOnlyWhereAnthropicsOwnShapeIsServed(BackendKind kind)
            throws Exception {
        try (SimulatedBackend backend = SimulatedBackend.builder(kind).models(MODEL).start()) {
            ContentResponse response = post(backend, "/v1/messages", String.format(ASK, MODEL, ",\"stream\":true"));
            String body = response.getContentAsString();
            List<String> names = new ArrayList<>();
            StringBuilder text = new StringBuilder();
            for (String frame : body.split("\n\n")) {
                String[] lines = frame.split("\n");
                assertThat(lines).hasSize(2);
                assertThat(lines[0]).startsWith("event: ");
                assertThat(lines[1]).startsWith("data: {");
                String name = lines[0].substring(7);
                JsonNode data = JSON.readTree(lines[1].substring(6));
                assertThat(data.get("type").asText()).isEqualTo(name);
                names.add(name);
                text.append(data.at("/delta/text").asText(""));
            }

            assertThat(response.getHeaders().get("Content-Type")).startsWith("text/event-stream");
            assertThat(body).endsWith("\n\n").doesNotContain("\r").doesNotContain("[DONE]");
            List<String> expected = new ArrayList<>(SEQUENCE);
            if (kind == BackendKind.LM_STUDIO) {
                expected.add(2, "ping");
            }
            assertThat(names).isEqualTo(expected);
            assertThat(text.toString()).isEqualTo("The quick brown fox jumps");
        }
    }

    @Test
    void maxTokensBelowTheScriptEndsWithMaxTokensInTheMessageDelta() throws Exception {
        try (SimulatedBackend vllm = SimulatedBackend.builder(BackendKind.VLLM).models(MODEL).start()) {
            String body = post(vllm, "/v1/messages", "{\"model\":\"" + MODEL + "\",\"max_tokens\":2,\"stream\":true,"
                    + "\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}").getContentAsString();

            assertThat(body).contains("event: message_delta\ndata: {\"type\":\"message_delta\",\"delta\":"
                    + "{\"stop_reason\":\"max_tokens\"},\"usage\":{\"input_tokens\":1,\"output_tokens\":2}}\n\n");
            assertThat(body.split("event: content_block_delta")).hasSize(3);
        }
    }

    @Nested
    class Ollama {

        @Test
        void answerIsGoEncoded_withoutStopSequence_andWithAMsgId() throws Exception {
            try (SimulatedBackend ollama = SimulatedBackend.builder(BackendKind.OLLAMA).models(MODEL).start()) {
                ContentResponse response = post(ollama, "/v1/messages", String.format(ASK, "qwen3:8b", ""));
                String id = TestHttp.json(response).get("id").asText();

                assertThat(id).matches("msg_[0-9a-f]{24}");
                assertThat(response.getHeaders().get("Content-Type")).isEqualTo("application/json");
                assertThat(response.getContentAsString()).isEqualTo("{\"id\":\"" + id + "\",\"type\":\"message\","
                        + "\"role\":\"assistant\",\"model\":\"qwen3:8b\",\"content\":[{\"type\":\"text\",\"text\":"
                        + "\"The quick brown fox jumps\"}],\"stop_reason\":\"end_turn\",\"usage\":{\"input_tokens\":2,"
                        + "\"output_tokens\":5}}\n");
            }
        }

        @Test
        void streamFlushesEveryEventOnItsOwn_andRepeatsInputTokensInTheMessageDelta() throws Exception {
            try (SimulatedBackend ollama = SimulatedBackend.builder(BackendKind.OLLAMA).models(MODEL).start()) {
                ollama.setChatScript(new ChatScript(2, Duration.ZERO));

                RawHttp.Reply reply = RawHttp.post(ollama, "/v1/messages", String.format(ASK, MODEL, ",\"stream\":true"));

                assertThat(reply.header("Cache-Control")).contains("no-cache");
                assertThat(reply.chunks()).hasSize(7).allSatisfy(chunk -> assertThat(chunk.split("event: ")).hasSize(2));
                assertThat(reply.chunks().get(0)).isEqualTo("event: message_start\ndata: {\"type\":\"message_start\","
                        + "\"message\":{\"id\":\"msg_000000000000000000000001\",\"type\":\"message\",\"role\":"
                        + "\"assistant\",\"model\":\"qwen3:8b\",\"content\":[],\"usage\":{\"input_tokens\":2,"
                        + "\"output_tokens\":0}}}\n\n");
                assertThat(reply.chunks().get(5)).isEqualTo("event: message_delta\ndata: {\"type\":\"message_delta\","
                        + "\"delta\":{\"stop_reason\":\"end_turn\"},\"usage\":{\"input_tokens\":2,\"output_tokens\":2}}\n\n");
            }
        }

        @Test
        void errorsAreAnthropicEnvelopesWithARequestId() throws Exception {
            try (SimulatedBackend ollama = SimulatedBackend.builder(BackendKind.OLLAMA).models(MODEL).start()) {
                ContentResponse unknown = post(ollama, "/v1/messages", String.format(ASK, "mistral", ""));
                ContentResponse noLimit = post(ollama, "/v1/messages",
                        "{\"model\":\"qwen3:8b\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}");

                assertThat(unknown.getStatus()).isEqualTo(404);
                assertThat(unknown.getContentAsString()).matches("\\{\"type\":\"error\",\"error\":\\{\"type\":"
                        + "\"not_found_error\",\"message\":\"model \\\\\"mistral\\\\\" not found, try pulling it first\"},"
                        + "\"request_id\":\"req_[0-9a-f]{24}\"}\n");
                assertThat(noLimit.getStatus()).isEqualTo(400);
                assertThat(TestHttp.json(noLimit).at("/error/message").asText())
                        .isEqualTo("max_tokens is required and must be positive");
                assertThat(TestHttp.json(noLimit).at("/error/type").asText()).isEqualTo("invalid_request_error");
            }
        }
    }

    @Nested
    class Vllm {

        @Test
        void streamEventsDropUnsetFields_soTheStartedMessageHasNoTypeOrRole_andIndexComesLast() throws Exception {
            try (SimulatedBackend vllm = SimulatedBackend.builder(BackendKind.VLLM).models(MODEL).start()) {
                RawHttp.Reply reply = RawHttp.post(vllm, "/v1/messages", String.format(ASK, MODEL, ",\"stream\":true"));

                assertThat(reply.header("Content-Type")).contains("text/event-stream; charset=utf-8");
                assertThat(reply.chunks().get(0)).isEqualTo("event: message_start\ndata: {\"type\":\"message_start\","
                        + "\"message\":{\"id\":\"chatcmpl-00000000000000000000000000000001\",\"content\":[],\"model\":"
                        + "\"qwen3:8b\",\"stop_reason\":null,\"stop_sequence\":null,\"usage\":{\"input_tokens\":2,"
                        + "\"output_tokens\":0}}}\n\n");
                assertThat(reply.chunks().get(1)).isEqualTo("event: content_block_start\ndata: {\"type\":"
                        + "\"content_block_start\",\"content_block\":{\"type\":\"text\",\"text\":\"\"},\"index\":0}\n\n");
            }
        }

        @Test
        void answerOmitsStopSequence_andAnUnknownModelIsVllmsNotFoundError() throws Exception {
            try (SimulatedBackend vllm = SimulatedBackend.builder(BackendKind.VLLM).models(MODEL).start()) {
                JsonNode answer = TestHttp.json(post(vllm, "/v1/messages", String.format(ASK, MODEL, "")));
                ContentResponse unknown = post(vllm, "/v1/messages", String.format(ASK, "gpt-4o", ""));

                assertThat(answer.has("stop_sequence")).isFalse();
                assertThat(unknown.getStatus()).isEqualTo(404);
                assertThat(unknown.getContentAsString()).isEqualTo("{\"type\":\"error\",\"error\":{\"type\":"
                        + "\"NotFoundError\",\"message\":\"The model `gpt-4o` does not exist.\"}}");
            }
        }
    }

    @Test
    void lmStudioAnswersInAnthropicsOwnShape() throws Exception {
        try (SimulatedBackend lmStudio = SimulatedBackend.builder(BackendKind.LM_STUDIO).models(MODEL).start()) {
            JsonNode answer = TestHttp.json(post(lmStudio, "/v1/messages", String.format(ASK, MODEL, "")));
            ContentResponse unknown = post(lmStudio, "/v1/messages", String.format(ASK, "gpt-4o", ""));

            assertThat(answer.fieldNames()).toIterable().containsExactly("id", "type", "role", "content", "model",
                    "stop_reason", "stop_sequence", "usage");
            assertThat(answer.get("stop_sequence").isNull()).isTrue();
            assertThat(unknown.getStatus()).isEqualTo(404);
            assertThat(unknown.getContentAsString()).isEqualTo(
                    "{\"type\":\"error\",\"error\":{\"type\":\"not_found_error\",\"message\":\"model: gpt-4o\"}}");
        }
    }

    @Test
    void countTokensIsMissingWhereThePlatformLacksIt() throws Exception {
        Map<BackendKind, String> notFound = Map.of(BackendKind.OLLAMA, "404 page not found",
                BackendKind.VLLM, "{\"detail\":\"Not Found\"}");
        for (Map.Entry<BackendKind, String> entry : notFound.entrySet()) {
            try (SimulatedBackend backend = SimulatedBackend.builder(entry.getKey()).models(MODEL).start()) {
                ContentResponse response = post(backend, "/v1/messages/count_tokens", String.format(ASK, MODEL, ""));

                assertThat(response.getStatus()).isEqualTo(404);
                assertThat(response.getContentAsString()).isEqualTo(entry.getValue());
            }
        }
    }

    @Test
    void deltasArriveAtTheScriptedPace_whileEventsOfOneStepArriveTogether() throws Exception {
        try (SimulatedBackend ollama = SimulatedBackend.builder(BackendKind.OLLAMA).models(MODEL).start()) {
            ollama.setChatScript(new ChatScript(3, Duration.ofMillis(200)));
            InputStreamResponseListener listener = new InputStreamResponseListener();
            long started = System.nanoTime();
            http.client().newRequest(ollama.baseUri().resolve("/v1/messages")).method(HttpMethod.POST)
                    .body(new StringRequestContent("application/json", String.format(ASK, MODEL, ",\"stream\":true")))
                    .timeout(TestHttp.TIMEOUT_SECONDS, TimeUnit.SECONDS).send(listener);
            listener.get(TestHttp.TIMEOUT_SECONDS, TimeUnit.SECONDS);

            List<Long> deltas = new ArrayList<>();
            long firstEvent = -1;
            try (BufferedReader reader = new BufferedReader(
                    new InputStreamReader(listener.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                    long at = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
                    firstEvent = firstEvent < 0 ? at : firstEvent;
                    if (line.equals("event: content_block_delta")) {
                        deltas.add(at);
                    }
                }
            }

            assertThat(deltas).hasSize(3);
            assertThat(deltas.get(0) - firstEvent).isLessThan(150);
            assertThat(deltas.get(1) - deltas.get(0)).isGreaterThanOrEqualTo(200 - 20);
            assertThat(deltas.get(2) - deltas.get(0)).isGreaterThanOrEqualTo(2 * 200 - 20);
        }
    }

    private static ContentResponse post(SimulatedBackend backend, String path, String body) throws Exception {
        return http.request(backend, path).method(HttpMethod.POST)
                .body(new StringRequestContent("application/json", body)).send();
    }
}
