package dev.sluice.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.eclipse.jetty.client.ContentResponse;
import org.eclipse.jetty.client.StringRequestContent;
import org.eclipse.jetty.http.HttpMethod;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Checked against the captures in shared/reference/llamacpp-wire-format.md. */
class LlamaCppWireFormatTest {

    private static TestHttp http;
    private static SimulatedBackend llama;

    @BeforeAll
    static void start() {
        http = new TestHttp();
        llama = SimulatedBackend.builder(BackendKind.LLAMACPP)
                .models("tiny-random-llama", "second-model-is-ignored")
                .start();
    }

    @AfterAll
    static void stop() {
        llama.close();
        http.close();
    }

    @AfterEach
    void reset() {
        llama.setLoading(false);
    }

    @Test
    void healthIsOkWithLlamaCppHeaders() throws Exception {
        ContentResponse response = http.get(llama, "/health");

        assertThat(response.getStatus()).isEqualTo(200);
        assertThat(response.getContentAsString()).isEqualTo("{\"status\":\"ok\"}");
        assertThat(response.getHeaders().get("Server")).isEqualTo("llama.cpp");
        assertThat(response.getHeaders().get("Content-Type")).isEqualTo("application/json; charset=utf-8");
        assertThat(response.getHeaders().get("Content-Length")).isEqualTo("15");
        assertThat(response.getHeaders().get("Keep-Alive")).isEqualTo("timeout=5, max=100");
        assertThat(response.getHeaders().contains("Access-Control-Allow-Origin")).isTrue();
        assertThat(response.getHeaders().get("Access-Control-Allow-Origin")).isEmpty();
        assertThat(response.getHeaders().contains("Date")).isFalse();
    }

    @Test
    void originIsEchoed() throws Exception {
        ContentResponse response = http.request(llama, "/health").headers(h -> h.put("Origin", "http://example.test"))
                .send();

        assertThat(response.getHeaders().get("Access-Control-Allow-Origin")).isEqualTo("http://example.test");
    }

    @Test
    void loadingAnswers503WithUnavailableErrorAndClosesTheConnection() throws Exception {
        llama.setLoading(true);

        ContentResponse response = http.get(llama, "/health");

        assertThat(response.getStatus()).isEqualTo(503);
        assertThat(response.getContentAsString())
                .isEqualTo("{\"error\":{\"message\":\"Loading model\",\"type\":\"unavailable_error\",\"code\":503}}");
        assertThat(response.getHeaders().get("Connection")).isEqualTo("close");
        assertThat(response.getHeaders().contains("Keep-Alive")).isFalse();
    }

    @Test
    void modelsAreTheHybridOfOllamaAndOpenAiShapesForOneModel() throws Exception {
        JsonNode body = http.getJson(llama, "/v1/models");

        assertThat(body.fieldNames()).toIterable().containsExactly("models", "object", "data");
        assertThat(body.get("models")).hasSize(1);
        JsonNode ollamaStyle = body.get("models").get(0);
        assertThat(ollamaStyle.get("name").asText()).isEqualTo("tiny-random-llama");
        assertThat(ollamaStyle.get("modified_at").asText()).isEmpty();
        assertThat(ollamaStyle.get("capabilities").get(0).asText()).isEqualTo("completion");
        assertThat(ollamaStyle.get("details").get("format").asText()).isEqualTo("gguf");
        JsonNode openAiStyle = body.get("data").get(0);
        assertThat(openAiStyle.get("id").asText()).isEqualTo("tiny-random-llama");
        assertThat(openAiStyle.get("aliases").get(0).asText()).isEqualTo("tiny-random-llama");
        assertThat(openAiStyle.get("owned_by").asText()).isEqualTo("llamacpp");
        assertThat(openAiStyle.get("meta").get("n_ctx_train").asInt()).isEqualTo(8192);
        assertThat(openAiStyle.get("meta").get("n_ctx").asInt()).isEqualTo(2048);
    }

    @Test
    void modelsAliasAnswersTheSame() throws Exception {
        assertThat(http.getJson(llama, "/models").get("data").get(0).get("id").asText())
                .isEqualTo("tiny-random-llama");
    }

    @Test
    void propsDescribeSlotsAndTheModel() throws Exception {
        JsonNode props = http.getJson(llama, "/props");

        assertThat(props.get("total_slots").asInt()).isEqualTo(4);
        assertThat(props.get("default_generation_settings").get("n_ctx").asInt()).isEqualTo(2048);
        assertThat(props.get("model_alias").asText()).isEqualTo("tiny-random-llama");
        assertThat(props.get("ui").asBoolean()).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"/", "/api/tags", "/api/version", "/api/ps", "/api/chat"})
    void ollamaRoutesAndRootAreFileNotFound(String path) throws Exception {
        ContentResponse response = http.get(llama, path);

        assertThat(response.getStatus()).isEqualTo(404);
        assertThat(response.getContentAsString())
                .isEqualTo("{\"error\":{\"message\":\"File Not Found\",\"type\":\"not_found_error\",\"code\":404}}");
        assertThat(response.getHeaders().get("Connection")).isEqualTo("close");
    }

    @ParameterizedTest
    @ValueSource(strings = {"/api/show", "/api/chat", "/api/generate", "/api/embed"})
    void ollamaPostRoutesAreFileNotFoundToo(String path) throws Exception {
        ContentResponse response = http.request(llama, path).method(HttpMethod.POST)
                .body(new StringRequestContent("application/json", "{\"model\":\"tiny-random-llama\"}")).send();

        assertThat(response.getStatus()).isEqualTo(404);
        assertThat(response.getContentAsString())
                .isEqualTo("{\"error\":{\"message\":\"File Not Found\",\"type\":\"not_found_error\",\"code\":404}}");
    }

    @Test
    void corsPreflightIsAllowed() throws Exception {
        ContentResponse response = http.request(llama, "/v1/chat/completions").method(HttpMethod.OPTIONS)
                .headers(h -> h.put("Origin", "http://example.test")).send();

        assertThat(response.getStatus()).isEqualTo(200);
        assertThat(response.getHeaders().get("Access-Control-Allow-Origin")).isEqualTo("http://example.test");
        assertThat(response.getHeaders().get("Access-Control-Allow-Credentials")).isEqualTo("true");
        assertThat(response.getHeaders().get("Access-Control-Allow-Methods")).isEqualTo("GET, POST, DELETE, OPTIONS");
        assertThat(response.getHeaders().get("Access-Control-Allow-Headers")).isEqualTo("*");
    }
}
