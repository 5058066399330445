package dev.sluice.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.eclipse.jetty.client.ContentResponse;
import org.eclipse.jetty.http.HttpMethod;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Python servers on FastAPI/uvicorn: vLLM, SGLang, LMDeploy, Lemonade (LiteLLM's bodies are tested elsewhere). */
class FastApiKindsWireFormatTest {

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
    @EnumSource(value = BackendKind.class, names = {"VLLM", "SGLANG", "LMDEPLOY"})
    void healthIsAnEmpty200(BackendKind kind) throws Exception {
        try (SimulatedBackend backend = SimulatedBackend.builder(kind).start()) {
            ContentResponse response = http.get(backend, "/health");

            assertThat(response.getStatus()).isEqualTo(200);
            assertThat(response.getContent()).isEmpty();
            assertThat(response.getHeaders().get("server")).isEqualTo("uvicorn");
        }
    }

    @ParameterizedTest
    @EnumSource(value = BackendKind.class, names = {"VLLM", "SGLANG", "LMDEPLOY", "LEMONADE", "LITELLM"})
    void unknownPathAndWrongMethodUseFastApiDetail(BackendKind kind) throws Exception {
        try (SimulatedBackend backend = SimulatedBackend.builder(kind).start()) {
            ContentResponse missing = http.get(backend, "/nope");
            ContentResponse wrongMethod = http.request(backend, kind.discoveryPath()).method(HttpMethod.POST).send();

            assertThat(missing.getStatus()).isEqualTo(404);
            assertThat(missing.getContentAsString()).isEqualTo("{\"detail\":\"Not Found\"}");
            assertThat(wrongMethod.getStatus()).isEqualTo(405);
            assertThat(wrongMethod.getContentAsString()).isEqualTo("{\"detail\":\"Method Not Allowed\"}");
        }
    }

    @Test
    void vllmCardsCarryRootMaxModelLenAndPermission() throws Exception {
        try (SimulatedBackend vllm = SimulatedBackend.builder(BackendKind.VLLM).start()) {
            JsonNode card = http.getJson(vllm, "/v1/models").get("data").get(0);

            assertThat(card.get("id").asText()).isEqualTo("meta-llama/Llama-3.1-8B-Instruct");
            assertThat(card.get("owned_by").asText()).isEqualTo("vllm");
            assertThat(card.get("root").asText()).isEqualTo("meta-llama/Llama-3.1-8B-Instruct");
            assertThat(card.has("parent")).isTrue();
            assertThat(card.get("parent").isNull()).isTrue();
            assertThat(card.get("max_model_len").asInt()).isEqualTo(8192);
            JsonNode permission = card.get("permission").get(0);
            assertThat(permission.get("object").asText()).isEqualTo("model_permission");
            assertThat(permission.get("id").asText()).startsWith("modelperm-");
            assertThat(permission.get("allow_sampling").asBoolean()).isTrue();
            assertThat(permission.get("organization").asText()).isEqualTo("*");
            assertThat(http.getJson(vllm, "/version").get("version").asText()).isEqualTo("0.11.1");
        }
    }

    @Test
    void sglangCardsHaveNoPermissionAndModelInfoDescribesTheModel() throws Exception {
        try (SimulatedBackend sglang = SimulatedBackend.builder(BackendKind.SGLANG).start()) {
            JsonNode card = http.getJson(sglang, "/v1/models").get("data").get(0);
            JsonNode info = http.getJson(sglang, "/get_model_info");

            assertThat(card.get("owned_by").asText()).isEqualTo("sglang");
            assertThat(card.get("root").asText()).isEqualTo("Qwen/Qwen2.5-7B-Instruct");
            assertThat(card.get("max_model_len").asInt()).isEqualTo(8192);
            assertThat(card.has("permission")).isFalse();
            assertThat(info.get("model_path").asText()).isEqualTo("Qwen/Qwen2.5-7B-Instruct");
            assertThat(info.get("is_generation").asBoolean()).isTrue();
        }
    }

    @Test
    void lmdeployCardsHavePermissionButNoMaxModelLen() throws Exception {
        try (SimulatedBackend lmdeploy = SimulatedBackend.builder(BackendKind.LMDEPLOY).start()) {
            JsonNode card = http.getJson(lmdeploy, "/v1/models").get("data").get(0);

            assertThat(card.get("owned_by").asText()).isEqualTo("lmdeploy");
            assertThat(card.get("root").asText()).isEqualTo("internlm/internlm2_5-7b-chat");
            assertThat(card.get("parent").isNull()).isTrue();
            assertThat(card.get("permission")).hasSize(1);
            assertThat(card.has("max_model_len")).isFalse();
        }
    }

    @Test
    void lemonadeHealthNamesTheLoadedModelAndModelsCarryRecipes() throws Exception {
        try (SimulatedBackend lemonade = SimulatedBackend.builder(BackendKind.LEMONADE).start()) {
            JsonNode health = http.getJson(lemonade, "/api/v1/health");
            JsonNode entry = http.getJson(lemonade, "/api/v1/models").get("data").get(0);

            assertThat(health.get("status").asText()).isEqualTo("ok");
            assertThat(health.get("model_loaded").asText()).isEqualTo("Qwen2.5-0.5B-Instruct-CPU");
            assertThat(health.get("checkpoint_loaded").asText()).isEqualTo(entry.get("checkpoint").asText());
            assertThat(entry.get("owned_by").asText()).isEqualTo("lemonade");
            assertThat(entry.get("recipe").asText()).isEqualTo("oga-cpu");
            assertThat(entry.get("downloaded").asBoolean()).isTrue();
            assertThat(entry.get("suggested").asBoolean()).isTrue();
            assertThat(entry.get("labels").isArray()).isTrue();
        }
    }

    @Test
    void lemonadeHealthSaysNullWhenNothingIsLoaded() throws Exception {
        try (SimulatedBackend lemonade = SimulatedBackend.builder(BackendKind.LEMONADE)
                .models(java.util.List.of(SimulatedModel.named("Qwen3-0.6B-GGUF").withLoaded(false))).start()) {
            JsonNode health = http.getJson(lemonade, "/api/v1/health");

            assertThat(health.get("model_loaded").isNull()).isTrue();
            assertThat(health.get("checkpoint_loaded").isNull()).isTrue();
        }
    }
}
