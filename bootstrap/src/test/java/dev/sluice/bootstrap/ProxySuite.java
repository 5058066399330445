package dev.sluice.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sluice.simulator.BackendKind;
import dev.sluice.simulator.ChatScript;
import dev.sluice.simulator.SimulatedBackend;
import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Proxying through the real server to simulated backends that speak each platform's chat wire format. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(60)
abstract class ProxySuite {

    /** {@code proxy.engine} the suite runs against. */
    abstract String engine();


    private static final String CHAT = "{\"model\":\"%s\",\"stream\":%s,\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}";

    private SimulatedBackend ollama;
    private SimulatedBackend vllm;
    private RunningProxy proxy;

    @BeforeAll
    void start(@TempDir Path dir) throws Exception {
        ollama = SimulatedBackend.builder(BackendKind.OLLAMA).name("ollama").models("llama3.2:3b").start();
        vllm = SimulatedBackend.builder(BackendKind.VLLM).name("vllm").models("Qwen/Qwen2.5-7B-Instruct").start();
        proxy = RunningProxy.start(dir, RunningProxy.config(
                "proxy:\n  engine: " + engine() + "\nmodel_aliases:\n  house-model:\n    - Qwen/Qwen2.5-7B-Instruct\n",
                RunningProxy.endpoint("ollama", ollama.baseUri(), "ollama"),
                RunningProxy.endpoint("vllm", vllm.baseUri(), "vllm")));
    }

    @AfterAll
    void stop() {
        if (proxy != null) {
            proxy.close();
        }
        ollama.close();
        vllm.close();
    }

    @BeforeEach
    void quickScripts() {
        ollama.setChatScript(ChatScript.defaults());
        vllm.setChatScript(ChatScript.defaults());
    }

    @Test
    void theUniversalRouteSendsEachModelToTheBackendThatHasIt() throws Exception {
        HttpResponse<String> toVllm = proxy.post("/olla/proxy/v1/chat/completions",
                CHAT.formatted("Qwen/Qwen2.5-7B-Instruct", false));
        assertThat(toVllm.statusCode()).isEqualTo(200);
        assertThat(toVllm.headers().firstValue("X-Olla-Endpoint")).contains("vllm");
        assertThat(toVllm.headers().firstValue("X-Olla-Backend-Type")).contains("vllm");
        assertThat(toVllm.headers().firstValue("X-Olla-Model")).contains("Qwen/Qwen2.5-7B-Instruct");
        assertThat(toVllm.headers().firstValue("X-Olla-Routing-Decision")).contains("routed");
        assertThat(proxy.json(toVllm).at("/choices/0/message/content").asText()).isEqualTo("The quick brown fox jumps");

        HttpResponse<String> toOllama = proxy.post("/olla/proxy/v1/chat/completions",
                CHAT.formatted("LLAMA3.2:3b", false));
        assertThat(toOllama.headers().firstValue("X-Olla-Endpoint")).contains("ollama");
        // Matched ignoring case, forwarded and reported exactly as the client wrote it.
        assertThat(toOllama.headers().firstValue("X-Olla-Model")).contains("LLAMA3.2:3b");
    }

    @Test
    void aProviderRouteNeverWidensToOtherPlatforms() throws Exception {
        HttpResponse<String> response = proxy.post("/olla/ollama/v1/chat/completions",
                CHAT.formatted("Qwen/Qwen2.5-7B-Instruct", false));
        assertThat(response.statusCode()).isEqualTo(503);
        assertThat(response.headers().firstValue("X-Olla-Routing-Decision")).contains("rejected");
        assertThat(response.headers().firstValue("X-Olla-Routing-Reason")).contains("model_unavailable");
    }

    @Test
    void anUnknownModelIs404WithTheRoutingHeaders() throws Exception {
        HttpResponse<String> response = proxy.post("/olla/proxy/v1/chat/completions", CHAT.formatted("gpt-9", false));
        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.headers().firstValue("X-Olla-Routing-Strategy")).contains("strict");
        assertThat(response.headers().firstValue("X-Olla-Routing-Reason")).contains("model_not_found");
        assertThat(proxy.json(response).at("/error/code").asText()).isEqualTo("model_not_found");
        assertThat(proxy.json(response).at("/error/type").asText()).isEqualTo("invalid_request_error");
    }

    @Test
    void ollamaPathsAnswerErrorsInOllamasShape() throws Exception {
        HttpResponse<String> response = proxy.post("/olla/ollama/api/chat", CHAT.formatted("nope:1b", false));
        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(proxy.json(response).get("error").isTextual()).isTrue();
    }

    @Test
    void anAliasIsRewrittenInTheBodyForTheChosenEndpoint() throws Exception {
        HttpResponse<String> response = proxy.post("/olla/openai/v1/chat/completions", CHAT.formatted("house-model", false));
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("X-Olla-Routing-Strategy")).contains("alias");
        // The simulator echoes the model it was asked for: the native name, not the alias.
        assertThat(proxy.json(response).get("model").asText()).isEqualTo("Qwen/Qwen2.5-7B-Instruct");
    }

    @Test
    void aPathOutsideTheAllowlistAndMalformedJsonNeverReachABackend() throws Exception {
        int ollamaBefore = ollama.requests().size();
        int vllmBefore = vllm.requests().size();
        HttpResponse<String> notAllowed = proxy.post("/olla/ollama/api/secret-admin", "{}");
        assertThat(notAllowed.statusCode()).isEqualTo(404);
        assertThat(notAllowed.body()).contains("/api/chat");
        HttpResponse<String> malformed = proxy.post("/olla/proxy/v1/chat/completions", "{\"model\": \"llama3.2:3b\",");
        assertThat(malformed.statusCode()).isEqualTo(400);
        assertThat(proxy.json(malformed).at("/error/type").asText()).isEqualTo("invalid_request_error");
        HttpResponse<String> pull = proxy.post("/olla/ollama/api/pull", "{\"model\":\"x\"}");
        assertThat(pull.statusCode()).isEqualTo(501);
        assertThat(notProbes(ollama, ollamaBefore)).as("requests that reached ollama, health probes aside").isEmpty();
        assertThat(notProbes(vllm, vllmBefore)).as("requests that reached vllm, health probes aside").isEmpty();
    }

    // Health probes and discovery keep arriving during the test; only they may have reached a backend. Counted per
    // backend: one list made of two growing ones cannot be cut at a single earlier size.
    private static List<String> notProbes(SimulatedBackend backend, int before) {
        List<String> paths = new ArrayList<>();
        backend.requests().forEach(r -> paths.add(r.path()));
        return paths.subList(before, paths.size()).stream()
                .filter(p -> !(p.equals("/") || p.equals("/health") || p.equals("/api/tags") || p.equals("/v1/models")))
                .toList();
    }

    @Test
    void modelListsAreAnsweredFromTheCatalogue() throws Exception {
        JsonNode tags = proxy.json(proxy.get("/olla/ollama/api/tags"));
        assertThat(tags.at("/models/0/name").asText()).isEqualTo("llama3.2:3b");
        JsonNode openai = proxy.json(proxy.get("/olla/openai/v1/models"));
        assertThat(openai.get("data")).extracting(m -> m.get("id").asText())
                .contains("llama3.2:3b", "Qwen/Qwen2.5-7B-Instruct");
        JsonNode vllmOnly = proxy.json(proxy.get("/olla/vllm/v1/models"));
        assertThat(vllmOnly.get("data")).extracting(m -> m.get("id").asText()).containsExactly("Qwen/Qwen2.5-7B-Instruct");
    }

    @Test
    void chunksReachTheClientSpacedAsTheBackendSpacedThem() throws Exception {
        vllm.setChatScript(new ChatScript(20, Duration.ofMillis(50)));
        long sent = System.nanoTime();
        HttpResponse<InputStream> response = proxy.http.send(HttpRequest.newBuilder(
                        proxy.uri("/olla/vllm/v1/chat/completions")).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(CHAT.formatted("Qwen/Qwen2.5-7B-Instruct", true))).build(),
                HttpResponse.BodyHandlers.ofInputStream());
        List<Long> arrivals = new ArrayList<>();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                if (line.startsWith("data: ") && line.contains("\"content\":\"") && !line.contains("\"content\":\"\"")) {
                    arrivals.add((System.nanoTime() - sent) / 1_000_000);
                }
            }
        }
        assertThat(response.headers().firstValue("content-type")).get().asString().startsWith("text/event-stream");
        assertThat(arrivals).hasSize(20);
        assertThat(arrivals.get(0)).as("first token, ms after the request").isLessThan(300);
        long spread = arrivals.get(19) - arrivals.get(0);
        assertThat(spread).as("first to last token, ms (19 gaps of 50 ms)").isBetween(800L, 2500L);
    }

    @Test
    void aClientThatHangsUpReleasesItsLease() throws Exception {
        vllm.setChatScript(new ChatScript(40, Duration.ofMillis(100)));
        HttpResponse<InputStream> response = proxy.http.send(HttpRequest.newBuilder(
                        proxy.uri("/olla/vllm/v1/chat/completions")).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(CHAT.formatted("Qwen/Qwen2.5-7B-Instruct", true))).build(),
                HttpResponse.BodyHandlers.ofInputStream());
        InputStream body = response.body();
        assertThat(body.read()).isNotNegative();
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() ->
                assertThat(proxy.endpointStatus("vllm").get("active_connections").asLong()).isEqualTo(1));
        body.close();
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() ->
                assertThat(proxy.endpointStatus("vllm").get("active_connections").asLong()).isZero());
    }
}
