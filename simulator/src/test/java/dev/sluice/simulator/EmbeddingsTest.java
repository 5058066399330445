package dev.sluice.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Base64;
import java.util.Map;
import org.eclipse.jetty.client.ContentResponse;
import org.eclipse.jetty.client.StringRequestContent;
import org.eclipse.jetty.http.HttpMethod;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Ollama's {@code /api/embed} and the OpenAI-style {@code /v1/embeddings}: deterministic small vectors. */
class EmbeddingsTest {

    private static final String MODEL = "nomic-embed-text";
    private static final Map<BackendKind, String> EMBEDDINGS_PATHS = Map.of(
            BackendKind.OLLAMA, "/v1/embeddings",
            BackendKind.LM_STUDIO, "/v1/embeddings",
            BackendKind.OPENAI_COMPATIBLE, "/v1/embeddings",
            BackendKind.VLLM, "/v1/embeddings",
            BackendKind.SGLANG, "/v1/embeddings",
            BackendKind.LEMONADE, "/api/v1/embeddings",
            BackendKind.DOCKER_MODEL_RUNNER, "/engines/v1/embeddings",
            BackendKind.LITELLM, "/v1/embeddings");

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
    void ollamaEmbedsEachInputAsAUnitVectorWithCounters() throws Exception {
        try (SimulatedBackend ollama = SimulatedBackend.builder(BackendKind.OLLAMA).models(MODEL).start()) {
            JsonNode body = TestHttp.json(post(ollama, "/api/embed",
                    "{\"model\":\"" + MODEL + "\",\"input\":[\"why is the sky blue\",\"why is grass green\"]}"));

            assertThat(body.fieldNames()).toIterable()
                    .containsExactly("model", "embeddings", "total_duration", "load_duration", "prompt_eval_count");
            assertThat(body.get("embeddings")).hasSize(2);
            assertThat(body.get("embeddings").get(0)).hasSize(EmbeddingVectors.DIMENSIONS);
            assertThat(length(body.get("embeddings").get(0))).isCloseTo(1.0, offset(1e-5));
            assertThat(body.get("embeddings").get(0)).isNotEqualTo(body.get("embeddings").get(1));
            assertThat(body.get("prompt_eval_count").asInt()).isEqualTo(9);
        }
    }

    @Test
    void ollamaEmbedsTheSameTextTheSameWay_andRefusesUnknownModels() throws Exception {
        try (SimulatedBackend ollama = SimulatedBackend.builder(BackendKind.OLLAMA).models(MODEL).start()) {
            String ask = "{\"model\":\"" + MODEL + ":latest\",\"input\":\"hello\"}";
            JsonNode first = TestHttp.json(post(ollama, "/api/embed", ask));
            JsonNode second = TestHttp.json(post(ollama, "/api/embed", ask));
            ContentResponse unknown = post(ollama, "/api/embed", "{\"model\":\"bge-m3\",\"input\":\"hello\"}");

            assertThat(first.get("embeddings")).isEqualTo(second.get("embeddings"));
            assertThat(unknown.getStatus()).isEqualTo(404);
            assertThat(unknown.getContentAsString())
                    .isEqualTo("{\"error\":\"model \\\"bge-m3\\\" not found, try pulling it first\"}");
        }
    }

    @ParameterizedTest
    @EnumSource(value = BackendKind.class, mode = EnumSource.Mode.EXCLUDE, // hosted kinds: HostedKindsTest
            names = {"LLAMACPP", "LMDEPLOY", "OPENAI_API", "ANTHROPIC", "GEMINI", "AZURE_OPENAI"})
    void openAiEmbeddingsAreAListOfEmbeddingObjects(BackendKind kind) throws Exception {
        try (SimulatedBackend backend = SimulatedBackend.builder(kind).models(MODEL).start()) {
            ContentResponse response = post(backend, EMBEDDINGS_PATHS.get(kind),
                    "{\"model\":\"" + MODEL + "\",\"input\":[\"one two\",\"three\"]}");
            JsonNode body = TestHttp.json(response);

            assertThat(response.getStatus()).isEqualTo(200);
            assertThat(body.fieldNames()).toIterable().containsExactly("object", "data", "model", "usage");
            assertThat(body.get("object").asText()).isEqualTo("list");
            assertThat(body.get("data")).hasSize(2);
            JsonNode second = body.get("data").get(1);
            assertThat(second.get("object").asText()).isEqualTo("embedding");
            assertThat(second.get("index").asInt()).isEqualTo(1);
            assertThat(second.get("embedding")).hasSize(EmbeddingVectors.DIMENSIONS);
            assertThat(body.get("usage").toString()).isEqualTo("{\"prompt_tokens\":3,\"total_tokens\":3}");
        }
    }

    @Test
    void base64EncodingCarriesTheSameLittleEndianFloats() throws Exception {
        try (SimulatedBackend vllm = SimulatedBackend.builder(BackendKind.VLLM).models(MODEL).start()) {
            String ask = "{\"model\":\"" + MODEL + "\",\"input\":\"hello\"%s}";
            JsonNode floats = TestHttp.json(post(vllm, "/v1/embeddings", String.format(ask, "")));
            JsonNode encoded = TestHttp.json(post(vllm, "/v1/embeddings",
                    String.format(ask, ",\"encoding_format\":\"base64\"")));

            ByteBuffer bytes = ByteBuffer.wrap(Base64.getDecoder().decode(
                    encoded.at("/data/0/embedding").asText())).order(ByteOrder.LITTLE_ENDIAN);
            JsonNode expected = floats.at("/data/0/embedding");
            assertThat(bytes.remaining()).isEqualTo(EmbeddingVectors.DIMENSIONS * Float.BYTES);
            for (int i = 0; i < EmbeddingVectors.DIMENSIONS; i++) {
                assertThat(bytes.getFloat()).isEqualTo(expected.get(i).floatValue());
            }
        }
    }

    @Test
    void unknownModelAndMissingInputAreErrorsInTheStacksStyle() throws Exception {
        try (SimulatedBackend openAi = SimulatedBackend.builder(BackendKind.OPENAI_COMPATIBLE).models(MODEL).start()) {
            ContentResponse unknown = post(openAi, "/v1/embeddings", "{\"model\":\"nope\",\"input\":\"x\"}");
            ContentResponse noInput = post(openAi, "/v1/embeddings", "{\"model\":\"" + MODEL + "\"}");

            assertThat(unknown.getStatus()).isEqualTo(404);
            assertThat(TestHttp.json(unknown).at("/error/message").asText()).isEqualTo("The model `nope` does not exist.");
            assertThat(noInput.getStatus()).isEqualTo(400);
        }
    }

    private static double length(JsonNode vector) {
        double squares = 0;
        for (JsonNode component : vector) {
            squares += component.asDouble() * component.asDouble();
        }
        return Math.sqrt(squares);
    }

    private static ContentResponse post(SimulatedBackend backend, String path, String body) throws Exception {
        return http.request(backend, path).method(HttpMethod.POST)
                .body(new StringRequestContent("application/json", body)).send();
    }
}
