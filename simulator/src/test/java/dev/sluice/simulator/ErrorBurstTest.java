package dev.sluice.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.eclipse.jetty.client.ContentResponse;
import org.eclipse.jetty.client.StringRequestContent;
import org.eclipse.jetty.http.HttpMethod;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Error bursts: the next N generating requests fail in the platform's own error shape, then service resumes. */
class ErrorBurstTest {

    private static final String CHAT = "{\"model\":\"%s\",\"stream\":false,\"messages\":[{\"role\":\"user\","
            + "\"content\":\"hi\"}]}";

    /** A generating route of each kind. */
    private static final Map<BackendKind, String> CHAT_PATHS = Map.of(
            BackendKind.OLLAMA, "/api/chat",
            BackendKind.LM_STUDIO, "/v1/chat/completions",
            BackendKind.OPENAI_COMPATIBLE, "/v1/chat/completions",
            BackendKind.VLLM, "/v1/chat/completions",
            BackendKind.SGLANG, "/v1/chat/completions",
            BackendKind.LLAMACPP, "/v1/chat/completions",
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

    private static ContentResponse chat(SimulatedBackend backend) throws Exception {
        String model = backend.models().get(0).name();
        return http.request(backend, CHAT_PATHS.get(backend.kind())).method(HttpMethod.POST)
                .body(new StringRequestContent("application/json", String.format(CHAT, model))).send();
    }

    private static List<Integer> statuses(SimulatedBackend backend, int requests) throws Exception {
        List<Integer> statuses = new ArrayList<>();
        for (int i = 0; i < requests; i++) {
            statuses.add(chat(backend).getStatus());
        }
        return statuses;
    }

    @ParameterizedTest // the hosted kinds' bursts are in HostedKindsTest: their chat bodies differ
    @EnumSource(value = BackendKind.class, mode = EnumSource.Mode.EXCLUDE,
            names = {"OPENAI_API", "ANTHROPIC", "GEMINI", "AZURE_OPENAI"})
    void theNextRequestsFailInTheStacksErrorShapeThenServiceResumes(BackendKind kind) throws Exception {
        try (SimulatedBackend backend = SimulatedBackend.builder(kind).start()) {
            backend.setChatErrorBurst(503, 2, Duration.ZERO);

            ContentResponse first = chat(backend);

            assertThat(first.getStatus()).isEqualTo(503);
            assertThat(first.getHeaders().get("Retry-After")).isNull();
            assertThat(TestHttp.json(first).isObject()).as("the stack's JSON error body").isTrue();
            assertThat(statuses(backend, 3)).containsExactly(503, 200, 200);
        }
    }

    @Test
    void aRateLimitBurstCarriesRetryAfterInWholeSecondsRoundedUp() throws Exception {
        try (SimulatedBackend ollama = SimulatedBackend.builder(BackendKind.OLLAMA).start()) {
            ollama.setChatErrorBurst(429, 1, Duration.ofMillis(1500));

            ContentResponse limited = chat(ollama);

            assertThat(limited.getStatus()).isEqualTo(429);
            assertThat(limited.getHeaders().get("Retry-After")).isEqualTo("2");
            assertThat(TestHttp.json(limited).get("error").asText()).contains("rate limit");
        }
    }

    @Test
    void healthAndDiscoveryAreNotPartOfTheBurst() throws Exception {
        try (SimulatedBackend ollama = SimulatedBackend.builder(BackendKind.OLLAMA).start()) {
            ollama.setChatErrorBurst(500, 1, Duration.ZERO);

            assertThat(http.get(ollama, "/").getStatus()).isEqualTo(200);
            assertThat(http.get(ollama, "/api/tags").getStatus()).isEqualTo(200);
            assertThat(statuses(ollama, 2)).containsExactly(500, 200);
        }
    }

    @Test
    void aBurstComesBeforeTheChatFaultWhichResumesAfterIt() throws Exception {
        try (SimulatedBackend ollama = SimulatedBackend.builder(BackendKind.OLLAMA).start()) {
            ollama.setChatFault(ChatFault.MALFORMED_JSON);
            ollama.setChatErrorBurst(503, 1, Duration.ZERO);

            assertThat(chat(ollama).getStatus()).isEqualTo(503);
            assertThat(chat(ollama).getContentAsString()).isEqualTo(MalformedJsonRoute.BODY);
        }
    }

    @Test
    void aNewBurstReplacesWhatIsLeftOfTheLastAndZeroCancels() throws Exception {
        try (SimulatedBackend ollama = SimulatedBackend.builder(BackendKind.OLLAMA).start()) {
            ollama.setChatErrorBurst(503, 5, Duration.ZERO);
            ollama.setChatErrorBurst(500, 1, Duration.ZERO);
            assertThat(statuses(ollama, 2)).containsExactly(500, 200);

            ollama.setChatErrorBurst(503, 3, Duration.ZERO);
            ollama.setChatErrorBurst(503, 0, Duration.ZERO);
            assertThat(statuses(ollama, 1)).containsExactly(200);
        }
    }

    @Test
    void aBurstSurvivesOtherSettingsChanging() throws Exception {
        try (SimulatedBackend ollama = SimulatedBackend.builder(BackendKind.OLLAMA).models("llama3.2:3b").start()) {
            ollama.setChatErrorBurst(503, 2, Duration.ZERO);
            assertThat(statuses(ollama, 1)).containsExactly(503);

            ollama.setChatScript(new ChatScript(2, Duration.ZERO));

            assertThat(statuses(ollama, 2)).containsExactly(503, 200);
        }
    }

    @Test
    void anythingButAnErrorStatusOrANegativeCountIsRefused() {
        try (SimulatedBackend ollama = SimulatedBackend.builder(BackendKind.OLLAMA).build()) {
            assertThatThrownBy(() -> ollama.setChatErrorBurst(200, 1, Duration.ZERO))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("200");
            assertThatThrownBy(() -> ollama.setChatErrorBurst(503, -1, Duration.ZERO))
                    .isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> ollama.setChatErrorBurst(503, 1, Duration.ofSeconds(-1)))
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }
}
