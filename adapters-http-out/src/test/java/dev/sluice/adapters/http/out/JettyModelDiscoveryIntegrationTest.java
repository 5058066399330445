package dev.sluice.adapters.http.out;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.application.port.out.ModelDiscovery;
import dev.sluice.domain.endpoint.Endpoint;
import dev.sluice.domain.model.DiscoveredModel;
import dev.sluice.domain.model.ModelState;
import dev.sluice.simulator.BackendKind;
import dev.sluice.simulator.RecordedRequest;
import dev.sluice.simulator.SimulatedBackend;
import dev.sluice.simulator.SimulatedModel;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Every simulated platform's model list, read by the parser its Olla profile's {@code response_format} names. */
class JettyModelDiscoveryIntegrationTest {

    /** response_format of each platform's shipped profile (litellm's profile says openai). */
    private static final Map<BackendKind, String> FORMATS = new EnumMap<>(Map.of(
            BackendKind.OLLAMA, "ollama",
            BackendKind.LM_STUDIO, "lmstudio",
            BackendKind.OPENAI_COMPATIBLE, "openai",
            BackendKind.VLLM, "vllm",
            BackendKind.SGLANG, "sglang",
            BackendKind.LLAMACPP, "llamacpp",
            BackendKind.LEMONADE, "lemonade",
            BackendKind.DOCKER_MODEL_RUNNER, "docker-model-runner",
            BackendKind.LITELLM, "openai",
            BackendKind.LMDEPLOY, "lmdeploy"));

    private static final SimulatedModel LLAMA = SimulatedModel.named("llama3.2:3b-instruct-q4_K_M");
    private static final SimulatedModel EMBED = SimulatedModel.named("nomic-embed-text:v1.5").withLoaded(false);

    @AutoClose
    private final OutboundClients clients = JettyHealthProbeIntegrationTest.startedClients();
    private final ModelDiscovery discovery = new JettyModelDiscovery(clients.probeClient(),
            ModelListParsers.standard(), HttpOutSettings.defaults("1.2.3"));

    private List<DiscoveredModel> discover(SimulatedBackend backend) throws Exception {
        return discover(TestEndpoints.forBackend(backend, FORMATS.get(backend.kind())));
    }

    private List<DiscoveredModel> discover(Endpoint endpoint) throws Exception {
        return discovery.discover(endpoint).get(10, TimeUnit.SECONDS);
    }

    @ParameterizedTest
    @EnumSource(value = BackendKind.class, mode = EnumSource.Mode.EXCLUDE, // hosted kinds need a key: end-to-end tests
            names = {"OPENAI_API", "ANTHROPIC", "GEMINI", "AZURE_OPENAI"})
    void everyPlatformsDefaultModelsAreDiscoveredByName(BackendKind kind) throws Exception {
        try (SimulatedBackend backend = SimulatedBackend.builder(kind).start()) {
            List<String> expected = backend.models().stream().map(SimulatedModel::name).toList();
            // llama-server serves exactly one model, the first configured.
            List<String> served = kind == BackendKind.LLAMACPP ? expected.subList(0, 1) : expected;

            assertThat(discover(backend)).extracting(DiscoveredModel::name).containsExactlyElementsOf(served);
        }
    }

    @ParameterizedTest
    @EnumSource(value = BackendKind.class, mode = EnumSource.Mode.EXCLUDE, // hosted kinds need a key: end-to-end tests
            names = {"OPENAI_API", "ANTHROPIC", "GEMINI", "AZURE_OPENAI"})
    void discoverySendsItsHeadersAndTheEndpointsAuth(BackendKind kind) throws Exception {
        try (SimulatedBackend backend = SimulatedBackend.builder(kind).start()) {
            Endpoint endpoint = TestEndpoints.forBackend(backend, FORMATS.get(kind), TestEndpoints.CHECK_TIMEOUT,
                    Map.of("Authorization", "Bearer sk-discovery"));

            discover(endpoint);

            RecordedRequest request = backend.requests().get(backend.requests().size() - 1);
            assertThat(request.path()).isEqualTo(kind.discoveryPath());
            assertThat(request.header("User-Agent")).contains("sluice-Discovery/1.2.3");
            assertThat(request.header("Accept")).contains("application/json");
            assertThat(request.header("Authorization")).contains("Bearer sk-discovery");
        }
    }

    @Test
    void ollama_givesDigestSizeAndDetails() throws Exception {
        try (SimulatedBackend backend = SimulatedBackend.builder(BackendKind.OLLAMA).models(List.of(LLAMA)).start()) {
            DiscoveredModel model = discover(backend).get(0);

            assertThat(model.digest()).isEqualTo(LLAMA.digest());
            assertThat(model.sizeBytes()).isEqualTo(LLAMA.sizeBytes());
            assertThat(model.family()).isEqualTo(LLAMA.family());
            assertThat(model.parameterSize()).isEqualTo(LLAMA.parameterSize());
            assertThat(model.quantization()).isEqualTo(LLAMA.quantization());
            assertThat(model.format()).isEqualTo("gguf");
            assertThat(model.modifiedAt()).isPresent();
            assertThat(model.state()).isEqualTo(ModelState.AVAILABLE);
        }
    }

    @Test
    void lmStudio_givesTypeContextAndLoadState() throws Exception {
        try (SimulatedBackend backend = SimulatedBackend.builder(BackendKind.LM_STUDIO)
                .models(List.of(LLAMA, EMBED)).start()) {
            List<DiscoveredModel> models = discover(backend);

            assertThat(models).extracting(DiscoveredModel::type).containsExactly(LLAMA.type(), EMBED.type());
            assertThat(models).extracting(DiscoveredModel::state)
                    .containsExactly(ModelState.LOADED, ModelState.NOT_LOADED);
            assertThat(models.get(0).contextLength()).isEqualTo(LLAMA.contextLength());
            assertThat(models.get(0).quantization()).isEqualTo(LLAMA.quantization());
        }
    }

    @Test
    void lmStudio_atV1Models_asOllasShippedConfigPointsIt_stillListsNames() throws Exception {
        try (SimulatedBackend backend = SimulatedBackend.builder(BackendKind.LM_STUDIO)
                .models(List.of(LLAMA, EMBED)).start()) {
            Endpoint endpoint = TestEndpoints.endpoint(backend.baseUri(), "/v1/models", "/v1/models", "lmstudio",
                    TestEndpoints.CHECK_TIMEOUT, Map.of());

            assertThat(discover(endpoint)).extracting(DiscoveredModel::name)
                    .containsExactly(LLAMA.name(), EMBED.name());
        }
    }

    @ParameterizedTest
    @EnumSource(value = BackendKind.class, names = {"VLLM", "SGLANG"})
    void vllmFamily_givesMaxModelLen_andLoaded(BackendKind kind) throws Exception {
        SimulatedModel qwen = SimulatedModel.named("Qwen/Qwen2.5-7B-Instruct").withContextLength(32_768);
        try (SimulatedBackend backend = SimulatedBackend.builder(kind).models(List.of(qwen)).start()) {
            DiscoveredModel model = discover(backend).get(0);

            assertThat(model.contextLength()).isEqualTo(32_768);
            assertThat(model.publisher()).isEqualTo("Qwen");
            assertThat(model.state()).isEqualTo(ModelState.LOADED);
        }
    }

    @Test
    void llamaCpp_givesTrainedContextSizeAndQuantization() throws Exception {
        try (SimulatedBackend backend = SimulatedBackend.builder(BackendKind.LLAMACPP)
                .models(List.of(LLAMA)).start()) {
            DiscoveredModel model = discover(backend).get(0);

            assertThat(model.contextLength()).isEqualTo(LLAMA.contextLength());
            assertThat(model.sizeBytes()).isEqualTo(LLAMA.sizeBytes());
            assertThat(model.quantization()).isEqualTo(LLAMA.quantization());
            assertThat(model.format()).isEqualTo("gguf");
            assertThat(model.state()).isEqualTo(ModelState.LOADED);
        }
    }

    @Test
    void lemonade_downloadedModelsAreAvailable_andLabelsGiveTheType() throws Exception {
        SimulatedModel vision = SimulatedModel.named("Gemma-3-4b-it-GGUF").withType("vlm");
        try (SimulatedBackend backend = SimulatedBackend.builder(BackendKind.LEMONADE)
                .models(List.of(vision, EMBED)).start()) {
            List<DiscoveredModel> models = discover(backend);

            assertThat(models).extracting(DiscoveredModel::state).containsOnly(ModelState.AVAILABLE);
            assertThat(models).extracting(DiscoveredModel::type).containsExactly("vlm", "embeddings");
            assertThat(models).extracting(DiscoveredModel::format).containsOnly("gguf");
        }
    }

    @Test
    void dockerModelRunner_readsSizeAndQuantizationFromTheTag() throws Exception {
        try (SimulatedBackend backend = SimulatedBackend.builder(BackendKind.DOCKER_MODEL_RUNNER)
                .models("ai/smollm2:360M-Q4_K_M").start()) {
            DiscoveredModel model = discover(backend).get(0);

            assertThat(model.parameterSize()).isEqualTo("360M");
            assertThat(model.quantization()).isEqualTo("Q4_K_M");
            assertThat(model.publisher()).isEqualTo("ai");
        }
    }

    @Test
    void anEmptyBackendListsNoModels() throws Exception {
        try (SimulatedBackend backend = SimulatedBackend.builder(BackendKind.OLLAMA).models(List.of()).start()) {
            assertThat(discover(backend)).isEmpty();
        }
    }
}
