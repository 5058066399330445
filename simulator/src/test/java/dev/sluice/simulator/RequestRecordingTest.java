package dev.sluice.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class RequestRecordingTest {

    private static TestHttp http;

    @BeforeAll
    static void startClient() {
        http = new TestHttp();
    }

    @AfterAll
    static void stopClient() {
        http.close();
    }

    @Test
    void countsRequestsPerPathIgnoringTheQuery() throws Exception {
        try (SimulatedBackend ollama = SimulatedBackend.builder(BackendKind.OLLAMA).start()) {
            http.get(ollama, "/api/tags");
            http.get(ollama, "/api/tags?verbose=true");
            http.get(ollama, "/");

            assertThat(ollama.requestCount("/api/tags")).isEqualTo(2);
            assertThat(ollama.requestCount("/")).isEqualTo(1);
            assertThat(ollama.requestCount("/api/ps")).isZero();
        }
    }

    @Test
    void recordsMethodPathAndLowerCasedHeaders() throws Exception {
        try (SimulatedBackend vllm = SimulatedBackend.builder(BackendKind.VLLM).start()) {
            http.request(vllm, "/v1/models")
                    .headers(h -> h.put("Authorization", "Bearer sk-test").put("X-Custom-Header", "one"))
                    .send();

            List<RecordedRequest> requests = vllm.requests();

            assertThat(requests).hasSize(1);
            RecordedRequest request = requests.get(0);
            assertThat(request.method()).isEqualTo("GET");
            assertThat(request.path()).isEqualTo("/v1/models");
            assertThat(request.headers()).containsKeys("authorization", "x-custom-header", "host");
            assertThat(request.header("AUTHORIZATION")).contains("Bearer sk-test");
            assertThat(request.header("x-missing")).isEmpty();
        }
    }

    @Test
    void unknownPathsAndFaultedRequestsAreRecordedToo() throws Exception {
        try (SimulatedBackend lmStudio = SimulatedBackend.builder(BackendKind.LM_STUDIO).start()) {
            lmStudio.setFault(Fault.HTML_DISCOVERY);
            http.get(lmStudio, "/api/v0/models");
            http.get(lmStudio, "/nowhere");

            assertThat(lmStudio.requests()).extracting(RecordedRequest::path)
                    .containsExactly("/api/v0/models", "/nowhere");
        }
    }

    @Test
    void countsSurviveRestarts() throws Exception {
        try (SimulatedBackend llama = SimulatedBackend.builder(BackendKind.LLAMACPP).start()) {
            http.get(llama, "/health");
            llama.restart();
            http.get(llama, "/health");

            assertThat(llama.requestCount("/health")).isEqualTo(2);
        }
    }

    @Test
    void recordedRequestIsAnImmutableCopy() {
        RecordedRequest request = new RecordedRequest("GET", "/", java.util.Map.of("X-A", List.of("1")));

        assertThat(request.headers()).containsKey("x-a");
        assertThat(request.header("x-a")).contains("1");
    }
}
