package dev.sluice.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.eclipse.jetty.client.ContentResponse;
import org.eclipse.jetty.http.HttpMethod;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class OllamaWireFormatTest {

    private static final Instant NOW = Instant.parse("2025-10-01T12:00:00Z");
    private static TestHttp http;
    private static SimulatedBackend ollama;

    @BeforeAll
    static void start() {
        http = new TestHttp();
        ollama = SimulatedBackend.builder(BackendKind.OLLAMA)
                .models(List.of(SimulatedModel.named("llama3.2:3b"),
                        SimulatedModel.named("qwen2.5-coder:7b").withLoaded(false)))
                .clock(Clock.fixed(NOW, ZoneOffset.UTC))
                .start();
    }

    @AfterAll
    static void stop() {
        ollama.close();
        http.close();
    }

    @Test
    void rootSaysOllamaIsRunningInPlainText() throws Exception {
        ContentResponse response = http.get(ollama, "/");

        assertThat(response.getStatus()).isEqualTo(200);
        assertThat(response.getHeaders().get("Content-Type")).isEqualTo("text/plain; charset=utf-8");
        assertThat(response.getContentAsString()).isEqualTo("Ollama is running");
    }

    @Test
    void headOnRootAnswersWithoutBody() throws Exception {
        ContentResponse response = http.request(ollama, "/").method(HttpMethod.HEAD).send();

        assertThat(response.getStatus()).isEqualTo(200);
        assertThat(response.getContent()).isEmpty();
    }

    @Test
    void tagsListEveryModelWithDetails() throws Exception {
        ContentResponse response = http.get(ollama, "/api/tags");
        JsonNode first = TestHttp.json(response).get("models").get(0);

        assertThat(response.getHeaders().get("Content-Type")).isEqualTo("application/json; charset=utf-8");
        assertThat(TestHttp.json(response).get("models")).hasSize(2);
        assertThat(first.get("name").asText()).isEqualTo("llama3.2:3b");
        assertThat(first.get("model").asText()).isEqualTo("llama3.2:3b");
        assertThat(first.get("size").asLong()).isPositive();
        assertThat(first.get("digest").asText()).hasSize(64).matches("[0-9a-f]+");
        JsonNode details = first.get("details");
        assertThat(details.get("parent_model").asText()).isEmpty();
        assertThat(details.get("format").asText()).isEqualTo("gguf");
        assertThat(details.get("family").asText()).isEqualTo("llama");
        assertThat(details.get("families").get(0).asText()).isEqualTo("llama");
        assertThat(details.get("parameter_size").asText()).isEqualTo("3B");
        assertThat(details.get("quantization_level").asText()).isEqualTo("Q4_K_M");
    }

    @Test
    void modifiedAtIsRfc3339WithNanosecondsAndAnOffset() throws Exception {
        String modifiedAt = http.getJson(ollama, "/api/tags").get("models").get(0).get("modified_at").asText();

        assertThat(modifiedAt).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{9}-07:00");
        assertThat(OffsetDateTime.parse(modifiedAt)).isNotNull();
    }

    @Test
    void psListsOnlyLoadedModelsWithExpiry() throws Exception {
        JsonNode models = http.getJson(ollama, "/api/ps").get("models");

        assertThat(models).hasSize(1);
        assertThat(models.get(0).get("name").asText()).isEqualTo("llama3.2:3b");
        assertThat(models.get(0).get("size_vram").asLong()).isPositive();
        assertThat(OffsetDateTime.parse(models.get(0).get("expires_at").asText()).toInstant())
                .isEqualTo(NOW.plusSeconds(300));
    }

    @Test
    void versionIsReported() throws Exception {
        assertThat(http.getJson(ollama, "/api/version").get("version").asText()).isEqualTo("0.14.0");
    }

    @Test
    void openAiListNamesTheLibraryAsOwner() throws Exception {
        JsonNode body = http.getJson(ollama, "/v1/models");

        assertThat(body.get("object").asText()).isEqualTo("list");
        assertThat(body.get("data").get(0).get("id").asText()).isEqualTo("llama3.2:3b");
        assertThat(body.get("data").get(0).get("owned_by").asText()).isEqualTo("library");
        assertThat(body.get("data").get(0).get("created").asLong()).isEqualTo(NOW.getEpochSecond());
    }

    @Test
    void unknownPathGetsGosPlainTextNotFound() throws Exception {
        ContentResponse response = http.get(ollama, "/api/nope");

        assertThat(response.getStatus()).isEqualTo(404);
        assertThat(response.getHeaders().get("Content-Type")).startsWith("text/plain");
        assertThat(response.getContentAsString()).isEqualTo("404 page not found");
    }
}
