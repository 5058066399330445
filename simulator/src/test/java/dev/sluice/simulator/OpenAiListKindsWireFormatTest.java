package dev.sluice.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.eclipse.jetty.client.ContentResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** Platforms whose discovery is some OpenAI-style list: LM Studio, generic OpenAI, Docker Model Runner, LiteLLM. */
class OpenAiListKindsWireFormatTest {

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
    class LmStudio {

        @Test
        void openAiListHasNoCreatedField() throws Exception {
            try (SimulatedBackend lmStudio = SimulatedBackend.builder(BackendKind.LM_STUDIO).start()) {
                ContentResponse response = http.get(lmStudio, "/v1/models");
                JsonNode entry = TestHttp.json(response).get("data").get(0);

                assertThat(response.getHeaders().get("X-Powered-By")).isEqualTo("Express");
                assertThat(entry.get("id").asText()).isEqualTo("qwen2.5-7b-instruct");
                assertThat(entry.get("object").asText()).isEqualTo("model");
                assertThat(entry.get("owned_by").asText()).isEqualTo("organization_owner");
                assertThat(entry.has("created")).isFalse();
            }
        }

        @Test
        void nativeListCarriesTypeArchQuantizationAndState() throws Exception {
            try (SimulatedBackend lmStudio = SimulatedBackend.builder(BackendKind.LM_STUDIO).start()) {
                lmStudio.setModels(java.util.List.of(SimulatedModel.named("mlx-community/qwen2-vl-7b-instruct")
                        .withLoaded(false), SimulatedModel.named("text-embedding-nomic-embed-text-v1.5")));

                JsonNode data = http.getJson(lmStudio, "/api/v0/models").get("data");

                assertThat(data.get(0).get("type").asText()).isEqualTo("vlm");
                assertThat(data.get(0).get("publisher").asText()).isEqualTo("mlx-community");
                assertThat(data.get(0).get("arch").asText()).isEqualTo("qwen2");
                assertThat(data.get(0).get("compatibility_type").asText()).isEqualTo("gguf");
                assertThat(data.get(0).get("quantization").asText()).isEqualTo("Q4_K_M");
                assertThat(data.get(0).get("state").asText()).isEqualTo("not-loaded");
                assertThat(data.get(0).get("max_context_length").asInt()).isEqualTo(8192);
                assertThat(data.get(1).get("type").asText()).isEqualTo("embeddings");
                assertThat(data.get(1).get("publisher").asText()).isEqualTo("lmstudio-community");
                assertThat(data.get(1).get("state").asText()).isEqualTo("loaded");
            }
        }

        @Test
        void unknownRouteAnswers200WithAnErrorAsLmStudioDoes() throws Exception {
            try (SimulatedBackend lmStudio = SimulatedBackend.builder(BackendKind.LM_STUDIO).start()) {
                ContentResponse response = http.get(lmStudio, "/api/tags");

                assertThat(response.getStatus()).isEqualTo(200);
                assertThat(TestHttp.json(response).get("error").asText())
                        .isEqualTo("Unexpected endpoint or method. (GET /api/tags)");
            }
        }
    }

    @Nested
    class OpenAiCompatible {

        @Test
        void listsModelsWithCreatedAndOwner() throws Exception {
            try (SimulatedBackend openAi = SimulatedBackend.builder(BackendKind.OPENAI_COMPATIBLE).start()) {
                JsonNode entry = http.getJson(openAi, "/v1/models").get("data").get(0);

                assertThat(entry.get("id").asText()).isEqualTo("gpt-4o-mini");
                assertThat(entry.get("created").asLong()).isPositive();
                assertThat(entry.get("owned_by").asText()).isEqualTo("openai");
            }
        }

        @Test
        void unknownRouteIsAnOpenAiError() throws Exception {
            try (SimulatedBackend openAi = SimulatedBackend.builder(BackendKind.OPENAI_COMPATIBLE).start()) {
                ContentResponse response = http.get(openAi, "/v1/nope");
                JsonNode error = TestHttp.json(response).get("error");

                assertThat(response.getStatus()).isEqualTo(404);
                assertThat(error.get("message").asText()).isEqualTo("Invalid URL (GET /v1/nope)");
                assertThat(error.get("type").asText()).isEqualTo("invalid_request_error");
                assertThat(error.has("code")).isTrue();
            }
        }
    }

    @Nested
    class DockerModelRunner {

        @Test
        void listsOciModelIdsOwnedByDockerAtBothEnginePaths() throws Exception {
            try (SimulatedBackend dmr = SimulatedBackend.builder(BackendKind.DOCKER_MODEL_RUNNER).start()) {
                for (String path : new String[] {"/engines/v1/models", "/engines/llama.cpp/v1/models"}) {
                    JsonNode entry = http.getJson(dmr, path).get("data").get(0);

                    assertThat(entry.get("id").asText()).isEqualTo("ai/smollm2:360M-Q4_K_M");
                    assertThat(entry.get("owned_by").asText()).isEqualTo("docker");
                }
            }
        }
    }

    @Nested
    class LiteLlm {

        @Test
        void healthReportsEveryDeploymentHealthy() throws Exception {
            try (SimulatedBackend liteLlm = SimulatedBackend.builder(BackendKind.LITELLM).start()) {
                JsonNode health = http.getJson(liteLlm, "/health");

                assertThat(health.get("healthy_count").asInt()).isEqualTo(2);
                assertThat(health.get("unhealthy_count").asInt()).isZero();
                assertThat(health.get("healthy_endpoints").get(0).get("model").asText()).isEqualTo("openai/gpt-4o");
                assertThat(health.get("unhealthy_endpoints")).isEmpty();
            }
        }

        @Test
        void probesAndBothModelListsAnswer() throws Exception {
            try (SimulatedBackend liteLlm = SimulatedBackend.builder(BackendKind.LITELLM).start()) {
                assertThat(http.getJson(liteLlm, "/health/liveliness").asText()).isEqualTo("I'm alive!");
                assertThat(http.getJson(liteLlm, "/health/readiness").get("status").asText()).isEqualTo("healthy");
                for (String path : new String[] {"/v1/models", "/models"}) {
                    JsonNode data = http.getJson(liteLlm, path).get("data");
                    assertThat(data.get(1).get("id").asText()).isEqualTo("claude-3-5-sonnet");
                    assertThat(data.get(1).get("owned_by").asText()).isEqualTo("openai");
                }
            }
        }
    }
}
