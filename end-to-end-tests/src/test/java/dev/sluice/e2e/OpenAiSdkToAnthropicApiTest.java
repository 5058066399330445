package dev.sluice.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.openai.client.OpenAIClient;
import com.openai.client.okhttp.OpenAIOkHttpClient;
import com.openai.core.http.StreamResponse;
import com.openai.models.chat.completions.ChatCompletion;
import com.openai.models.chat.completions.ChatCompletionChunk;
import com.openai.models.chat.completions.ChatCompletionCreateParams;
import com.openai.models.chat.completions.ChatCompletionStreamOptions;
import dev.sluice.bootstrap.EmbeddedSluice;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The official OpenAI Java SDK against {@code /olla/openai/v1}, in front of a simulated hosted Anthropic API: the
 * SDK's chat requests reach Anthropic's Messages API translated, and what comes back parses as the SDK's own
 * types, streamed chunk by chunk (text, a tool call with its arguments in pieces, finish reason, usage).
 */
@Timeout(60)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OpenAiSdkToAnthropicApiTest {

    private HostedAnthropicApi anthropic;
    private EmbeddedSluice proxy;
    private OpenAIClient client;

    @BeforeAll
    void start(@TempDir Path dir) throws Exception {
        anthropic = new HostedAnthropicApi();
        Path config = Files.writeString(dir.resolve("config.yaml"), "server:\n  port: 0\n  request_logging: false\n"
                + "discovery:\n  static:\n    endpoints:\n" + anthropic.endpointYaml());
        proxy = EmbeddedSluice.start(config);
        HttpClient http = HttpClient.newHttpClient();
        URI models = URI.create("http://127.0.0.1:" + proxy.port() + "/olla/openai/v1/models");
        await().atMost(Duration.ofSeconds(15)).until(() -> http.send(HttpRequest.newBuilder(models).build(),
                HttpResponse.BodyHandlers.ofString()).body().contains(HostedAnthropicApi.MODEL));
        client = OpenAIOkHttpClient.builder().baseUrl("http://127.0.0.1:" + proxy.port() + "/olla/openai/v1")
                .apiKey("the-clients-own-key").timeout(Duration.ofSeconds(15)).maxRetries(0).build();
    }

    @AfterAll
    void stop() throws Exception {
        if (client != null) {
            client.close();
        }
        if (proxy != null) {
            proxy.close();
        }
        if (anthropic != null) {
            anthropic.close();
        }
    }

    private static ChatCompletionCreateParams.Builder ask() {
        return ChatCompletionCreateParams.builder().model(HostedAnthropicApi.MODEL)
                .addSystemMessage("Answer in one sentence.")
                .addUserMessage("Say something about a fox.");
    }

    @Test
    void wholeCompletion_parsesAsTheSdksType() {
        ChatCompletion completion = client.chat().completions().create(ask().build());

        assertThat(completion.model()).isEqualTo(HostedAnthropicApi.MODEL);
        assertThat(completion.choices()).singleElement().satisfies(choice -> {
            assertThat(choice.message().content()).contains("The quick brown fox.");
            assertThat(choice.finishReason()).isEqualTo(ChatCompletion.Choice.FinishReason.STOP);
        });
        assertThat(completion.usage()).hasValueSatisfying(u -> assertThat(u.totalTokens()).isEqualTo(20));
        assertThat(anthropic.messageBodies).last().asString().contains("\"system\":\"Answer in one sentence.\"")
                .contains("\"max_tokens\":");
    }

    @Test
    void streamedCompletion_arrivesAsChunks_withTheToolCallAndUsage() {
        List<ChatCompletionChunk> chunks = new ArrayList<>();
        try (StreamResponse<ChatCompletionChunk> stream = client.chat().completions().createStreaming(ask()
                .streamOptions(ChatCompletionStreamOptions.builder().includeUsage(true).build()).build())) {
            stream.stream().forEach(chunks::add);
        }

        StringBuilder text = new StringBuilder();
        StringBuilder arguments = new StringBuilder();
        List<String> toolIds = new ArrayList<>();
        List<ChatCompletionChunk.Choice.FinishReason> finishes = new ArrayList<>();
        for (ChatCompletionChunk chunk : chunks) {
            for (ChatCompletionChunk.Choice choice : chunk.choices()) {
                choice.delta().content().ifPresent(text::append);
                choice.delta().toolCalls().orElse(List.of()).forEach(call -> {
                    call.id().ifPresent(toolIds::add);
                    call.function().flatMap(ChatCompletionChunk.Choice.Delta.ToolCall.Function::arguments)
                            .ifPresent(arguments::append);
                });
                choice.finishReason().ifPresent(finishes::add);
            }
        }
        assertThat(text).hasToString("The quick brown fox.");
        assertThat(toolIds).containsExactly("toolu_e2e");
        assertThat(arguments).hasToString("{\"animal\":\"fox\"}");
        assertThat(finishes).containsExactly(ChatCompletionChunk.Choice.FinishReason.TOOL_CALLS);
        assertThat(chunks).last().satisfies(last -> assertThat(last.usage().map(u -> u.completionTokens()))
                .isEqualTo(Optional.of(11L)));
        assertThat(anthropic.messageBodies).last().asString().contains("\"stream\":true");
    }
}
