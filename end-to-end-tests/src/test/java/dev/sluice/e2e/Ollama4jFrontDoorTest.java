package dev.sluice.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.simulator.BackendKind;
import dev.sluice.simulator.ChatScript;
import dev.sluice.simulator.SimulatedBackend;
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

/**
 * ollama4j, unmodified, pointed at the proxy's root as if it were the Ollama on port 11434, with an Ollama and an
 * OpenAI-only server behind it: it lists both servers' models and chats with the OpenAI-only one, streamed and not,
 * never knowing that one of them is not an Ollama.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(30)
class Ollama4jFrontDoorTest {

    private static final String LLAMA = "llama3.2:3b";
    private static final String GPT = "gpt-4o-mini";
    private static final ChatScript SCRIPT = new ChatScript(6, Duration.ZERO);

    private ProxiedFleet fleet;
    private Ollama ollama;

    @BeforeAll
    void startFleet(@TempDir Path dir) throws Exception {
        fleet = ProxiedFleet.start(dir,
                SimulatedBackend.builder(BackendKind.OLLAMA).name("local-ollama").models(LLAMA),
                SimulatedBackend.builder(BackendKind.OPENAI_COMPATIBLE).name("openai-only").models(GPT));
        fleet.backend("local-ollama").setChatScript(SCRIPT);
        fleet.backend("openai-only").setChatScript(SCRIPT);
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
    void pingSucceedsAtTheRoot() throws OllamaException {
        assertThat(ollama.ping()).isTrue();
    }

    @Test
    void listModelsShowsTheOllamasAndTheOpenAiServersModels() throws OllamaException {
        List<Model> models = ollama.listModels();

        assertThat(models).extracting(Model::getName).containsExactlyInAnyOrder(LLAMA, GPT);
    }

    @Test
    void chatWithTheOpenAiOnlyModel_returnsItsText() throws OllamaException {
        long before = fleet.requestsTo("openai-only", "/v1/chat/completions");

        OllamaChatResult result = ollama.chat(ask(GPT).build(), null);

        assertThat(result.getResponseModel().getMessage().getResponse()).isEqualTo(SCRIPT.fullText());
        assertThat(result.getResponseModel().isDone()).isTrue();
        assertThat(result.getResponseModel().getModel()).isEqualTo(GPT);
        assertThat(fleet.requestsTo("openai-only", "/v1/chat/completions")).isEqualTo(before + 1);
    }

    @Test
    void streamingChatWithTheOpenAiOnlyModel_handsEveryTokenToTheHandlerInOrder() throws OllamaException {
        List<String> tokens = new ArrayList<>();
        List<Boolean> doneFlags = new ArrayList<>();

        OllamaChatResult result = ollama.chat(ask(GPT).withStreaming().build(), part -> {
            tokens.add(part.getMessage().getResponse());
            doneFlags.add(part.isDone());
        });

        List<String> expected = IntStream.range(0, SCRIPT.chunks()).mapToObj(SCRIPT::token).toList();
        assertThat(tokens.subList(0, tokens.size() - 1)).containsExactlyElementsOf(expected);
        assertThat(doneFlags).containsOnlyOnce(true).last().isEqualTo(true);
        assertThat(result.getResponseModel().getMessage().getResponse()).isEqualTo(SCRIPT.fullText());
    }

    @Test
    void generateWithTheOpenAiOnlyModel_returnsItsText() throws OllamaException {
        OllamaResult result = ollama.generate(OllamaGenerateRequest.builder().withModel(GPT)
                .withPrompt("Say something about a fox.").withStreaming(false).build(), null);

        assertThat(result.getResponse()).isEqualTo(SCRIPT.fullText());
    }

    @Test
    void chatWithTheOllamasModel_stillReachesTheOllama() throws OllamaException {
        long before = fleet.requestsTo("local-ollama", "/api/chat");

        OllamaChatResult result = ollama.chat(ask(LLAMA).build(), null);

        assertThat(result.getResponseModel().getMessage().getResponse()).isEqualTo(SCRIPT.fullText());
        assertThat(fleet.requestsTo("local-ollama", "/api/chat")).isEqualTo(before + 1);
    }

    private static OllamaChatRequest ask(String model) {
        return OllamaChatRequest.builder().withModel(model)
                .withMessage(OllamaChatMessageRole.USER, "Say something about a fox.");
    }
}
