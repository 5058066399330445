package dev.sluice.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.openai.client.OpenAIClient;
import com.openai.client.okhttp.OpenAIOkHttpClient;
import com.openai.core.http.HttpResponseFor;
import com.openai.core.http.StreamResponse;
import com.openai.errors.NotFoundException;
import com.openai.models.chat.completions.ChatCompletion;
import com.openai.models.chat.completions.ChatCompletionChunk;
import com.openai.models.chat.completions.ChatCompletionCreateParams;
import com.openai.models.models.Model;
import dev.sluice.simulator.BackendKind;
import dev.sluice.simulator.ChatScript;
import dev.sluice.simulator.SimulatedBackend;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The official OpenAI Java SDK, unmodified, pointed at the proxy's OpenAI routes: a user changes only the base
 * URL. Both routes span every OpenAI-compatible backend, so each call is made with an Ollama model (served via
 * Ollama's {@code /v1}) and a vLLM model, and must reach the backend that has it.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(30)
class OpenAiJavaSdkTest {

    private static final String OLLAMA_MODEL = "llama3.2:3b";
    private static final String VLLM_MODEL = "Qwen/Qwen2.5-7B-Instruct";
    private static final ChatScript SCRIPT = new ChatScript(7, Duration.ZERO);
    private static final List<String> ROUTES = List.of("/olla/openai/v1", "/olla/proxy/v1");

    private ProxiedFleet fleet;
    private Map<String, OpenAIClient> clients;

    @BeforeAll
    void startFleet(@TempDir Path dir) throws Exception {
        fleet = ProxiedFleet.start(dir,
                SimulatedBackend.builder(BackendKind.OLLAMA).name("ollama").models(OLLAMA_MODEL),
                SimulatedBackend.builder(BackendKind.VLLM).name("vllm").models(VLLM_MODEL));
        fleet.backend("ollama").setChatScript(SCRIPT);
        fleet.backend("vllm").setChatScript(SCRIPT);
        clients = ROUTES.stream().collect(Collectors.toMap(Function.identity(), route -> OpenAIOkHttpClient.builder()
                .baseUrl(fleet.url(route))
                .apiKey("unused-by-the-proxy")
                .timeout(Duration.ofSeconds(15))
                // A retried request would hide a first failure, which is exactly what these tests look for.
                .maxRetries(0)
                .build()));
    }

    @AfterAll
    void stopFleet() {
        if (clients != null) {
            clients.values().forEach(OpenAIClient::close);
        }
        if (fleet != null) {
            fleet.close();
        }
    }

    Stream<String> routes() {
        return ROUTES.stream();
    }

    /** Every route with every model and the backend that serves it. */
    Stream<Arguments> routedModels() {
        return ROUTES.stream().flatMap(route -> Stream.of(
                Arguments.of(route, OLLAMA_MODEL, "ollama"),
                Arguments.of(route, VLLM_MODEL, "vllm")));
    }

    @ParameterizedTest
    @MethodSource("routes")
    void modelListContainsTheModelsOfEverySimulatedBackend(String route) {
        List<Model> models = clients.get(route).models().list().data();

        assertThat(models).extracting(Model::id).contains(OLLAMA_MODEL, VLLM_MODEL);
        // The SDK validates these lazily; reading them proves the proxy's list is well-formed for it.
        assertThat(models).allSatisfy(model -> assertThat(model.ownedBy()).isNotBlank());
    }

    @ParameterizedTest
    @MethodSource("routedModels")
    void nonStreamingCompletionReturnsTheBackendsText_fromTheBackendThatHasTheModel(String route, String model,
                                                                                    String backend) {
        HttpResponseFor<ChatCompletion> response = clients.get(route).chat().completions().withRawResponse()
                .create(ask(model));
        ChatCompletion completion = response.parse();

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().values("X-Olla-Endpoint")).containsExactly(backend);
        assertThat(response.headers().values("X-Olla-Model")).containsExactly(model);
        assertThat(response.headers().values("X-Olla-Request-ID")).singleElement().asString().isNotBlank();
        assertThat(completion.model()).isEqualTo(model);
        assertThat(completion.choices()).singleElement().satisfies(choice -> {
            assertThat(choice.message().content()).contains(SCRIPT.fullText());
            assertThat(choice.finishReason()).isEqualTo(ChatCompletion.Choice.FinishReason.STOP);
        });
        assertThat(completion.usage()).hasValueSatisfying(
                usage -> assertThat(usage.completionTokens()).isEqualTo(SCRIPT.chunks()));
    }

    @ParameterizedTest
    @MethodSource("routedModels")
    void streamingCompletionDeliversEveryChunkInOrder_andTheyAddUpToTheText(String route, String model,
                                                                            String backend) {
        long before = fleet.requestsTo(backend, "/v1/chat/completions");
        List<ChatCompletionChunk> chunks = new ArrayList<>();
        try (StreamResponse<ChatCompletionChunk> stream = clients.get(route).chat().completions()
                .createStreaming(ask(model))) {
            stream.stream().forEach(chunks::add);
        }

        List<String> contents = chunks.stream()
                .flatMap(chunk -> chunk.choices().stream())
                .map(choice -> choice.delta().content())
                .flatMap(Optional::stream)
                .filter(text -> !text.isEmpty())
                .toList();
        List<String> expected = IntStream.range(0, SCRIPT.chunks()).mapToObj(SCRIPT::token).toList();
        assertThat(contents).containsExactlyElementsOf(expected);
        assertThat(String.join("", contents)).isEqualTo(SCRIPT.fullText());
        assertThat(chunks).last().satisfies(last -> assertThat(last.choices()).singleElement()
                .satisfies(choice -> assertThat(choice.finishReason())
                        .contains(ChatCompletionChunk.Choice.FinishReason.STOP)));
        assertThat(fleet.requestsTo(backend, "/v1/chat/completions")).isEqualTo(before + 1);
    }

    @ParameterizedTest
    @MethodSource("routes")
    void unknownModelSurfacesAsTheSdksNotFound_namingTheModel(String route) {
        assertThatThrownBy(() -> clients.get(route).chat().completions().create(ask("no-such-model:7b")))
                .isInstanceOfSatisfying(NotFoundException.class, notFound -> {
                    assertThat(notFound.statusCode()).isEqualTo(404);
                    assertThat(notFound.getMessage()).contains("no-such-model:7b", "not found");
                });
    }

    private static ChatCompletionCreateParams ask(String model) {
        return ChatCompletionCreateParams.builder()
                .model(model)
                .addUserMessage("Say something about a fox.")
                .build();
    }
}
