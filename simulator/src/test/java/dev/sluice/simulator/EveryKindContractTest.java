package dev.sluice.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.jetty.client.ContentResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** What every kind promises, whatever its wire format: health, discovery and live model changes. */
class EveryKindContractTest {

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
    @EnumSource(BackendKind.class)
    void healthAnswers200OnLoopback(BackendKind kind) throws Exception {
        try (SimulatedBackend backend = SimulatedBackend.builder(kind).start()) {
            assertThat(backend.baseUri().getHost()).isEqualTo("127.0.0.1");
            assertThat(http.get(backend, kind.healthPath()).getStatus()).isEqualTo(200);
        }
    }

    @ParameterizedTest
    @EnumSource(BackendKind.class)
    void discoveryNamesTheConfiguredModels(BackendKind kind) throws Exception {
        try (SimulatedBackend backend = SimulatedBackend.builder(kind).models("llama3.2:3b").start()) {
            ContentResponse response = http.get(backend, kind.discoveryPath());

            assertThat(response.getStatus()).isEqualTo(200);
            assertThat(response.getHeaders().get("Content-Type")).startsWith("application/json");
            assertThat(namesIn(kind, TestHttp.json(response))).contains("llama3.2:3b");
        }
    }

    @ParameterizedTest
    @EnumSource(value = BackendKind.class, names = "LLAMACPP", mode = EnumSource.Mode.EXCLUDE)
    void setModelsChangesDiscoveryFromTheNextRequest(BackendKind kind) throws Exception {
        try (SimulatedBackend backend = SimulatedBackend.builder(kind).models("a-model:1b").start()) {
            backend.setModels(List.of(SimulatedModel.named("b-model:2b"), SimulatedModel.named("c-model:3b")));

            List<String> names = namesIn(kind,
                    TestHttp.json(http.get(backend, kind.discoveryPath())));

            assertThat(names).containsExactly("b-model:2b", "c-model:3b");
        }
    }

    @ParameterizedTest
    @EnumSource(BackendKind.class)
    void emptyModelListIsServedAsAnEmptyList(BackendKind kind) throws Exception {
        try (SimulatedBackend backend = SimulatedBackend.builder(kind).models(List.of()).start()) {
            ContentResponse response = http.get(backend, kind.discoveryPath());

            assertThat(response.getStatus()).isEqualTo(200);
            assertThat(namesIn(kind, TestHttp.json(response))).isEmpty();
        }
    }

    @ParameterizedTest
    @EnumSource(BackendKind.class)
    void healthStatusOverrideLeavesSeparateDiscoveryWorking(BackendKind kind) throws Exception {
        try (SimulatedBackend backend = SimulatedBackend.builder(kind).start()) {
            backend.setHealthStatus(503);

            assertThat(http.get(backend, kind.healthPath()).getStatus()).isEqualTo(503);
            if (!kind.healthPath().equals(kind.discoveryPath())) {
                assertThat(http.get(backend, kind.discoveryPath()).getStatus()).isEqualTo(200);
            }
            backend.setHealthStatus(200);
            assertThat(http.get(backend, kind.healthPath()).getStatus()).isEqualTo(200);
        }
    }

    /** Ollama lists {@code models[].name}, everyone else OpenAI's {@code data[].id}. */
    private static List<String> namesIn(BackendKind kind, JsonNode body) {
        boolean ollama = kind == BackendKind.OLLAMA;
        List<String> names = new ArrayList<>();
        if (kind == BackendKind.GEMINI) {
            body.get("models").forEach(entry -> names.add(entry.get("name").asText().substring("models/".length())));
            return names;
        }
        body.get(ollama ? "models" : "data").forEach(entry -> names.add(entry.get(ollama ? "name" : "id").asText()));
        return names;
    }
}
