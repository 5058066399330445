package dev.sluice.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sluice.simulator.BackendKind;
import dev.sluice.simulator.ChatFault;
import dev.sluice.simulator.ChatScript;
import dev.sluice.simulator.SimulatedBackend;
import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code /olla/anthropic/} through the real server: llama.cpp speaks Anthropic natively (passthrough), an
 * OpenAI-compatible server only chat completions (translation); the client must not be able to tell.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(60)
abstract class AnthropicSuite {

    static final String NATIVE = "qwen2.5-coder-7b-q4_k_m.gguf";
    static final String OPENAI = "gpt-oss-20b";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String MESSAGES = "/olla/anthropic/v1/messages";
    private static final String SIMPLE = "{\"model\":\"%s\",\"max_tokens\":64,\"stream\":%s,"
            + "\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}";

    abstract String engine();

    private SimulatedBackend llamaCpp;
    private SimulatedBackend openai;
    private SimulatedBackend flaky;
    private RunningProxy proxy;

    @BeforeAll
    void start(@TempDir Path dir) throws Exception {
        llamaCpp = SimulatedBackend.builder(BackendKind.LLAMACPP).name("llamacpp").models(NATIVE).start();
        openai = SimulatedBackend.builder(BackendKind.OPENAI_COMPATIBLE).name("generic").models(OPENAI).start();
        // Its own backend, so the failures it is made to have cannot demote the one the other tests use.
        flaky = SimulatedBackend.builder(BackendKind.SGLANG).name("flaky").models("flaky-model").start();
        proxy = RunningProxy.start(dir, RunningProxy.config(
                "proxy:\n  engine: " + engine() + "\ntranslators:\n  anthropic:\n    max_message_size: 16KB\n",
                RunningProxy.endpoint("llamacpp", llamaCpp.baseUri(), "llamacpp"),
                RunningProxy.endpoint("generic", openai.baseUri(), "openai-compatible"),
                RunningProxy.endpoint("flaky", flaky.baseUri(), "sglang")));
    }

    @AfterAll
    void stop() {
        if (proxy != null) {
            proxy.close();
        }
        llamaCpp.close();
        openai.close();
        flaky.close();
    }

    @BeforeEach
    void quickScripts() {
        llamaCpp.setChatScript(ChatScript.defaults());
        openai.setChatScript(ChatScript.defaults());
        flaky.setChatFault(ChatFault.NONE);
    }

    private HttpResponse<String> post(String path, String body, String... headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(proxy.uri(path)).timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/json").header("anthropic-version", "2023-06-01")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return proxy.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** The JSON data of each event, in order, checking each {@code event:} name matches its {@code type}. */
    static List<JsonNode> events(String stream) throws IOException {
        List<JsonNode> events = new ArrayList<>();
        String name = null;
        for (String line : stream.split("\n")) {
            if (line.startsWith("event: ")) {
                name = line.substring(7);
            } else if (line.startsWith("data: ")) {
                JsonNode data = JSON.readTree(line.substring(6));
                assertThat(data.path("type").asText()).isEqualTo(name);
                events.add(data);
            }
        }
        return events;
    }

    static List<String> types(List<JsonNode> events) {
        return events.stream().map(e -> e.path("type").asText()).toList();
    }

    static String text(List<JsonNode> events, String deltaType, String field) {
        StringBuilder out = new StringBuilder();
        events.stream().filter(e -> e.at("/delta/type").asText().equals(deltaType))
                .forEach(e -> out.append(e.at("/delta/" + field).asText()));
        return out.toString();
    }

    @Test
    void anthropicCapableBackend_getsTheRequestPassedThrough_andItsAnswerComesBackUntouched() throws Exception {
        HttpResponse<String> proxied = post(MESSAGES, SIMPLE.formatted(NATIVE, false));
        assertThat(proxied.statusCode()).isEqualTo(200);
        assertThat(proxied.headers().firstValue("X-Olla-Mode")).contains("passthrough");
        assertThat(proxied.headers().firstValue("X-Olla-Endpoint")).contains("llamacpp");
        assertThat(proxied.headers().firstValue("X-Olla-Model")).contains(NATIVE);
        assertThat(proxied.headers().firstValue("X-Olla-Routing-Decision")).contains("routed");
        assertThat(proxied.headers().firstValue("X-Olla-Request-ID")).isPresent();
        JsonNode message = proxy.json(proxied);
        assertThat(message.path("type").asText()).isEqualTo("message");
        assertThat(message.at("/content/0/text").asText()).isEqualTo("The quick brown fox jumps");
        assertThat(llamaCpp.requestCount("/v1/messages")).isPositive();
    }

    @Test
    void openAiOnlyBackend_getsATranslation_andTheClientAnAnthropicMessage() throws Exception {
        HttpResponse<String> proxied = post(MESSAGES, SIMPLE.formatted(OPENAI, false));
        assertThat(proxied.statusCode()).isEqualTo(200);
        assertThat(proxied.headers().firstValue("X-Olla-Mode")).contains("translation");
        assertThat(proxied.headers().firstValue("X-Olla-Endpoint")).contains("generic");
        assertThat(proxied.headers().firstValue("content-type").orElse("")).startsWith("application/json");
        JsonNode message = proxy.json(proxied);
        assertThat(message.path("type").asText()).isEqualTo("message");
        assertThat(message.path("model").asText()).isEqualTo(OPENAI);
        assertThat(message.at("/content/0/type").asText()).isEqualTo("text");
        assertThat(message.at("/content/0/text").asText()).isEqualTo("The quick brown fox jumps");
        assertThat(message.path("stop_reason").asText()).isEqualTo("end_turn");
        assertThat(message.at("/usage/output_tokens").asLong()).isEqualTo(5);
        assertThat(openai.requestCount("/v1/chat/completions")).isPositive();
    }

    @Test
    void translatedStream_isAnthropicsEventSequence_withEveryTextDelta() throws Exception {
        HttpResponse<String> proxied = post(MESSAGES, SIMPLE.formatted(OPENAI, true));
        assertThat(proxied.statusCode()).isEqualTo(200);
        assertThat(proxied.headers().firstValue("content-type").orElse("")).startsWith("text/event-stream");
        List<JsonNode> events = events(proxied.body());
        assertThat(types(events)).containsExactly("message_start", "ping", "content_block_start",
                "content_block_delta", "content_block_delta", "content_block_delta", "content_block_delta",
                "content_block_delta", "content_block_stop", "message_delta", "message_stop");
        assertThat(text(events, "text_delta", "text")).isEqualTo("The quick brown fox jumps");
        assertThat(events.get(9).at("/delta/stop_reason").asText()).isEqualTo("end_turn");
        assertThat(events.get(9).at("/usage/output_tokens").asLong()).isEqualTo(5);
    }

    @Test
    void translatedStream_withToolsAndThinking_givesAThinkingBlockThenParallelToolUseBlocks() throws Exception {
        String body = """
                {"model":"%s","max_tokens":256,"stream":true,"thinking":{"type":"enabled","budget_tokens":2048},
                 "tools":[{"name":"search","description":"web","input_schema":{"type":"object","properties":{"query":{"type":"string"}}}},
                          {"name":"lookup","input_schema":{"type":"object"}}],
                 "messages":[{"role":"user","content":"find foxes"}]}""".formatted(OPENAI);
        List<JsonNode> events = events(post(MESSAGES, body).body());
        assertThat(types(events)).containsSubsequence("message_start", "content_block_start", "content_block_stop",
                "content_block_start", "content_block_stop", "content_block_start", "content_block_stop",
                "message_delta", "message_stop");
        assertThat(text(events, "thinking_delta", "thinking")).isEqualTo("Let me think.");
        List<JsonNode> starts = events.stream().filter(e -> e.path("type").asText().equals("content_block_start")).toList();
        assertThat(starts).extracting(e -> e.at("/content_block/type").asText()).containsExactly("thinking", "tool_use", "tool_use");
        assertThat(starts).extracting(e -> e.path("index").asInt()).containsExactly(0, 1, 2);
        assertThat(starts.get(1).at("/content_block/name").asText()).isEqualTo("search");
        assertThat(starts.get(2).at("/content_block/name").asText()).isEqualTo("lookup");
        StringBuilder secondArgs = new StringBuilder();
        events.stream().filter(e -> e.path("index").asInt(-1) == 2 && e.at("/delta/type").asText().equals("input_json_delta"))
                .forEach(e -> secondArgs.append(e.at("/delta/partial_json").asText()));
        assertThat(JSON.readTree(secondArgs.toString())).isEqualTo(JSON.readTree("{\"query\":\"dog\"}"));
        assertThat(events.get(events.size() - 2).at("/delta/stop_reason").asText()).isEqualTo("tool_use");
    }

    @Test
    void claudeCodeRequest_isAnsweredInBothModes() throws Exception {
        String fixture = resource("/anthropic/claude-code-request.json");
        String[] headers = {"anthropic-beta", "claude-code-20250219,interleaved-thinking-2025-05-14,fine-grained-tool-streaming-2025-05-14",
            "x-api-key", "sk-ant-local", "anthropic-dangerous-direct-browser-access", "true", "x-app", "cli",
            "User-Agent", "claude-cli/2.0.37 (external, cli)"};

        // Claude Code calls /v1/messages?beta=true: passthrough keeps the query, translation drops it.
        HttpResponse<String> passed = post(MESSAGES + "?beta=true", fixture.replace("\"MODEL\"", "\"" + NATIVE + "\""), headers);
        assertThat(passed.statusCode()).isEqualTo(200);
        assertThat(passed.headers().firstValue("X-Olla-Mode")).contains("passthrough");
        List<JsonNode> native_ = events(passed.body());
        assertThat(types(native_)).startsWith("message_start").endsWith("message_stop");
        assertThat(llamaCpp.requests()).anySatisfy(r -> {
            assertThat(r.path()).isEqualTo("/v1/messages");
            assertThat(r.header("anthropic-beta")).contains(headers[1]);
            assertThat(r.header("x-api-key")).isEmpty();
        });

        HttpResponse<String> translated = post(MESSAGES + "?beta=true", fixture.replace("\"MODEL\"", "\"" + OPENAI + "\""), headers);
        assertThat(translated.statusCode()).isEqualTo(200);
        assertThat(translated.headers().firstValue("X-Olla-Mode")).contains("translation");
        List<JsonNode> events = events(translated.body());
        assertThat(types(events)).startsWith("message_start", "ping").endsWith("message_delta", "message_stop");
        assertThat(events.stream().filter(e -> e.at("/content_block/type").asText().equals("tool_use")))
                .extracting(e -> e.at("/content_block/name").asText()).containsExactly("Bash", "Glob");
    }

    @Test
    void invalidRequests_get400InAnthropicsEnvelope_withTheRequestId() throws Exception {
        HttpResponse<String> refused = post(MESSAGES, "{\"model\":\"" + OPENAI + "\",\"max_tokens\":0,\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}");
        assertThat(refused.statusCode()).isEqualTo(400);
        JsonNode body = proxy.json(refused);
        assertThat(body.path("type").asText()).isEqualTo("error");
        assertThat(body.at("/error/type").asText()).isEqualTo("invalid_request_error");
        assertThat(body.at("/error/message").asText()).contains("max_tokens");
        assertThat(body.path("request_id").asText()).isEqualTo(refused.headers().firstValue("X-Olla-Request-ID").orElseThrow());
        assertThat(refused.headers().firstValue("request-id")).isEqualTo(refused.headers().firstValue("X-Olla-Request-ID"));
    }

    @Test
    void unknownModel_is404NotFoundError() throws Exception {
        HttpResponse<String> refused = post(MESSAGES, SIMPLE.formatted("no-such-model", false));
        assertThat(refused.statusCode()).isEqualTo(404);
        assertThat(proxy.json(refused).at("/error/type").asText()).isEqualTo("not_found_error");
        assertThat(refused.headers().firstValue("X-Olla-Routing-Decision")).contains("rejected");
    }

    @Test
    void messageOverMaxMessageSize_is413RequestTooLarge() throws Exception {
        String big = "{\"model\":\"" + OPENAI + "\",\"max_tokens\":5,\"messages\":[{\"role\":\"user\",\"content\":\""
                + "x".repeat(20_000) + "\"}]}";
        HttpResponse<String> refused = post(MESSAGES, big);
        assertThat(refused.statusCode()).isEqualTo(413);
        assertThat(proxy.json(refused).at("/error/type").asText()).isEqualTo("request_too_large");
    }

    @Test
    void backendErrorInTranslation_keepsItsStatus_inAnthropicsEnvelope() throws Exception {
        openai.setChatErrorBurst(500, 1, Duration.ZERO);
        HttpResponse<String> failed = post(MESSAGES, SIMPLE.formatted(OPENAI, true));
        assertThat(failed.statusCode()).isEqualTo(500);
        assertThat(failed.headers().firstValue("content-type").orElse("")).startsWith("application/json");
        JsonNode body = proxy.json(failed);
        assertThat(body.path("type").asText()).isEqualTo("error");
        assertThat(body.at("/error/type").asText()).isEqualTo("api_error");
        assertThat(body.at("/error/message").asText()).isNotBlank();
    }

    @Test
    void translatedAnswerThatIsNotJson_is502InAnthropicsEnvelope_not200() throws Exception {
        flaky.setChatFault(ChatFault.MALFORMED_JSON);
        HttpResponse<String> unreadable = post(MESSAGES, SIMPLE.formatted("flaky-model", false));
        assertThat(unreadable.statusCode()).isEqualTo(502);
        JsonNode body = proxy.json(unreadable);
        assertThat(body.path("type").asText()).isEqualTo("error");
        assertThat(body.at("/error/message").asText()).contains("not JSON");
    }

    @Test
    void translatedStreamThatTheBackendBreaks_endsWithAnErrorEvent_notACutConnection() throws Exception {
        flaky.setChatScript(new ChatScript(6, Duration.ZERO));
        flaky.setChatFault(ChatFault.DROP_MID_STREAM);
        HttpResponse<String> broken = post(MESSAGES, SIMPLE.formatted("flaky-model", true));
        assertThat(broken.statusCode()).isEqualTo(200);
        List<JsonNode> events = events(broken.body());
        assertThat(types(events)).startsWith("message_start").endsWith("error");
        assertThat(events.get(events.size() - 1).at("/error/type").asText()).isEqualTo("api_error");
        assertThat(events.get(events.size() - 1).at("/error/message").asText()).contains("flaky");
    }

    @Test
    void countTokens_goesToABackendThatCountsNatively_andIsEstimatedOtherwise() throws Exception {
        String body = "{\"model\":\"%s\",\"messages\":[{\"role\":\"user\",\"content\":\"count these words please\"}]}";
        long before = llamaCpp.requestCount("/v1/messages/count_tokens");
        HttpResponse<String> counted = post(MESSAGES + "/count_tokens", body.formatted(NATIVE));
        assertThat(counted.statusCode()).isEqualTo(200);
        assertThat(proxy.json(counted).path("input_tokens").asLong()).isPositive();
        assertThat(llamaCpp.requestCount("/v1/messages/count_tokens")).isEqualTo(before + 1);

        HttpResponse<String> estimated = post(MESSAGES + "/count_tokens", body.formatted(OPENAI));
        assertThat(estimated.statusCode()).isEqualTo(200);
        assertThat(proxy.json(estimated)).isEqualTo(JSON.readTree("{\"input_tokens\":6}"));
    }

    @Test
    void modelList_isInAnthropicsShape_withEveryReachableModel() throws Exception {
        JsonNode list = proxy.json(proxy.get("/olla/anthropic/v1/models"));
        assertThat(list.path("data")).extracting(m -> m.path("id").asText()).contains(NATIVE, OPENAI);
        assertThat(list.path("data").get(0).path("type").asText()).isEqualTo("model");
        assertThat(list.path("data").get(0).path("created_at").asText()).isNotBlank();
        assertThat(list.path("has_more").asBoolean(true)).isFalse();
        assertThat(list.path("first_id").asText()).isEqualTo(list.path("data").get(0).path("id").asText());
    }

    @Test
    void translatorStats_countPassthroughTranslationAndStreaming() throws Exception {
        post(MESSAGES, SIMPLE.formatted(NATIVE, false));
        post(MESSAGES, SIMPLE.formatted(OPENAI, true));
        JsonNode stats = proxy.json(proxy.get("/internal/stats/translators"));
        JsonNode anthropic = stats.path("translators").get(0);
        assertThat(anthropic.path("translator_name").asText()).isEqualTo("anthropic");
        assertThat(anthropic.path("passthrough_requests").asLong()).isPositive();
        assertThat(anthropic.path("translation_requests").asLong()).isPositive();
        assertThat(anthropic.path("streaming_requests").asLong()).isPositive();
        assertThat(anthropic.path("fallback_no_compatible_endpoints").asLong()).isPositive();
        assertThat(stats.at("/summary/total_requests").asLong()).isEqualTo(anthropic.path("total_requests").asLong());
    }

    static String resource(String name) throws IOException {
        try (InputStream in = AnthropicSuite.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IOException("missing test resource " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
