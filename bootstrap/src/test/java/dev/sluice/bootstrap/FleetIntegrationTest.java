package dev.sluice.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sluice.adapters.config.Configuration;
import dev.sluice.simulator.BackendKind;
import dev.sluice.simulator.SimulatedBackend;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real server on a free port in front of simulated Ollama (two), LM Studio, llama.cpp and vLLM backends:
 * health, unification, and a backend going away and coming back.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@Timeout(60)
class FleetIntegrationTest {

    private static final Duration DEADLINE = Duration.ofSeconds(10);

    private final ObjectMapper json = new ObjectMapper();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final List<SimulatedBackend> backends = new ArrayList<>();
    private SimulatedBackend ollamaA;
    private SimulatedBackend ollamaB;
    private SimulatedBackend lmStudio;
    private SimulatedBackend llamaCpp;
    private SimulatedBackend vllm;
    private SluiceApp app;

    @BeforeAll
    void startFleet(@TempDir Path dir) throws Exception {
        ollamaA = started(SimulatedBackend.builder(BackendKind.OLLAMA).name("ollama-a")
                .models("llama3.2:3b", "qwen2.5-coder:7b"));
        ollamaB = started(SimulatedBackend.builder(BackendKind.OLLAMA).name("ollama-b").models("llama3.2:3b"));
        lmStudio = started(SimulatedBackend.builder(BackendKind.LM_STUDIO).models("phi-4-mini-instruct"));
        llamaCpp = started(SimulatedBackend.builder(BackendKind.LLAMACPP).models("gemma-3-4b-it-Q4_K_M.gguf"));
        vllm = started(SimulatedBackend.builder(BackendKind.VLLM).models("mistralai/Mistral-7B-Instruct-v0.3"));
        Path config = dir.resolve("config.yaml");
        Files.writeString(config, String.join("\n",
                "server:",
                "  port: 0",
                "  request_logging: false",
                "discovery:",
                "  static:",
                "    endpoints:",
                endpoint("ollama-a", ollamaA, "ollama"),
                endpoint("ollama-b", ollamaB, "ollama"),
                endpoint("lm-studio", lmStudio, "lm-studio"),
                endpoint("llamacpp", llamaCpp, "llamacpp"),
                endpoint("vllm", vllm, "vllm"),
                ""));
        app = new SluiceApp(Configuration.load(Optional.of(config), Map.of(), dir));
        app.start();
    }

    private SimulatedBackend started(SimulatedBackend.Builder builder) {
        SimulatedBackend backend = builder.start();
        backends.add(backend);
        return backend;
    }

    private static String endpoint(String name, SimulatedBackend backend, String type) {
        return String.join("\n",
                "      - url: \"" + backend.baseUri() + "\"",
                "        name: \"" + name + "\"",
                "        type: \"" + type + "\"",
                "        check_interval: 1s",
                "        check_timeout: 800ms");
    }

    @AfterAll
    void stopFleet() {
        if (app != null) {
            app.close();
        }
        backends.forEach(SimulatedBackend::close);
    }

    @Test
    void everyBackendIsHealthyWithItsModelsAfterStartup() throws Exception {
        JsonNode endpoints = get("/internal/status/endpoints");
        assertThat(endpoints.get("total_count").asInt()).isEqualTo(5);
        assertThat(endpoints.get("healthy_count").asInt()).isEqualTo(5);
        for (JsonNode e : endpoints.get("endpoints")) {
            assertThat(e.get("status").asText()).as(e.get("name").asText()).isEqualTo("healthy");
            assertThat(e.get("model_count").asInt()).as(e.get("name").asText()).isPositive();
        }
        assertThat(modelIds()).contains("llama3.2:3b", "qwen2.5-coder:7b", "phi-4-mini-instruct",
                "gemma-3-4b-it-Q4_K_M.gguf", "mistralai/Mistral-7B-Instruct-v0.3");
    }

    @Test
    void theSameModelOnTwoOllamasIsOneCatalogueEntryListingBoth() throws Exception {
        JsonNode data = get("/olla/models").get("data");
        List<JsonNode> llama = StreamSupport.stream(data.spliterator(), false)
                .filter(m -> m.get("id").asText().equals("llama3.2:3b")).toList();
        assertThat(llama).hasSize(1);
        List<String> where = StreamSupport.stream(llama.get(0).at("/olla/availability").spliterator(), false)
                .map(a -> a.get("endpoint").asText()).toList();
        assertThat(where).containsExactlyInAnyOrder("ollama-a", "ollama-b");
        assertThat(llama.get(0).at("/olla/family").asText()).isEqualTo("llama");
    }

    @Test
    void modelIdsWithSlashesResolveWhole() throws Exception {
        JsonNode model = get("/olla/models/mistralai/Mistral-7B-Instruct-v0.3");
        assertThat(model.get("id").asText()).isEqualTo("mistralai/Mistral-7B-Instruct-v0.3");
        assertThat(model.get("endpoints")).extracting(JsonNode::asText).containsExactly("vllm");
    }

    @Test
    @Order(Integer.MAX_VALUE) // last: it takes a backend away
    void aStoppedBackendGoesOfflineAndItsModelsLeave_thenComeBackWhenItDoes() throws Exception {
        lmStudio.stop();
        await().atMost(DEADLINE).untilAsserted(() -> assertThat(statusOf("lm-studio")).isEqualTo("offline"));
        await().atMost(DEADLINE).untilAsserted(() -> assertThat(modelIds()).doesNotContain("phi-4-mini-instruct"));
        assertThat(get("/olla/models?include_unavailable=true").toString()).contains("phi-4-mini-instruct");

        lmStudio.restart();
        await().atMost(DEADLINE).untilAsserted(() -> assertThat(statusOf("lm-studio")).isEqualTo("healthy"));
        await().atMost(DEADLINE).untilAsserted(() -> assertThat(modelIds()).contains("phi-4-mini-instruct"));
    }

    @Test
    void unknownRoutesAndModelsAnswerJson() throws Exception {
        HttpResponse<String> missing = raw("/olla/models/no-such-model");
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(json.readTree(missing.body()).at("/error/code").asText()).isEqualTo("model_not_found");
        HttpResponse<String> badFormat = raw("/olla/models?format=xml");
        assertThat(badFormat.statusCode()).isEqualTo(400);
        assertThat(badFormat.headers().firstValue("content-type")).get().asString().startsWith("application/json");
        assertThat(raw("/no/such/route").statusCode()).isEqualTo(404);
    }

    @Test
    void ollamaFormatListsOnlyModelsAnOllamaServes() throws Exception {
        JsonNode models = get("/olla/models?format=ollama").get("models");
        List<String> names = StreamSupport.stream(models.spliterator(), false).map(m -> m.get("name").asText()).toList();
        assertThat(names).contains("llama3.2:3b", "qwen2.5-coder:7b").doesNotContain("phi-4-mini-instruct");
    }

    private String statusOf(String name) throws Exception {
        for (JsonNode e : get("/internal/status/endpoints").get("endpoints")) {
            if (e.get("name").asText().equals(name)) {
                return e.get("status").asText();
            }
        }
        throw new AssertionError("no endpoint " + name);
    }

    private List<String> modelIds() throws Exception {
        return StreamSupport.stream(get("/olla/models").get("data").spliterator(), false)
                .map(m -> m.get("id").asText()).toList();
    }

    private JsonNode get(String path) throws IOException, InterruptedException {
        HttpResponse<String> response = raw(path);
        assertThat(response.statusCode()).as(path).isEqualTo(200);
        return json.readTree(response.body());
    }

    private HttpResponse<String> raw(String path) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.port() + path))
                .timeout(Duration.ofSeconds(5)).GET().build();
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }
}
