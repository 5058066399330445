package dev.sluice.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.anthropic.client.AnthropicClient;
import com.anthropic.client.okhttp.AnthropicOkHttpClient;
import com.anthropic.core.JsonValue;
import com.anthropic.core.http.HttpResponseFor;
import com.anthropic.core.http.StreamResponse;
import com.anthropic.errors.BadRequestException;
import com.anthropic.errors.NotFoundException;
import com.anthropic.helpers.MessageAccumulator;
import com.anthropic.models.messages.ContentBlock;
import com.anthropic.models.messages.ContentBlockParam;
import com.anthropic.models.messages.Message;
import com.anthropic.models.messages.MessageCountTokensParams;
import com.anthropic.models.messages.MessageCreateParams;
import com.anthropic.models.messages.RawMessageStreamEvent;
import com.anthropic.models.messages.StopReason;
import com.anthropic.models.messages.TextDelta;
import com.anthropic.models.messages.Tool;
import com.anthropic.models.messages.ToolResultBlockParam;
import com.anthropic.models.messages.ToolUseBlock;
import com.anthropic.models.models.ModelInfo;
import dev.sluice.simulator.BackendKind;
import dev.sluice.simulator.ChatScript;
import dev.sluice.simulator.SimulatedBackend;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The official Anthropic Java SDK, unmodified, with only its base URL set to {@code /olla/anthropic} (what
 * {@code ANTHROPIC_BASE_URL} does for Claude Code): against llama.cpp, which speaks Anthropic natively
 * (passthrough), and an OpenAI-only server (translation). The SDK parses every answer strictly, so each call
 * proves the wire format.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(30)
class AnthropicJavaSdkTest {

    private static final String NATIVE_MODEL = "qwen2.5-coder-7b-q4_k_m.gguf";
    private static final String OPENAI_MODEL = "gpt-oss-20b";
    private static final ChatScript SCRIPT = new ChatScript(7, Duration.ZERO);

    private ProxiedFleet fleet;
    private AnthropicClient client;

    @BeforeAll
    void startFleet(@TempDir Path dir) throws Exception {
        fleet = ProxiedFleet.start(dir,
                SimulatedBackend.builder(BackendKind.LLAMACPP).name("llamacpp").models(NATIVE_MODEL),
                SimulatedBackend.builder(BackendKind.OPENAI_COMPATIBLE).name("generic").models(OPENAI_MODEL));
        fleet.backend("llamacpp").setChatScript(SCRIPT);
        fleet.backend("generic").setChatScript(SCRIPT);
        client = AnthropicOkHttpClient.builder()
                .baseUrl(fleet.url("/olla/anthropic"))
                .apiKey("unused-by-the-proxy")
                .timeout(Duration.ofSeconds(15))
                // A retried request would hide a first failure, which is exactly what these tests look for.
                .maxRetries(0)
                .build();
    }

    @AfterAll
    void stopFleet() {
        if (client != null) {
            client.close();
        }
        if (fleet != null) {
            fleet.close();
        }
    }

    Stream<Arguments> modes() {
        return Stream.of(Arguments.of(NATIVE_MODEL, "passthrough", "llamacpp"),
                Arguments.of(OPENAI_MODEL, "translation", "generic"));
    }

    private static MessageCreateParams.Builder ask(String model) {
        return MessageCreateParams.builder().model(model).maxTokens(256).addUserMessage("Tell me about foxes.");
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("modes")
    void messagesCreate_returnsTheBackendsText(String model, String mode, String backend) {
        HttpResponseFor<Message> response = client.messages().withRawResponse().create(ask(model).build());
        Message message = response.parse();

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().values("X-Olla-Mode")).containsExactly(mode);
        assertThat(response.headers().values("X-Olla-Endpoint")).containsExactly(backend);
        assertThat(message.content()).singleElement().satisfies(block ->
                assertThat(block.text()).hasValueSatisfying(text -> assertThat(text.text()).isEqualTo(SCRIPT.fullText())));
        assertThat(message.stopReason()).contains(StopReason.END_TURN);
        assertThat(message.usage().outputTokens()).isEqualTo(SCRIPT.chunks());
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("modes")
    void streaming_deliversEveryTextDeltaInOrder(String model, String mode, String backend) {
        List<RawMessageStreamEvent> events = new ArrayList<>();
        try (StreamResponse<RawMessageStreamEvent> stream = client.messages().createStreaming(ask(model).build())) {
            stream.stream().forEach(events::add);
        }
        List<String> deltas = events.stream().flatMap(e -> e.contentBlockDelta().stream())
                .flatMap(d -> d.delta().text().stream()).map(TextDelta::text).toList();
        assertThat(deltas).isEqualTo(IntStream.range(0, SCRIPT.chunks()).mapToObj(SCRIPT::token).toList());

        MessageAccumulator accumulator = MessageAccumulator.create();
        events.forEach(accumulator::accumulate);
        Message message = accumulator.message();
        assertThat(message.model().asString()).isEqualTo(model);
        assertThat(message.stopReason()).contains(StopReason.END_TURN);
        assertThat(message.content()).singleElement().satisfies(block ->
                assertThat(block.text().orElseThrow().text()).isEqualTo(SCRIPT.fullText()));
    }

    @Test
    void toolUseRoundTrip_parallelCallsThenToolResults_translated() {
        Tool search = Tool.builder().name("search").description("Searches the web")
                .inputSchema(Tool.InputSchema.builder()
                        .properties(JsonValue.from(Map.of("query", Map.of("type", "string"))))
                        .required(List.of("query")).build())
                .build();
        MessageCreateParams first = ask(OPENAI_MODEL).addTool(search)
                .addTool(search.toBuilder().name("lookup").build()).build();

        Message calls = client.messages().create(first);
        assertThat(calls.stopReason()).contains(StopReason.TOOL_USE);
        List<ToolUseBlock> uses = calls.content().stream().flatMap(b -> b.toolUse().stream()).toList();
        assertThat(uses).extracting(ToolUseBlock::name).containsExactly("search", "lookup");
        assertThat(uses.get(0)._input().convert(Map.class)).isEqualTo(Map.of("query", "fox"));

        List<ContentBlockParam> results = uses.stream().map(use -> ContentBlockParam.ofToolResult(
                ToolResultBlockParam.builder().toolUseId(use.id()).content("found " + use.name()).build())).toList();
        Message answer = client.messages().create(first.toBuilder().addMessage(calls)
                .addUserMessageOfBlockParams(results).build());
        assertThat(answer.stopReason()).contains(StopReason.END_TURN);
        assertThat(answer.content()).singleElement().satisfies(block ->
                assertThat(block.text().orElseThrow().text()).isEqualTo(SCRIPT.fullText()));
    }

    @Test
    void streamedToolUse_accumulatesIntoToolUseBlocks_withTheirArguments() {
        Tool search = Tool.builder().name("search")
                .inputSchema(Tool.InputSchema.builder().properties(JsonValue.from(Map.of())).build()).build();
        MessageAccumulator accumulator = MessageAccumulator.create();
        try (StreamResponse<RawMessageStreamEvent> stream = client.messages()
                .createStreaming(ask(OPENAI_MODEL).addTool(search).build())) {
            stream.stream().forEach(accumulator::accumulate);
        }
        Message message = accumulator.message();
        assertThat(message.stopReason()).contains(StopReason.TOOL_USE);
        assertThat(message.content()).singleElement().satisfies(block -> {
            assertThat(block.toolUse().orElseThrow().name()).isEqualTo("search");
            assertThat(block.toolUse().orElseThrow()._input().convert(Map.class)).isEqualTo(Map.of("query", "fox"));
        });
    }

    @Test
    void thinking_comesBackAsThinkingBlocks_wholeAndStreamed() {
        MessageCreateParams params = ask(OPENAI_MODEL).maxTokens(4096).enabledThinking(1024).build();

        Message whole = client.messages().create(params);
        assertThat(whole.content()).extracting(b -> b.isThinking()).containsExactly(true, false);
        assertThat(whole.content().get(0).thinking().orElseThrow().thinking()).isEqualTo("Let me think.");

        MessageAccumulator accumulator = MessageAccumulator.create();
        try (StreamResponse<RawMessageStreamEvent> stream = client.messages().createStreaming(params)) {
            stream.stream().forEach(accumulator::accumulate);
        }
        List<ContentBlock> streamed = accumulator.message().content();
        assertThat(streamed.get(0).thinking().orElseThrow().thinking()).isEqualTo("Let me think.");
        assertThat(streamed.get(1).text().orElseThrow().text()).isEqualTo(SCRIPT.fullText());
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("modes")
    void countTokens_isAnswered(String model, String mode, String backend) {
        long before = fleet.requestsTo("llamacpp", "/v1/messages/count_tokens");
        long tokens = client.messages().countTokens(MessageCountTokensParams.builder().model(model)
                .addUserMessage("How many tokens is this sentence?").build()).inputTokens();

        assertThat(tokens).isPositive();
        // llama.cpp counts natively; the OpenAI-only server cannot, so the proxy estimates without calling it.
        assertThat(fleet.requestsTo("llamacpp", "/v1/messages/count_tokens"))
                .isEqualTo(mode.equals("passthrough") ? before + 1 : before);
    }

    @Test
    void modelsList_namesEveryModelBehindTheProxy() {
        List<ModelInfo> models = client.models().list().data();
        assertThat(models).extracting(ModelInfo::id).contains(NATIVE_MODEL, OPENAI_MODEL);
        assertThat(models).allSatisfy(m -> {
            assertThat(m.displayName()).isNotBlank();
            assertThat(m.createdAt()).isNotNull();
        });
    }

    @Test
    void errors_areTheSdksTypedExceptions() {
        assertThatThrownBy(() -> client.messages().create(ask("no-such-model").build()))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> client.messages().create(MessageCreateParams.builder().model(OPENAI_MODEL)
                .maxTokens(256).messages(List.of()).build()))
                .isInstanceOf(BadRequestException.class);
    }
}
