package dev.sluice.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
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

class ChatStreamingTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String CHAT = "{\"model\":\"%s\",\"messages\":[{\"role\":\"user\",\"content\":\"say hi\"}]%s}";

    /** Where each OpenAI-style kind serves chat; llama.cpp's variant has its own LlamaCppChatWireFormatTest. */
    private static final Map<BackendKind, String> CHAT_PATHS = Map.of(
            BackendKind.OLLAMA, "/v1/chat/completions",
            BackendKind.LM_STUDIO, "/v1/chat/completions",
            BackendKind.OPENAI_COMPATIBLE, "/v1/chat/completions",
            BackendKind.VLLM, "/v1/chat/completions",
            BackendKind.SGLANG, "/v1/chat/completions",
            BackendKind.LEMONADE, "/api/v1/chat/completions",
            BackendKind.DOCKER_MODEL_RUNNER, "/engines/v1/chat/completions",
            BackendKind.LITELLM, "/v1/chat/completions",
            BackendKind.LMDEPLOY, "/v1/chat/completions");

    private static TestHttp http;

    @BeforeAll
    static void startClient() {
        http = new TestHttp();
    }

    @AfterAll
    static void stopClient() {
        http.close();
    }

    @Nested
    class Ollama {

        @Test
        void chatStreamsNdjsonByDefault() throws Exception {
            try (SimulatedBackend ollama = SimulatedBackend.builder(BackendKind.OLLAMA).models("llama3.2:3b").start()) {
                ContentResponse response = post(ollama, "/api/chat", String.format(CHAT, "llama3.2:3b", ""));
                List<JsonNode> lines = ndjson(response);

                assertThat(response.getHeaders().get("Content-Type")).isEqualTo("application/x-ndjson");
                assertThat(lines).hasSize(6);
                assertThat(lines.subList(0, 5)).allSatisfy(line -> assertThat(line.get("done").asBoolean()).isFalse());
                assertThat(lines.stream().map(line -> line.get("message").get("content").asText())
                        .collect(Collectors.joining())).isEqualTo("The quick brown fox jumps");
                JsonNode last = lines.get(5);
                assertThat(last.get("done").asBoolean()).isTrue();
                assertThat(last.get("done_reason").asText()).isEqualTo("stop");
                assertThat(last.get("eval_count").asInt()).isEqualTo(5);
                assertThat(last.get("prompt_eval_count").asInt()).isEqualTo(2);
            }
        }

        @Test
        void chatAnswersOneObjectWhenNotStreaming() throws Exception {
            try (SimulatedBackend ollama = SimulatedBackend.builder(BackendKind.OLLAMA).models("llama3.2:3b").start()) {
                ollama.setChatScript(new ChatScript(3, Duration.ZERO));

                JsonNode body = TestHttp.json(post(ollama, "/api/chat",
                        String.format(CHAT, "llama3.2:3b", ",\"stream\":false")));

                assertThat(body.get("message").get("content").asText()).isEqualTo("The quick brown");
                assertThat(body.get("done").asBoolean()).isTrue();
            }
        }

        @Test
        void generateUsesResponseAndReturnsContext() throws Exception {
            try (SimulatedBackend ollama = SimulatedBackend.builder(BackendKind.OLLAMA).models("llama3.2:3b").start()) {
                List<JsonNode> lines = ndjson(post(ollama, "/api/generate",
                        "{\"model\":\"llama3.2:3b\",\"prompt\":\"one two three\"}"));

                assertThat(lines.get(0).get("response").asText()).isEqualTo("The");
                assertThat(lines.get(lines.size() - 1).get("context")).hasSize(3);
            }
        }

        @Test
        void unknownModelIsA404InOllamasWords() throws Exception {
            try (SimulatedBackend ollama = SimulatedBackend.builder(BackendKind.OLLAMA).models("llama3.2:3b").start()) {
                ContentResponse response = post(ollama, "/api/chat", String.format(CHAT, "mistral", ""));

                assertThat(response.getStatus()).isEqualTo(404);
                assertThat(TestHttp.json(response).get("error").asText())
                        .isEqualTo("model \"mistral\" not found, try pulling it first");
            }
        }

        @Test
        void implicitLatestTagIsAccepted() throws Exception {
            try (SimulatedBackend ollama = SimulatedBackend.builder(BackendKind.OLLAMA).models("qwen3:latest").start()) {
                assertThat(post(ollama, "/api/chat", String.format(CHAT, "qwen3", "")).getStatus()).isEqualTo(200);
            }
        }
    }

    @Nested
    class OpenAiStyle {

        @ParameterizedTest
        @EnumSource(value = BackendKind.class, mode = EnumSource.Mode.EXCLUDE, // hosted kinds: HostedKindsTest
                names = {"LLAMACPP", "OPENAI_API", "ANTHROPIC", "GEMINI", "AZURE_OPENAI"})
        void nonStreamingChatIsOneCompletionObject(BackendKind kind) throws Exception {
            try (SimulatedBackend backend = SimulatedBackend.builder(kind).models("m-1b").start()) {
                ContentResponse response = post(backend, CHAT_PATHS.get(kind), String.format(CHAT, "m-1b", ""));
                JsonNode body = TestHttp.json(response);

                assertThat(response.getStatus()).isEqualTo(200);
                assertThat(body.get("object").asText()).isEqualTo("chat.completion");
                assertThat(body.get("model").asText()).isEqualTo("m-1b");
                assertThat(body.get("choices").get(0).get("message").get("content").asText())
                        .isEqualTo("The quick brown fox jumps");
                assertThat(body.get("usage").get("completion_tokens").asInt()).isEqualTo(5);
            }
        }

        @Test
        void streamIsSseEndingWithDone() throws Exception {
            try (SimulatedBackend vllm = SimulatedBackend.builder(BackendKind.VLLM).models("m-1b").start()) {
                ContentResponse response = post(vllm, "/v1/chat/completions",
                        String.format(CHAT, "m-1b", ",\"stream\":true"));
                String body = response.getContentAsString();
                List<String> events = Arrays.asList(body.split("\n\n"));

                assertThat(response.getHeaders().get("Content-Type")).startsWith("text/event-stream");
                assertThat(body).endsWith("data: [DONE]\n\n").doesNotContain("\r");
                assertThat(events).hasSize(8).allSatisfy(event -> assertThat(event).startsWith("data: "));
                JsonNode role = JSON.readTree(events.get(0).substring(6));
                assertThat(role.get("choices").get(0).get("delta").get("role").asText()).isEqualTo("assistant");
                JsonNode finish = JSON.readTree(events.get(6).substring(6));
                assertThat(finish.get("choices").get(0).get("finish_reason").asText()).isEqualTo("stop");
                assertThat(finish.has("usage")).isFalse();
            }
        }

        @Test
        void includeUsageAddsAUsageChunkWithNoChoices() throws Exception {
            try (SimulatedBackend vllm = SimulatedBackend.builder(BackendKind.VLLM).models("m-1b").start()) {
                String body = post(vllm, "/v1/chat/completions", String.format(CHAT, "m-1b",
                        ",\"stream\":true,\"stream_options\":{\"include_usage\":true}")).getContentAsString();
                String[] events = body.split("\n\n");

                JsonNode usage = JSON.readTree(events[events.length - 2].substring(6));
                assertThat(usage.get("choices")).isEmpty();
                assertThat(usage.get("usage").get("total_tokens").asInt()).isEqualTo(7);
            }
        }

        @Test
        void unknownModelAndBadJsonAreErrorsInTheStacksStyle() throws Exception {
            try (SimulatedBackend vllm = SimulatedBackend.builder(BackendKind.VLLM).models("m-1b").start()) {
                ContentResponse unknown = post(vllm, "/v1/chat/completions", String.format(CHAT, "gpt-4o", ""));
                ContentResponse bad = post(vllm, "/v1/chat/completions", "{not json");

                assertThat(unknown.getStatus()).isEqualTo(404);
                assertThat(TestHttp.json(unknown).get("detail").asText()).contains("gpt-4o");
                assertThat(bad.getStatus()).isEqualTo(400);
            }
        }
    }

    @Test
    void chunksArriveOneByOneAtTheScriptedPace() throws Exception {
        try (SimulatedBackend openAi = SimulatedBackend.builder(BackendKind.OPENAI_COMPATIBLE).models("m").start()) {
            openAi.setChatScript(new ChatScript(3, Duration.ofMillis(150)));
            InputStreamResponseListener listener = new InputStreamResponseListener();
            long started = System.nanoTime();
            http.client().newRequest(openAi.baseUri().resolve("/v1/chat/completions")).method(HttpMethod.POST)
                    .body(new StringRequestContent("application/json", String.format(CHAT, "m", ",\"stream\":true")))
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

            // Role, 3 tokens, finish, [DONE]: 6 events and 5 pauses of 150 ms between them.
            assertThat(arrivals).hasSize(6);
            // One pause of slack: a first read that a busy machine delays shortens the span it measures.
            assertThat(arrivals.get(5) - arrivals.get(0)).isGreaterThanOrEqualTo(4 * 150);
            assertThat(arrivals.get(0)).isLessThan(arrivals.get(5) - 500);
        }
    }

    private static ContentResponse post(SimulatedBackend backend, String path, String body) throws Exception {
        return http.request(backend, path).method(HttpMethod.POST)
                .body(new StringRequestContent("application/json", body)).send();
    }

    private static List<JsonNode> ndjson(ContentResponse response) throws Exception {
        List<JsonNode> lines = new ArrayList<>();
        for (String line : response.getContentAsString().split("\n")) {
            lines.add(JSON.readTree(line));
        }
        return lines;
    }
}
