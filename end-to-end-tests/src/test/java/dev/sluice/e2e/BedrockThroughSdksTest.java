package dev.sluice.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.openai.client.OpenAIClient;
import com.openai.client.okhttp.OpenAIOkHttpClient;
import com.openai.core.http.StreamResponse;
import com.openai.models.chat.completions.ChatCompletion;
import com.openai.models.chat.completions.ChatCompletionChunk;
import com.openai.models.chat.completions.ChatCompletionCreateParams;
import dev.sluice.bootstrap.EmbeddedSluice;
import dev.sluice.simulator.ChatScript;
import dev.sluice.simulator.SimulatedBedrock;
import io.github.ollama4j.Ollama;
import io.github.ollama4j.exceptions.OllamaException;
import io.github.ollama4j.models.chat.OllamaChatMessageRole;
import io.github.ollama4j.models.chat.OllamaChatRequest;
import io.github.ollama4j.models.chat.OllamaChatResult;
import io.github.ollama4j.models.response.Model;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
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
 * ollama4j, unmodified, pointed at the proxy's root as if it were an Ollama, and the official OpenAI SDK on
 * {@code /olla/openai/v1}, both talking to Bedrock models on a simulated Bedrock (Converse and ConverseStream,
 * AWS event-stream framing, SigV4 checked on every request): models listed, whole chats, and streams whose tokens
 * reach the client while the model is still generating.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(60)
class BedrockThroughSdksTest {

    private static final String CLAUDE = "anthropic.claude-3-5-sonnet-20240620-v1:0";
    private static final String NOVA = "amazon.nova-lite-v1:0";
    /** Ten words, 60 ms apart: 540 ms of generation that a buffering proxy would deliver all at once. */
    private static final ChatScript PACED = new ChatScript(10, Duration.ofMillis(60));

    private SimulatedBedrock bedrock;
    private EmbeddedSluice proxy;
    private Ollama ollama;
    private OpenAIClient openAi;

    @BeforeAll
    void start(@TempDir Path dir) throws Exception {
        bedrock = new SimulatedBedrock("AKIDE2E", "eu-west-1", List.of(CLAUDE, NOVA));
        bedrock.setChatScript(PACED);
        Path config = Files.writeString(dir.resolve("config.yaml"), "server:\n  port: 0\n  request_logging: false\n"
                + "discovery:\n  static:\n    endpoints:\n"
                + "      - url: \"" + bedrock.baseUri() + "\"\n"
                + "        name: bedrock\n"
                + "        type: bedrock\n"
                + "        provider:\n"
                + "          region: eu-west-1\n"
                + "          access_key_id: AKIDE2E\n"
                + "          secret_access_key: e2e-secret\n");
        proxy = EmbeddedSluice.start(config);
        HttpClient http = HttpClient.newHttpClient();
        URI tags = URI.create("http://127.0.0.1:" + proxy.port() + "/api/tags");
        await().atMost(Duration.ofSeconds(30)).until(() -> http.send(HttpRequest.newBuilder(tags).build(),
                HttpResponse.BodyHandlers.ofString()).body().contains(NOVA));
        ollama = new Ollama("http://127.0.0.1:" + proxy.port());
        ollama.setRequestTimeoutSeconds(15);
        openAi = OpenAIOkHttpClient.builder().baseUrl("http://127.0.0.1:" + proxy.port() + "/olla/openai/v1")
                .apiKey("the-clients-own-key").timeout(Duration.ofSeconds(15)).maxRetries(0).build();
    }

    @AfterAll
    void stop() throws Exception {
        if (openAi != null) {
            openAi.close();
        }
        if (proxy != null) {
            proxy.close();
        }
        if (bedrock != null) {
            bedrock.close();
        }
    }

    @Test
    void ollama4jListsTheBedrockModels() throws OllamaException {
        assertThat(ollama.listModels()).extracting(Model::getName).contains(CLAUDE, NOVA);
    }

    @Test
    void ollama4jChatsWithABedrockModel() throws OllamaException {
        OllamaChatResult result = ollama.chat(ask(CLAUDE).build(), null);

        assertThat(result.getResponseModel().getMessage().getResponse()).isEqualTo(PACED.fullText());
        assertThat(result.getResponseModel().getModel()).isEqualTo(CLAUDE);
        assertThat(result.getResponseModel().isDone()).isTrue();
        assertThat(bedrock.conversations()).last().satisfies(seen -> {
            assertThat(seen.rawPath()).isEqualTo("/model/anthropic.claude-3-5-sonnet-20240620-v1%3A0/converse");
            assertThat(seen.authorization()).contains("Credential=AKIDE2E/").contains("/eu-west-1/bedrock/aws4_request");
        });
    }

    @Test
    void ollama4jStreamsFromABedrockModel_tokenByTokenWhileItGenerates() throws OllamaException {
        List<String> tokens = new ArrayList<>();
        List<Long> arrivals = new ArrayList<>();

        OllamaChatResult result = ollama.chat(ask(NOVA).withStreaming().build(), part -> {
            tokens.add(part.getMessage().getResponse());
            arrivals.add(System.nanoTime());
        });

        List<String> expected = IntStream.range(0, PACED.chunks()).mapToObj(PACED::token).toList();
        assertThat(tokens.subList(0, PACED.chunks())).containsExactlyElementsOf(expected);
        assertThat(result.getResponseModel().getMessage().getResponse()).isEqualTo(PACED.fullText());
        // Nine 60 ms pauses separate the words at the source: relayed as they come, the first and the last word
        // reach the client hundreds of milliseconds apart; gathered first, they would arrive together.
        long spreadMillis = (arrivals.get(PACED.chunks() - 1) - arrivals.get(0)) / 1_000_000;
        assertThat(spreadMillis).isGreaterThan(250);
        assertThat(bedrock.conversations()).last().satisfies(seen ->
                assertThat(seen.rawPath()).isEqualTo("/model/amazon.nova-lite-v1%3A0/converse-stream"));
    }

    @Test
    void theOpenAiSdkChatsAndStreamsWithABedrockModel() {
        ChatCompletion completion = openAi.chat().completions().create(openAiAsk().build());
        assertThat(completion.choices()).singleElement().satisfies(choice -> {
            assertThat(choice.message().content()).hasValue(PACED.fullText());
            assertThat(choice.finishReason()).isEqualTo(ChatCompletion.Choice.FinishReason.STOP);
        });

        StringBuilder text = new StringBuilder();
        List<ChatCompletionChunk.Choice.FinishReason> finishes = new ArrayList<>();
        try (StreamResponse<ChatCompletionChunk> stream = openAi.chat().completions().createStreaming(
                openAiAsk().build())) {
            stream.stream().forEach(chunk -> chunk.choices().forEach(choice -> {
                choice.delta().content().ifPresent(text::append);
                choice.finishReason().ifPresent(finishes::add);
            }));
        }
        assertThat(text).hasToString(PACED.fullText());
        assertThat(finishes).containsExactly(ChatCompletionChunk.Choice.FinishReason.STOP);
    }

    private static OllamaChatRequest ask(String model) {
        return OllamaChatRequest.builder().withModel(model)
                .withMessage(OllamaChatMessageRole.USER, "Say something about a fox.");
    }

    private static ChatCompletionCreateParams.Builder openAiAsk() {
        return ChatCompletionCreateParams.builder().model(NOVA).addSystemMessage("Answer in one sentence.")
                .addUserMessage("Say something about a fox.");
    }
}
