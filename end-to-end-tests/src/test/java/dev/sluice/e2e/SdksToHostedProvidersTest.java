package dev.sluice.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.anthropic.client.AnthropicClient;
import com.anthropic.client.okhttp.AnthropicOkHttpClient;
import com.anthropic.helpers.MessageAccumulator;
import com.anthropic.models.messages.Message;
import com.anthropic.models.messages.MessageCreateParams;
import com.anthropic.models.messages.RawMessageStreamEvent;
import com.anthropic.models.messages.StopReason;
import com.anthropic.models.messages.TextDelta;
import com.openai.client.OpenAIClient;
import com.openai.client.okhttp.OpenAIOkHttpClient;
import com.openai.core.http.StreamResponse;
import com.openai.models.chat.completions.ChatCompletion;
import com.openai.models.chat.completions.ChatCompletionChunk;
import com.openai.models.chat.completions.ChatCompletionCreateParams;
import dev.sluice.simulator.ChatScript;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The official OpenAI and Anthropic Java SDKs reach the same simulated cloud models as ollama4j does: the OpenAI
 * SDK through {@code /olla/openai/v1} onto the hosted Anthropic API, Gemini's native API and Azure OpenAI; the
 * Anthropic SDK through {@code /olla/anthropic} onto the hosted OpenAI API, Gemini and Azure. Whole and streamed.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(60)
class SdksToHostedProvidersTest {

    private static final ChatScript SCRIPT = new ChatScript(6, Duration.ZERO);
    private static final List<String> TOKENS = IntStream.range(0, SCRIPT.chunks()).mapToObj(SCRIPT::token).toList();

    private HostedFleet fleet;
    private OpenAIClient openai;
    private AnthropicClient anthropic;

    @BeforeAll
    void start(@TempDir Path dir) throws Exception {
        fleet = new HostedFleet(SCRIPT).start(dir);
        openai = OpenAIOkHttpClient.builder().baseUrl(fleet.url("/olla/openai/v1")).apiKey("the-clients-own-key")
                .timeout(Duration.ofSeconds(15)).maxRetries(0).build();
        anthropic = AnthropicOkHttpClient.builder().baseUrl(fleet.url("/olla/anthropic")).apiKey("the-clients-own-key")
                .timeout(Duration.ofSeconds(15)).maxRetries(0).build();
    }

    @AfterAll
    void stop() {
        if (openai != null) {
            openai.close();
        }
        if (anthropic != null) {
            anthropic.close();
        }
        if (fleet != null) {
            fleet.close();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {HostedFleet.CLAUDE, HostedFleet.GEMINI, HostedFleet.AZURE_MODEL})
    void openAiSdkChatsWithTheCloudModel(String model) {
        ChatCompletion completion = openai.chat().completions().create(openAiAsk(model));

        assertThat(completion.choices()).singleElement().satisfies(choice -> {
            assertThat(choice.message().content()).contains(SCRIPT.fullText());
            assertThat(choice.finishReason()).isEqualTo(ChatCompletion.Choice.FinishReason.STOP);
        });
    }

    @ParameterizedTest
    @ValueSource(strings = {HostedFleet.CLAUDE, HostedFleet.GEMINI, HostedFleet.AZURE_MODEL})
    void openAiSdkStreamsFromTheCloudModel(String model) {
        List<String> deltas = new ArrayList<>();
        List<ChatCompletionChunk.Choice.FinishReason> finishes = new ArrayList<>();
        try (StreamResponse<ChatCompletionChunk> stream = openai.chat().completions().createStreaming(openAiAsk(model))) {
            stream.stream().flatMap(chunk -> chunk.choices().stream()).forEach(choice -> {
                choice.delta().content().filter(text -> !text.isEmpty()).ifPresent(deltas::add);
                choice.finishReason().ifPresent(finishes::add);
            });
        }

        assertThat(deltas).containsExactlyElementsOf(TOKENS);
        assertThat(finishes).containsExactly(ChatCompletionChunk.Choice.FinishReason.STOP);
    }

    @ParameterizedTest
    @ValueSource(strings = {HostedFleet.GPT, HostedFleet.GEMINI, HostedFleet.AZURE_MODEL})
    void anthropicSdkChatsWithTheCloudModel(String model) {
        Message message = anthropic.messages().create(anthropicAsk(model));

        assertThat(message.content()).singleElement().satisfies(block ->
                assertThat(block.text().orElseThrow().text()).isEqualTo(SCRIPT.fullText()));
        assertThat(message.stopReason()).contains(StopReason.END_TURN);
    }

    @ParameterizedTest
    @ValueSource(strings = {HostedFleet.GPT, HostedFleet.GEMINI, HostedFleet.AZURE_MODEL})
    void anthropicSdkStreamsFromTheCloudModel(String model) {
        List<RawMessageStreamEvent> events = new ArrayList<>();
        try (com.anthropic.core.http.StreamResponse<RawMessageStreamEvent> stream =
                     anthropic.messages().createStreaming(anthropicAsk(model))) {
            stream.stream().forEach(events::add);
        }

        List<String> deltas = events.stream().flatMap(e -> e.contentBlockDelta().stream())
                .flatMap(d -> d.delta().text().stream()).map(TextDelta::text).filter(t -> !t.isEmpty()).toList();
        assertThat(deltas).containsExactlyElementsOf(TOKENS);
        MessageAccumulator accumulator = MessageAccumulator.create();
        events.forEach(accumulator::accumulate);
        assertThat(accumulator.message().stopReason()).contains(StopReason.END_TURN);
    }

    private static ChatCompletionCreateParams openAiAsk(String model) {
        return ChatCompletionCreateParams.builder().model(model).addUserMessage("Say something about a fox.").build();
    }

    private static MessageCreateParams anthropicAsk(String model) {
        return MessageCreateParams.builder().model(model).maxTokens(256).addUserMessage("Say something about a fox.")
                .build();
    }
}
