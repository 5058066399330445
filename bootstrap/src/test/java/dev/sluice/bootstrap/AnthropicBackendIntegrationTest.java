package dev.sluice.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The real proxy in front of a simulated hosted Anthropic API: an OpenAI-SDK-shaped chat request (tools, system,
 * stream options) on the OpenAI and universal routes reaches {@code /v1/messages} as an Anthropic Messages request
 * with the endpoint's key and API version, and the answer comes back as OpenAI's, whole or chunk by chunk. A 429
 * keeps its status and {@code retry-after} in OpenAI's error envelope; a stream broken mid-way ends in an error
 * event. The Anthropic front end still passes through untouched.
 */
@Timeout(60)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AnthropicBackendIntegrationTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String REQUEST = """
            {"model":"%s","stream":%s,"stream_options":{"include_usage":true},"max_tokens":200,
             "messages":[{"role":"system","content":"Be brief."},{"role":"user","content":"Weather in Paris?"}],
             "tools":[{"type":"function","function":{"name":"get_weather","description":"Weather by city",
               "parameters":{"type":"object","properties":{"city":{"type":"string"}},"required":["city"]}}}]}
            """;

    private FakeAnthropicMessages anthropic;
    private RunningProxy proxy;

    @BeforeAll
    void start() throws Exception {
        anthropic = new FakeAnthropicMessages("sk-ant");
        proxy = RunningProxy.start(Files.createTempDirectory("anthropic-backend"), RunningProxy.config("",
                RunningProxy.endpoint("claude", anthropic.baseUri(), "anthropic", "auth: {key: sk-ant}")));
        await().atMost(Duration.ofSeconds(20)).until(() ->
                proxy.get("/olla/openai/v1/models").body().contains(FakeAnthropicMessages.MODEL));
    }

    @AfterAll
    void stop() throws Exception {
        if (proxy != null) {
            proxy.close();
        }
        if (anthropic != null) {
            anthropic.close();
        }
    }

    private HttpResponse<String> chat(String path, String model, boolean stream) throws Exception {
        return proxy.http.send(HttpRequest.newBuilder(proxy.uri(path)).timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/json").header("Authorization", "Bearer client-secret")
                .POST(HttpRequest.BodyPublishers.ofString(REQUEST.formatted(model, stream))).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private JsonNode lastMessagesRequest() throws Exception {
        FakeAnthropicMessages.Seen seen = anthropic.messages().get(anthropic.messages().size() - 1);
        assertThat(seen.headers().get("x-api-key")).isEqualTo("sk-ant");
        assertThat(seen.headers().get("anthropic-version")).isEqualTo("2023-06-01");
        assertThat(seen.headers().get("Authorization")).isNull();
        return JSON.readTree(seen.body());
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"/olla/openai/v1/chat/completions", "/olla/proxy/v1/chat/completions"})
    void wholeAnswer_isAChatCompletion(String path) throws Exception {
        HttpResponse<String> response = chat(path, FakeAnthropicMessages.MODEL, false);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("X-Olla-Mode")).contains("translation");
        JsonNode completion = JSON.readTree(response.body());
        assertThat(completion.path("object").asText()).isEqualTo("chat.completion");
        assertThat(completion.path("model").asText()).isEqualTo(FakeAnthropicMessages.MODEL);
        assertThat(completion.path("choices").path(0).path("message").path("content").asText()).isEqualTo("Hello");
        assertThat(completion.path("choices").path(0).path("finish_reason").asText()).isEqualTo("stop");
        assertThat(completion.path("usage").path("total_tokens").asInt()).isEqualTo(13);
        JsonNode sent = lastMessagesRequest();
        assertThat(sent.path("system").asText()).isEqualTo("Be brief.");
        assertThat(sent.path("max_tokens").asInt()).isEqualTo(200);
        assertThat(sent.path("tools").path(0).path("input_schema").path("required").path(0).asText()).isEqualTo("city");
        assertThat(sent.path("messages").path(0).path("content").path(0).path("text").asText())
                .isEqualTo("Weather in Paris?");
    }

    @Test
    void streamedAnswer_isChatCompletionChunks_withToolCallArgumentsUsageAndDone() throws Exception {
        HttpResponse<String> response = chat("/olla/openai/v1/chat/completions", FakeAnthropicMessages.MODEL, true);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("text/event-stream");
        StringBuilder text = new StringBuilder();
        StringBuilder arguments = new StringBuilder();
        String finish = null;
        JsonNode usage = null;
        String[] events = response.body().split("\n\n");
        for (String event : events) {
            String data = event.substring("data: ".length());
            if (data.equals("[DONE]")) {
                continue;
            }
            JsonNode chunk = JSON.readTree(data);
            assertThat(chunk.path("object").asText()).isEqualTo("chat.completion.chunk");
            JsonNode choice = chunk.path("choices").path(0);
            text.append(choice.path("delta").path("content").asText(""));
            choice.path("delta").path("tool_calls").forEach(c -> arguments.append(c.path("function").path("arguments").asText("")));
            if (choice.path("finish_reason").isTextual()) {
                finish = choice.path("finish_reason").asText();
            }
            if (chunk.path("usage").isObject()) {
                usage = chunk.path("usage");
            }
        }
        assertThat(text).hasToString("Hello");
        assertThat(arguments).hasToString("{\"city\":\"Paris\"}");
        assertThat(finish).isEqualTo("tool_calls");
        assertThat(usage.path("prompt_tokens").asInt()).isEqualTo(12);
        assertThat(usage.path("completion_tokens").asInt()).isEqualTo(9);
        assertThat(events[events.length - 1]).isEqualTo("data: [DONE]");
        assertThat(lastMessagesRequest().path("stream").asBoolean()).isTrue();
    }

    // A 429 rests the endpoint for its retry-after: it gets a proxy of its own, so the other tests keep theirs.
    @Test
    void rateLimited_keeps429AndRetryAfter_inOpenAisErrorEnvelope() throws Exception {
        HttpResponse<String> response;
        try (FakeAnthropicMessages limited = new FakeAnthropicMessages("sk-ant");
             RunningProxy own = RunningProxy.start(Files.createTempDirectory("anthropic-429"), RunningProxy.config("",
                     RunningProxy.endpoint("claude", limited.baseUri(), "anthropic", "auth: {key: sk-ant}")))) {
            await().atMost(Duration.ofSeconds(20)).until(() ->
                    own.get("/olla/openai/v1/models").body().contains("claude-limited"));
            response = own.http.send(HttpRequest.newBuilder(own.uri("/olla/openai/v1/chat/completions"))
                    .timeout(Duration.ofSeconds(10)).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(REQUEST.formatted("claude-limited", false))).build(),
                    HttpResponse.BodyHandlers.ofString());
        }

        assertThat(response.statusCode()).isEqualTo(429);
        assertThat(response.headers().firstValue("retry-after")).contains("7");
        JsonNode error = JSON.readTree(response.body()).path("error");
        assertThat(error.path("type").asText()).isEqualTo("rate_limit_error");
        assertThat(error.path("code").asText()).isEqualTo("rate_limit_error");
        assertThat(error.path("message").asText()).contains("Number of requests has exceeded your rate limit");
    }

    @Test
    void streamBrokenMidWay_endsInAnOpenAiErrorEvent() throws Exception {
        HttpResponse<String> response = chat("/olla/openai/v1/chat/completions", "claude-breaks", true);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("\"content\":\"Hel\"").contains("{\"error\":{\"message\":\"claude failed mid-stream")
                .doesNotContain("[DONE]");
    }

    @Test
    void anthropicFrontEnd_stillPassesThroughToTheAnthropicEndpoint() throws Exception {
        HttpResponse<String> response = proxy.post("/olla/anthropic/v1/messages", "{\"model\":\""
                + FakeAnthropicMessages.MODEL + "\",\"max_tokens\":10,\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("X-Olla-Mode")).contains("passthrough");
        assertThat(JSON.readTree(response.body()).path("type").asText()).isEqualTo("message");
    }
}
