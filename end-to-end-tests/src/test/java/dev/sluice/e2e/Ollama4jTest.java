package dev.sluice.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.sluice.simulator.BackendKind;
import dev.sluice.simulator.ChatScript;
import dev.sluice.simulator.SimulatedBackend;
import io.github.ollama4j.Ollama;
import io.github.ollama4j.exceptions.OllamaException;
import io.github.ollama4j.models.chat.OllamaChatMessageRole;
import io.github.ollama4j.models.chat.OllamaChatRequest;
import io.github.ollama4j.models.chat.OllamaChatResponseModel;
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
import org.junit.jupiter.params.provider.CsvSource;

/**
 * ollama4j, unmodified, pointed at {@code /olla/ollama} as if the proxy were one Ollama server. Two Ollama backends
 * each hold a different model, so every call that names a model also shows whether it reached the right one.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(30)
class Ollama4jTest {

    private static final String LLAMA = "llama3.2:3b";
    private static final String QWEN = "qwen2.5-coder:7b";
    private static final ChatScript SCRIPT = new ChatScript(6, Duration.ZERO);

    private ProxiedFleet fleet;
    private Ollama ollama;

    @BeforeAll
    void startFleet(@TempDir Path dir) throws Exception {
        fleet = ProxiedFleet.start(dir,
                SimulatedBackend.builder(BackendKind.OLLAMA).name("ollama-a").models(LLAMA),
                SimulatedBackend.builder(BackendKind.OLLAMA).name("ollama-b").models(QWEN));
        fleet.backend("ollama-a").setChatScript(SCRIPT);
        fleet.backend("ollama-b").setChatScript(SCRIPT);
        ollama = new Ollama(fleet.url("/olla/ollama"));
        ollama.setRequestTimeoutSeconds(15);
    }

    @AfterAll
    void stopFleet() {
        if (fleet != null) {
            fleet.close();
        }
    }

    @Test
    void pingSucceedsThroughTheProxy() throws OllamaException {
        assertThat(ollama.ping()).isTrue();
    }

    @Test
    void listModelsReturnsTheModelsOfEveryOllamaBackend_withTheirDetails() throws OllamaException {
        List<Model> models = ollama.listModels();

        assertThat(models).extracting(Model::getName).containsExactlyInAnyOrder(LLAMA, QWEN);
        assertThat(models).allSatisfy(model -> {
            assertThat(model.getDigest()).hasSize(64);
            assertThat(model.getSize()).isPositive();
            assertThat(model.getModifiedAt()).isNotNull();
        });
    }

    @ParameterizedTest
    @CsvSource({LLAMA + ", ollama-a", QWEN + ", ollama-b"})
    void chatReturnsTheBackendsText_fromTheBackendThatHasTheModel(String model, String backend)
            throws OllamaException {
        long before = fleet.requestsTo(backend, "/api/chat");

        OllamaChatResult result = ollama.chat(ask(model).build(), null);

        OllamaChatResponseModel response = result.getResponseModel();
        assertThat(response.getMessage().getResponse()).isEqualTo(SCRIPT.fullText());
        assertThat(response.isDone()).isTrue();
        assertThat(response.getModel()).isEqualTo(model);
        assertThat(response.getEvalCount()).isEqualTo(SCRIPT.chunks());
        assertThat(fleet.requestsTo(backend, "/api/chat")).isEqualTo(before + 1);
    }

    @Test
    void streamingChatHandsEveryTokenToTheHandlerInOrder_andTheResultHoldsTheWholeText() throws OllamaException {
        List<String> tokens = new ArrayList<>();
        List<Boolean> doneFlags = new ArrayList<>();

        OllamaChatResult result = ollama.chat(ask(QWEN).withStreaming().build(), part -> {
            tokens.add(part.getMessage().getResponse());
            doneFlags.add(part.isDone());
        });

        List<String> expected = IntStream.range(0, SCRIPT.chunks()).mapToObj(SCRIPT::token).toList();
        // Ollama's last line carries done:true and an empty message; the tokens are everything before it.
        assertThat(tokens.subList(0, tokens.size() - 1)).containsExactlyElementsOf(expected);
        assertThat(doneFlags).containsOnlyOnce(true).last().isEqualTo(true);
        assertThat(result.getResponseModel().getMessage().getResponse()).isEqualTo(SCRIPT.fullText());
    }

    @Test
    void generateReturnsTheBackendsText() throws OllamaException {
        OllamaResult result = ollama.generate(OllamaGenerateRequest.builder().withModel(LLAMA)
                .withPrompt("Say something about a fox.").withStreaming(false).build(), null);

        assertThat(result.getResponse()).isEqualTo(SCRIPT.fullText());
        assertThat(result.getHttpStatusCode()).isEqualTo(200);
    }

    @Test
    void unknownModelSurfacesAsAnOllamaException_namingTheModel() {
        assertThatThrownBy(() -> ollama.chat(ask("no-such-model:7b").build(), null))
                .isInstanceOf(OllamaException.class)
                .hasMessageContaining("no-such-model:7b");
    }

    @Test
    void modelDetailsRequestReachesOnlyTheBackendThatHasTheModel() {
        long before = fleet.requestsTo("ollama-b", "/api/show");

        // The simulator has no /api/show yet, so the backend answers Go's plain 404 and ollama4j throws. What is
        // checked is the proxy's part: /api/show names its model in the body and goes to the one endpoint with it.
        catchThrowable(() -> ollama.getModelDetails(QWEN));

        assertThat(fleet.requestsTo("ollama-b", "/api/show")).isEqualTo(before + 1);
        assertThat(fleet.requestsTo("ollama-a", "/api/show")).isZero();
    }

    private static OllamaChatRequest ask(String model) {
        return OllamaChatRequest.builder().withModel(model)
                .withMessage(OllamaChatMessageRole.USER, "Say something about a fox.");
    }
}
