package dev.sluice.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.openai.client.OpenAIClient;
import com.openai.client.okhttp.OpenAIOkHttpClient;
import com.openai.core.http.StreamResponse;
import com.openai.models.chat.completions.ChatCompletionChunk;
import com.openai.models.chat.completions.ChatCompletionCreateParams;
import dev.sluice.simulator.BackendKind;
import dev.sluice.simulator.ChatScript;
import dev.sluice.simulator.SimulatedBackend;
import io.github.ollama4j.Ollama;
import io.github.ollama4j.exceptions.OllamaException;
import io.github.ollama4j.models.chat.OllamaChatMessageRole;
import io.github.ollama4j.models.chat.OllamaChatRequest;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A stream is relayed as it is produced, not gathered and sent at the end. The backends take about a second to
 * generate (20 chunks, 50 ms apart); a proxy that buffered would hand the SDK
 * the first token only when the last one exists.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(30)
class StreamingLatencyTest {

    private static final int CHUNKS = 20;
    private static final long PAUSE_MILLIS = 50;
    private static final ChatScript SLOW = new ChatScript(CHUNKS, Duration.ofMillis(PAUSE_MILLIS));
    /** Generation takes 19 pauses, 950 ms: the first token must come far sooner, the last no sooner. */
    private static final Duration FIRST_TOKEN_BY = Duration.ofMillis(500);
    private static final Duration LAST_TOKEN_NOT_BEFORE = Duration.ofMillis(800);

    private static final String VLLM_MODEL = "Qwen/Qwen2.5-7B-Instruct";
    private static final String OLLAMA_MODEL = "llama3.2:3b";

    private ProxiedFleet fleet;
    private OpenAIClient openAi;
    private Ollama ollama;

    @BeforeAll
    void startFleet(@TempDir Path dir) throws Exception {
        fleet = ProxiedFleet.start(dir,
                SimulatedBackend.builder(BackendKind.VLLM).name("vllm").models(VLLM_MODEL),
                SimulatedBackend.builder(BackendKind.OLLAMA).name("ollama").models(OLLAMA_MODEL));
        openAi = OpenAIOkHttpClient.builder().baseUrl(fleet.url("/olla/openai/v1")).apiKey("unused-by-the-proxy")
                .timeout(Duration.ofSeconds(15)).maxRetries(0).build();
        ollama = new Ollama(fleet.url("/olla/ollama"));
        ollama.setRequestTimeoutSeconds(15);
        // One quick stream through each SDK loads its streaming classes and opens the proxy's upstream
        // connections, so the timed calls measure relaying rather than a cold JVM.
        try (StreamResponse<ChatCompletionChunk> warmUp =
                     openAi.chat().completions().createStreaming(ask(VLLM_MODEL))) {
            warmUp.stream().forEach(chunk -> { });
        }
        ollama.chat(askOllama().withStreaming().build(), part -> { });
        fleet.backend("vllm").setChatScript(SLOW);
        fleet.backend("ollama").setChatScript(SLOW);
    }

    @AfterAll
    void stopFleet() {
        if (openAi != null) {
            openAi.close();
        }
        if (fleet != null) {
            fleet.close();
        }
    }

    @Test
    void openAiSdkStreamDeliversTheFirstTokenLongBeforeTheBackendFinishes() {
        List<Duration> arrivals = new ArrayList<>();
        long sent = System.nanoTime();
        try (StreamResponse<ChatCompletionChunk> stream =
                     openAi.chat().completions().createStreaming(ask(VLLM_MODEL))) {
            stream.stream()
                    .filter(chunk -> chunk.choices().stream()
                            .anyMatch(choice -> choice.delta().content().filter(text -> !text.isEmpty()).isPresent()))
                    .forEach(chunk -> arrivals.add(Duration.ofNanos(System.nanoTime() - sent)));
        }

        assertDeliveredAsGenerated(arrivals);
    }

    @Test
    void ollama4jTokenHandlerSeesTheFirstTokenLongBeforeTheBackendFinishes() throws OllamaException {
        List<Duration> arrivals = new ArrayList<>();
        long sent = System.nanoTime();
        ollama.chat(askOllama().withStreaming().build(), part -> {
            if (!part.isDone()) {
                arrivals.add(Duration.ofNanos(System.nanoTime() - sent));
            }
        });

        assertDeliveredAsGenerated(arrivals);
    }

    private static void assertDeliveredAsGenerated(List<Duration> arrivals) {
        assertThat(arrivals).hasSize(CHUNKS);
        assertThat(arrivals.get(0)).as("first token; all arrivals %s", arrivals).isLessThan(FIRST_TOKEN_BY);
        assertThat(arrivals.get(CHUNKS - 1)).as("last token; all arrivals %s", arrivals)
                .isGreaterThan(LAST_TOKEN_NOT_BEFORE);
    }

    private static ChatCompletionCreateParams ask(String model) {
        return ChatCompletionCreateParams.builder().model(model).addUserMessage("Tell a long story.").build();
    }

    private static OllamaChatRequest askOllama() {
        return OllamaChatRequest.builder().withModel(OLLAMA_MODEL)
                .withMessage(OllamaChatMessageRole.USER, "Tell a long story.");
    }
}
