package dev.sluice.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.simulator.ChatScript;
import io.github.ollama4j.Ollama;
import io.github.ollama4j.exceptions.OllamaException;
import io.github.ollama4j.models.chat.OllamaChatMessageRole;
import io.github.ollama4j.models.chat.OllamaChatRequest;
import io.github.ollama4j.models.chat.OllamaChatResult;
import io.github.ollama4j.models.generate.OllamaGenerateRequest;
import io.github.ollama4j.models.response.Model;
import io.github.ollama4j.models.response.OllamaResult;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * ollama4j, unmodified, at the proxy's root as if it were a local Ollama, in front of the simulated hosted OpenAI,
 * Anthropic, Gemini (native API) and Azure OpenAI: it lists every cloud model and chats with each, whole and
 * streamed, and generates, while each provider sees its own protocol with its own key.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(60)
class Ollama4jHostedProvidersTest {

    private static final ChatScript SCRIPT = new ChatScript(6, Duration.ZERO);
    private static final List<String> MODELS = HostedFleet.MODELS;

    static List<String> models() {
        return MODELS;
    }

    private HostedFleet fleet;
    private Ollama ollama;

    @BeforeAll
    void startFleet(@TempDir Path dir) throws Exception {
        fleet = new HostedFleet(SCRIPT).start(dir);
        ollama = new Ollama(fleet.url(""));
        ollama.setRequestTimeoutSeconds(15);
    }

    @AfterAll
    void stopFleet() {
        if (fleet != null) {
            fleet.close();
        }
    }

    @Test
    void listModelsShowsEveryProvidersModel() throws OllamaException {
        List<Model> models = ollama.listModels();

        assertThat(models).extracting(Model::getName).containsExactlyInAnyOrderElementsOf(MODELS);
    }

    @ParameterizedTest
    @MethodSource("models")
    void chatReturnsTheProvidersText(String model) throws OllamaException {
        OllamaChatResult result = ollama.chat(ask(model).build(), null);

        assertThat(result.getResponseModel().getMessage().getResponse()).isEqualTo(SCRIPT.fullText());
        assertThat(result.getResponseModel().isDone()).isTrue();
    }

    @ParameterizedTest
    @MethodSource("models")
    void streamedChatHandsEveryTokenOverInOrder(String model) throws OllamaException {
        List<String> tokens = new ArrayList<>();
        List<Boolean> doneFlags = new ArrayList<>();

        OllamaChatResult result = ollama.chat(ask(model).withStreaming().build(), part -> {
            tokens.add(part.getMessage().getResponse());
            doneFlags.add(part.isDone());
        });

        List<String> expected = IntStream.range(0, SCRIPT.chunks()).mapToObj(SCRIPT::token).toList();
        assertThat(String.join("", tokens)).isEqualTo(SCRIPT.fullText());
        assertThat(tokens.stream().filter(t -> !t.isEmpty()).toList()).containsExactlyElementsOf(expected);
        assertThat(doneFlags).containsOnlyOnce(true).last().isEqualTo(true);
        assertThat(result.getResponseModel().getMessage().getResponse()).isEqualTo(SCRIPT.fullText());
    }

    @ParameterizedTest
    @MethodSource("models")
    void generateReturnsTheProvidersText(String model) throws OllamaException {
        OllamaResult result = ollama.generate(OllamaGenerateRequest.builder().withModel(model)
                .withPrompt("Say something about a fox.").withStreaming(false).build(), null);

        assertThat(result.getResponse()).isEqualTo(SCRIPT.fullText());
    }

    @Test
    void eachProviderWasReachedInItsOwnProtocol() throws OllamaException {
        for (String model : MODELS) {
            ollama.chat(ask(model).build(), null);
        }

        assertThat(fleet.openai().requestCount("/v1/chat/completions")).isPositive();
        assertThat(fleet.anthropic().requestCount("/v1/messages")).isPositive();
        assertThat(fleet.gemini().requestCount("/v1beta/models/" + HostedFleet.GEMINI + ":generateContent")).isPositive();
        assertThat(fleet.azure().requestCount("/openai/deployments/" + HostedFleet.AZURE_DEPLOYMENT
                + "/chat/completions")).isPositive();
    }

    private static OllamaChatRequest ask(String model) {
        return OllamaChatRequest.builder().withModel(model)
                .withMessage(OllamaChatMessageRole.USER, "Say something about a fox.");
    }
}
