package dev.sluice.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sluice.simulator.BackendKind;
import dev.sluice.simulator.ChatFault;
import dev.sluice.simulator.ChatScript;
import dev.sluice.simulator.SimulatedBackend;
import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Ollama API at the proxy's root, through the real server: an Ollama and an OpenAI-only server behind it, and
 * a client that only speaks Ollama sees and uses the models of both. Requests for the Ollama's model pass through
 * untouched; the others are translated, and the client must not be able to tell.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(60)
class OllamaFrontDoorIntegrationTest {

    private static final String LLAMA = "llama3.2:3b";
    private static final String GPT = "gpt-oss-20b";
    private static final String FLAKY = "flaky-model";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String CHAT = "{\"model\":\"%s\",%s\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}";
    private static final ChatScript SCRIPT = new ChatScript(5, Duration.ZERO);

    private SimulatedBackend ollama;
    private SimulatedBackend openai;
    private SimulatedBackend flaky;
    private BreakingOpenAiBackend crashy;
    private RunningProxy proxy;

    @BeforeAll
    void start(@TempDir Path dir) throws Exception {
        ollama = SimulatedBackend.builder(BackendKind.OLLAMA).name("ollama").models(LLAMA).start();
        openai = SimulatedBackend.builder(BackendKind.OPENAI_COMPATIBLE).name("generic").models(GPT).start();
        flaky = SimulatedBackend.builder(BackendKind.SGLANG).name("flaky").models(FLAKY).start();
        crashy = new BreakingOpenAiBackend();
        proxy = RunningProxy.start(dir, RunningProxy.config("",
                RunningProxy.endpoint("ollama", ollama.baseUri(), "ollama"),
                RunningProxy.endpoint("generic", openai.baseUri(), "openai-compatible"),
                RunningProxy.endpoint("flaky", flaky.baseUri(), "sglang"),
                RunningProxy.endpoint("crashy", crashy.baseUri(), "openai-compatible")));
    }

    @AfterAll
    void stop() throws Exception {
        if (proxy != null) {
            proxy.close();
        }
        ollama.close();
        openai.close();
        flaky.close();
        crashy.close();
    }

    @BeforeEach
    void scripts() {
        ollama.setChatScript(SCRIPT);
        openai.setChatScript(SCRIPT);
        flaky.setChatScript(SCRIPT);
        flaky.setChatFault(ChatFault.NONE);
    }

    private HttpResponse<String> post(String path, String body, String... headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(proxy.uri(path)).timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body));
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return proxy.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static List<JsonNode> lines(String ndjson) throws IOException {
        List<JsonNode> lines = new ArrayList<>();
        for (String line : ndjson.split("\n")) {
            if (!line.isBlank()) {
                lines.add(JSON.readTree(line));
            }
        }
        return lines;
    }

    private static String content(List<JsonNode> lines, String pointer) {
        StringBuilder text = new StringBuilder();
        lines.forEach(line -> text.append(line.at(pointer).asText("")));
        return text.toString();
    }

    @Test
    void root_answersOllamaIsRunning_toGetAndHead() throws Exception {
        HttpResponse<String> get = proxy.get("/");
        assertThat(get.statusCode()).isEqualTo(200);
        assertThat(get.body()).isEqualTo("Ollama is running");
        HttpResponse<Void> head = proxy.http.send(HttpRequest.newBuilder(proxy.uri("/"))
                .method("HEAD", HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.discarding());
        assertThat(head.statusCode()).isEqualTo(200);
    }

    @Test
    void version_isAnOllamaVersion() throws Exception {
        assertThat(proxy.json(proxy.get("/api/version")).get("version").asText()).matches("\\d+\\.\\d+\\.\\d+");
    }

    @Nested
    class Tags {

        private List<String> names(String path) throws Exception {
            HttpResponse<String> response = proxy.get(path);
            assertThat(response.statusCode()).isEqualTo(200);
            List<String> names = new ArrayList<>();
            proxy.json(response).get("models").forEach(m -> names.add(m.get("name").asText()));
            return names;
        }

        @Test
        void listsTheModelsOfTheOllamaAndOfTheOpenAiOnlyBackends() throws Exception {
            assertThat(names("/api/tags")).containsExactlyInAnyOrder(LLAMA, GPT, FLAKY, BreakingOpenAiBackend.MODEL);
            JsonNode gpt = null;
            for (JsonNode model : proxy.json(proxy.get("/api/tags")).get("models")) {
                if (model.get("name").asText().equals(GPT)) {
                    gpt = model;
                }
            }
            assertThat(gpt.get("model").asText()).isEqualTo(GPT);
            assertThat(gpt.get("digest").asText()).hasSize(64);
            assertThat(gpt.has("details")).isTrue();
        }

        @Test
        void providerSuffix_filtersByEndpointType() throws Exception {
            assertThat(names("/api/tags/ollama")).containsExactly(LLAMA);
            assertThat(names("/api/tags/openai-compatible")).containsExactlyInAnyOrder(GPT, BreakingOpenAiBackend.MODEL);
            assertThat(names("/api/tags/crashy")).containsExactly(BreakingOpenAiBackend.MODEL);
            assertThat(names("/api/tags/sglang")).containsExactly(FLAKY);
            assertThat(names("/api/tags/gemini")).isEmpty();
        }
    }

    @Nested
    class Chat {

        @Test
        void ollamasModel_passesThroughToTheOllama_untouched() throws Exception {
            long before = ollama.requestCount("/api/chat");

            HttpResponse<String> response = post("/api/chat", CHAT.formatted(LLAMA, ""));

            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.headers().firstValue("X-Olla-Mode")).hasValue("passthrough");
            assertThat(response.headers().firstValue("X-Olla-Endpoint")).hasValue("ollama");
            assertThat(ollama.requestCount("/api/chat")).isEqualTo(before + 1);
            List<JsonNode> lines = lines(response.body());
            assertThat(content(lines, "/message/content")).isEqualTo(SCRIPT.fullText());
            assertThat(lines.get(lines.size() - 1).get("done").asBoolean()).isTrue();
        }

        @Test
        void openAiOnlyModel_streamsTranslatedNdjson_tokenByToken() throws Exception {
            long before = openai.requestCount("/v1/chat/completions");

            HttpResponse<String> response = post("/api/chat", CHAT.formatted(GPT, ""));

            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                    type -> assertThat(type).startsWith("application/x-ndjson"));
            assertThat(response.headers().firstValue("X-Olla-Mode")).hasValue("translation");
            assertThat(response.headers().firstValue("X-Olla-Endpoint")).hasValue("generic");
            assertThat(openai.requestCount("/v1/chat/completions")).isEqualTo(before + 1);
            List<JsonNode> lines = lines(response.body());
            assertThat(lines).hasSize(SCRIPT.chunks() + 1);
            for (int i = 0; i < SCRIPT.chunks(); i++) {
                assertThat(lines.get(i).at("/message/content").asText()).isEqualTo(SCRIPT.token(i));
                assertThat(lines.get(i).get("model").asText()).isEqualTo(GPT);
                assertThat(lines.get(i).get("done").asBoolean()).isFalse();
            }
            JsonNode last = lines.get(lines.size() - 1);
            assertThat(last.get("done").asBoolean()).isTrue();
            assertThat(last.get("done_reason").asText()).isEqualTo("stop");
            assertThat(last.get("eval_count").asLong()).isPositive();
            assertThat(last.get("prompt_eval_count").asLong()).isPositive();
            assertThat(last.get("total_duration").asLong()).isPositive();
        }

        @Test
        void openAiOnlyModel_notStreamed_isOneOllamaObject() throws Exception {
            HttpResponse<String> response = post("/api/chat", CHAT.formatted(GPT, "\"stream\":false,"));

            assertThat(response.statusCode()).isEqualTo(200);
            JsonNode body = proxy.json(response);
            assertThat(body.at("/message/role").asText()).isEqualTo("assistant");
            assertThat(body.at("/message/content").asText()).isEqualTo(SCRIPT.fullText());
            assertThat(body.get("done").asBoolean()).isTrue();
            assertThat(body.get("model").asText()).isEqualTo(GPT);
        }

        @Test
        void toolsOnAnOpenAiOnlyModel_comeBackAsOllamaToolCalls_withObjectArguments() throws Exception {
            String body = """
                    {"model":"%s","stream":%s,"messages":[{"role":"user","content":"find animals"}],
                     "tools":[{"type":"function","function":{"name":"search","parameters":{"type":"object"}}},
                              {"type":"function","function":{"name":"lookup","parameters":{"type":"object"}}}]}""";
            for (boolean stream : new boolean[] {true, false}) {
                HttpResponse<String> response = post("/api/chat", body.formatted(GPT, stream));
                assertThat(response.statusCode()).isEqualTo(200);
                List<JsonNode> calls = new ArrayList<>();
                for (JsonNode line : lines(response.body())) {
                    line.at("/message/tool_calls").forEach(calls::add);
                }
                assertThat(calls).hasSize(2);
                assertThat(calls.get(0).at("/function/name").asText()).isEqualTo("search");
                assertThat(calls.get(0).at("/function/arguments")).isEqualTo(JSON.readTree("{\"query\":\"fox\"}"));
                assertThat(calls.get(1).at("/function/arguments")).isEqualTo(JSON.readTree("{\"query\":\"dog\"}"));
            }
        }

        @Test
        void generate_onAnOpenAiOnlyModel_answersInResponse() throws Exception {
            HttpResponse<String> response = post("/api/generate",
                    "{\"model\":\"" + GPT + "\",\"prompt\":\"hi\",\"stream\":false}");
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(proxy.json(response).get("response").asText()).isEqualTo(SCRIPT.fullText());
            assertThat(proxy.json(response).get("done").asBoolean()).isTrue();
        }

        @Test
        void backendThatBreaksBeforeAnyAnswerText_is502_inOllamasShape() throws Exception {
            // The simulated crash lets only the role chunk through, which carries no text: nothing has reached the
            // client yet, so it still gets a status (a break after text is an error line; see the golden tests).
            flaky.setChatFault(ChatFault.DROP_MID_STREAM);

            HttpResponse<String> response = post("/api/chat", CHAT.formatted(FLAKY, ""));

            assertThat(response.statusCode()).isEqualTo(502);
            assertThat(proxy.json(response).get("error").asText()).contains("flaky");
        }

        @Test
        void backendThatBreaksAfterTextReachedTheClient_endsTheStreamWithAnOllamaErrorLine() throws Exception {
            HttpResponse<String> response = post("/api/chat", CHAT.formatted(BreakingOpenAiBackend.MODEL, ""));

            assertThat(response.statusCode()).isEqualTo(200);
            List<JsonNode> lines = lines(response.body());
            assertThat(content(lines, "/message/content")).isEqualTo("Hello there");
            assertThat(lines.get(lines.size() - 1).get("error").asText()).contains("crashy");
            assertThat(lines).noneMatch(line -> line.path("done").asBoolean());
        }

        @Test
        void loadOnlyRequest_onAnOpenAiOnlyModel_isAnsweredLoaded_withoutAskingTheBackend() throws Exception {
            // What the ollama CLI sends before a session: a chat with no messages.
            long before = openai.requestCount("/v1/chat/completions");

            HttpResponse<String> streamed = post("/api/chat", "{\"model\":\"" + GPT + "\",\"messages\":[]}");
            HttpResponse<String> whole = post("/api/generate", "{\"model\":\"" + GPT + "\",\"stream\":false}");

            assertThat(streamed.statusCode()).isEqualTo(200);
            assertThat(streamed.body()).endsWith("\n");
            assertThat(lines(streamed.body())).singleElement().satisfies(line -> {
                assertThat(line.get("done").asBoolean()).isTrue();
                assertThat(line.get("done_reason").asText()).isEqualTo("load");
            });
            assertThat(proxy.json(whole).get("done_reason").asText()).isEqualTo("load");
            assertThat(proxy.json(whole).get("response").asText()).isEmpty();
            assertThat(openai.requestCount("/v1/chat/completions")).isEqualTo(before);
        }

        @Test
        void unknownModel_is404_inOllamasShape() throws Exception {
            HttpResponse<String> response = post("/api/chat", CHAT.formatted("no-such-model", ""));

            assertThat(response.statusCode()).isEqualTo(404);
            assertThat(proxy.json(response).get("error").asText()).contains("no-such-model");
        }

        @Test
        void missingModel_is400_inOllamasShape() throws Exception {
            HttpResponse<String> response = post("/api/chat", "{\"messages\":[]}");

            assertThat(response.statusCode()).isEqualTo(400);
            assertThat(proxy.json(response).get("error").asText()).contains("model");
        }

        @Test
        void xProvider_pinsTheRequestToThatPlatform() throws Exception {
            HttpResponse<String> response = post("/api/chat", CHAT.formatted(GPT, "\"stream\":false,"),
                    "X-Provider", "ollama");

            assertThat(response.statusCode()).isIn(404, 503);
            assertThat(proxy.json(response).has("error")).isTrue();
        }
    }

    @Nested
    class Embeddings {

        @Test
        void embed_onAnOpenAiOnlyModel_isTranslated_oneVectorPerInput() throws Exception {
            long before = openai.requestCount("/v1/embeddings");

            HttpResponse<String> response = post("/api/embed", "{\"model\":\"" + GPT + "\",\"input\":[\"a\",\"b\"]}");

            assertThat(response.statusCode()).isEqualTo(200);
            JsonNode body = proxy.json(response);
            assertThat(body.get("model").asText()).isEqualTo(GPT);
            assertThat(body.get("embeddings")).hasSize(2);
            assertThat(body.at("/embeddings/0").size()).isPositive();
            assertThat(openai.requestCount("/v1/embeddings")).isEqualTo(before + 1);
        }

        @Test
        void legacyEmbeddings_onAnOpenAiOnlyModel_answerOneVector() throws Exception {
            HttpResponse<String> response = post("/api/embeddings", "{\"model\":\"" + GPT + "\",\"prompt\":\"a\"}");

            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(proxy.json(response).get("embedding").size()).isPositive();
        }

        @Test
        void embed_onTheOllamasModel_passesThrough() throws Exception {
            long before = ollama.requestCount("/api/embed");

            HttpResponse<String> response = post("/api/embed", "{\"model\":\"" + LLAMA + "\",\"input\":\"a\"}");

            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(proxy.json(response).get("embeddings")).hasSize(1);
            assertThat(ollama.requestCount("/api/embed")).isEqualTo(before + 1);
        }
    }

    @Nested
    class Show {

        @Test
        void modelOnlyAnOpenAiServerHas_isDescribedFromTheCatalogue() throws Exception {
            HttpResponse<String> response = post("/api/show", "{\"model\":\"" + GPT + "\"}");

            assertThat(response.statusCode()).isEqualTo(200);
            JsonNode body = proxy.json(response);
            assertThat(body.has("details")).isTrue();
            assertThat(body.get("capabilities").get(0).asText()).isEqualTo("completion");
        }

        @Test
        void ollamasModel_isAskedOfTheOllama() throws Exception {
            long before = ollama.requestCount("/api/show");

            HttpResponse<String> response = post("/api/show", "{\"name\":\"" + LLAMA + "\"}");

            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(ollama.requestCount("/api/show")).isEqualTo(before + 1);
        }

        @Test
        void unknownModel_is404() throws Exception {
            assertThat(post("/api/show", "{\"model\":\"nope\"}").statusCode()).isEqualTo(404);
        }
    }

    @Test
    void modelManagement_is501_andUnknownApiPaths_404() throws Exception {
        assertThat(post("/api/pull", "{\"model\":\"x\"}").statusCode()).isEqualTo(501);
        assertThat(proxy.get("/api/nothing").statusCode()).isEqualTo(404);
        assertThat(proxy.json(proxy.get("/api/nothing")).has("error")).isTrue();
    }

    @Test
    void runningModels_comeFromTheOllamas() throws Exception {
        HttpResponse<String> response = proxy.get("/api/ps");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(proxy.json(response).get("models").isArray()).isTrue();
    }

    @Nested
    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    class Disabled {

        private RunningProxy off;

        @BeforeAll
        void startWithoutFrontDoor(@TempDir Path dir) throws Exception {
            off = RunningProxy.start(dir, RunningProxy.config("  ollama_front_door:\n    enabled: false\n",
                    RunningProxy.endpoint("ollama", ollama.baseUri(), "ollama")));
        }

        @AfterAll
        void stopIt() {
            off.close();
        }

        @Test
        void rootApiPathsAre404_andOllasOwnOllamaRouteStillWorks() throws Exception {
            assertThat(off.get("/api/tags").statusCode()).isEqualTo(404);
            assertThat(off.get("/").statusCode()).isEqualTo(404);
            assertThat(off.http.send(HttpRequest.newBuilder(off.uri("/api/chat")).timeout(Duration.ofSeconds(10))
                    .POST(HttpRequest.BodyPublishers.ofString(CHAT.formatted(LLAMA, ""))).build(),
                    HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(404);
            assertThat(off.get("/olla/ollama/api/tags").statusCode()).isEqualTo(200);
        }
    }

    @Nested
    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    class RateLimited {

        private RunningProxy limited;

        @BeforeAll
        void startWithALowLimit(@TempDir Path dir) throws Exception {
            limited = RunningProxy.start(dir, String.join("\n", "server:", "  port: 0", "  request_logging: false",
                    "  rate_limits:", "    per_ip_requests_per_minute: 60", "    burst_size: 2",
                    "discovery:\n  static:\n    endpoints:\n" + RunningProxy.endpoint("ollama", ollama.baseUri(), "ollama")));
        }

        @AfterAll
        void stopIt() {
            limited.close();
        }

        @Test
        void frontDoorCallsCountAgainstTheClientsLimit_andRefusalsAreInOllamasShape() throws Exception {
            HttpResponse<String> first = limited.get("/api/tags");
            assertThat(first.statusCode()).isEqualTo(200);
            assertThat(first.headers().firstValue("X-RateLimit-Limit")).isPresent();
            limited.get("/api/tags");

            HttpResponse<String> refused = limited.get("/api/tags");

            assertThat(refused.statusCode()).isEqualTo(429);
            assertThat(refused.headers().firstValue("Retry-After")).isPresent();
            assertThat(limited.json(refused).get("error").asText()).contains("rate limit");
        }
    }
}
