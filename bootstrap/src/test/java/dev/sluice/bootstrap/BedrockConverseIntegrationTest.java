package dev.sluice.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sluice.simulator.ChatScript;
import dev.sluice.simulator.SimulatedBedrock;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;

/**
 * The real proxy in front of a simulated Bedrock (Converse and ConverseStream, AWS event-stream framing with real
 * checksums) that recomputes every SigV4 signature with the secret it holds: Ollama's {@code /api/chat}, OpenAI
 * chat and Anthropic Messages reach Bedrock models, whole and streamed, tool calls included, and Bedrock's errors
 * come back in the caller's dialect with Bedrock's status.
 */
@Timeout(60)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BedrockConverseIntegrationTest {

    static final String CLAUDE = "anthropic.claude-3-5-sonnet-20240620-v1:0";
    static final String NOVA = "amazon.nova-pro-v1:0";
    static final String STREAM_ERROR = "amazon.stream-error-v1:0";
    private static final String SECRET = "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY";
    private static final String TOKEN = "FwoGZXIvYXdzEXAMPLE-session";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ChatScript SCRIPT = new ChatScript(4, Duration.ZERO);
    private static final String WEATHER_TOOL = "\"tools\":[{\"type\":\"function\",\"function\":{\"name\":\"get_weather\","
            + "\"description\":\"Weather by city\",\"parameters\":{\"type\":\"object\",\"properties\":{\"city\":"
            + "{\"type\":\"string\"}},\"required\":[\"city\"]}}}]";

    private SimulatedBedrock bedrock;
    private RunningProxy proxy;

    static String endpoint(String name, SimulatedBedrock bedrock, String... extra) {
        List<String> lines = new ArrayList<>(List.of("provider:", "  region: us-east-1", "  access_key_id: AKIDEXAMPLE",
                "  secret_access_key: \"" + SECRET + "\""));
        lines.addAll(List.of(extra));
        return RunningProxy.endpoint(name, bedrock.baseUri(), "bedrock", lines.toArray(String[]::new))
                .replace("check_interval: 1s", "check_interval: 30s").replace("check_timeout: 800ms", "check_timeout: 10s");
    }

    @BeforeAll
    void start() throws Exception {
        bedrock = new SimulatedBedrock("AKIDEXAMPLE", "us-east-1", List.of(CLAUDE, NOVA, STREAM_ERROR));
        bedrock.setChatScript(SCRIPT);
        bedrock.setSignatureCheck(new SigV4Check("AKIDEXAMPLE", SECRET, Optional.of(TOKEN), "us-east-1"));
        proxy = RunningProxy.start(Files.createTempDirectory("bedrock-converse"), RunningProxy.config("",
                endpoint("bedrock", bedrock, "  session_token: \"" + TOKEN + "\"")));
        await().atMost(Duration.ofSeconds(30)).until(() -> proxy.get("/api/tags").body().contains(NOVA));
    }

    @AfterAll
    void stop() throws Exception {
        if (proxy != null) {
            proxy.close();
        }
        if (bedrock != null) {
            bedrock.close();
        }
    }

    private SimulatedBedrock.Seen lastConversation() {
        List<SimulatedBedrock.Seen> seen = bedrock.conversations();
        return seen.get(seen.size() - 1);
    }

    @Test
    void ollamaChat_reachesConverse_signed_andComesBackAsOneOllamaAnswer() throws Exception {
        HttpResponse<String> response = proxy.post("/api/chat", "{\"model\":\"" + CLAUDE + "\",\"stream\":false,"
                + "\"messages\":[{\"role\":\"system\",\"content\":\"Be brief.\"},{\"role\":\"user\",\"content\":\"hi\"}],"
                + "\"options\":{\"temperature\":0.2,\"num_predict\":64}}");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("X-Olla-Mode")).hasValue("translation");
        JsonNode answer = JSON.readTree(response.body());
        assertThat(answer.path("message").path("content").asText()).isEqualTo(SCRIPT.fullText());
        assertThat(answer.path("model").asText()).isEqualTo(CLAUDE);
        assertThat(answer.path("done").asBoolean()).isTrue();
        SimulatedBedrock.Seen seen = lastConversation();
        assertThat(seen.rawPath()).isEqualTo("/model/anthropic.claude-3-5-sonnet-20240620-v1%3A0/converse");
        assertThat(seen.authorization()).startsWith("AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/")
                .contains("/us-east-1/bedrock/aws4_request");
        assertThat(seen.securityToken()).isEqualTo(TOKEN);
        JsonNode sent = JSON.readTree(seen.body());
        assertThat(sent.path("system").path(0).path("text").asText()).isEqualTo("Be brief.");
        assertThat(sent.path("inferenceConfig").path("maxTokens").asInt()).isEqualTo(64);
        assertThat(sent.path("inferenceConfig").path("temperature").asDouble()).isEqualTo(0.2);
    }

    // The simulator's check is what makes "signed" mean something: it fails for another secret or another body.
    @Test
    void theSignatureCoversTheBodyAndTheSecret() throws Exception {
        proxy.post("/api/chat", "{\"model\":\"" + NOVA + "\",\"stream\":false,\"messages\":[{\"role\":\"user\","
                + "\"content\":\"hi\"}]}");
        SimulatedBedrock.Seen seen = lastConversation();
        SimulatedBedrock.Seen otherBody = new SimulatedBedrock.Seen(seen.method(), seen.rawPath(), seen.host(),
                seen.authorization(), seen.amzDate(), seen.securityToken(), seen.contentSha256(),
                seen.bodyText().replace("hi", "ho").getBytes(java.nio.charset.StandardCharsets.UTF_8));

        assertThat(new SigV4Check("AKIDEXAMPLE", SECRET, Optional.of(TOKEN), "us-east-1").test(seen)).isTrue();
        assertThat(new SigV4Check("AKIDEXAMPLE", "another-secret", Optional.of(TOKEN), "us-east-1").test(seen)).isFalse();
        assertThat(new SigV4Check("AKIDEXAMPLE", SECRET, Optional.of(TOKEN), "us-east-1").test(otherBody)).isFalse();
    }

    @Test
    void ollamaChatStream_comesBackAsOneNdjsonLinePerWord() throws Exception {
        HttpResponse<String> response = proxy.post("/api/chat", "{\"model\":\"" + NOVA + "\",\"messages\":"
                + "[{\"role\":\"user\",\"content\":\"hi\"}]}");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t)
                .startsWith("application/x-ndjson"));
        List<JsonNode> lines = new ArrayList<>();
        for (String line : response.body().split("\n")) {
            lines.add(JSON.readTree(line));
        }
        StringBuilder text = new StringBuilder();
        lines.forEach(l -> text.append(l.path("message").path("content").asText()));
        assertThat(text.toString()).isEqualTo(SCRIPT.fullText());
        assertThat(lines.stream().filter(l -> !l.path("message").path("content").asText().isEmpty()).count())
                .isEqualTo(SCRIPT.chunks());
        JsonNode last = lines.get(lines.size() - 1);
        assertThat(last.path("done").asBoolean()).isTrue();
        assertThat(last.path("done_reason").asText()).isEqualTo("stop");
        assertThat(last.path("eval_count").asInt()).isEqualTo(SCRIPT.chunks());
        assertThat(lastConversation().rawPath()).isEqualTo("/model/amazon.nova-pro-v1%3A0/converse-stream");
    }

    @Test
    void openAiChat_withTools_getsBedrocksToolCall_thenTheToolResultsAnswer() throws Exception {
        HttpResponse<String> call = proxy.post("/olla/openai/v1/chat/completions", "{\"model\":\"" + CLAUDE + "\","
                + WEATHER_TOOL + ",\"messages\":[{\"role\":\"user\",\"content\":\"Weather in Paris?\"}]}");

        assertThat(call.statusCode()).isEqualTo(200);
        JsonNode choice = JSON.readTree(call.body()).path("choices").path(0);
        assertThat(choice.path("finish_reason").asText()).isEqualTo("tool_calls");
        JsonNode toolCall = choice.path("message").path("tool_calls").path(0);
        assertThat(toolCall.path("id").asText()).isEqualTo("tooluse_get_weather_1");
        assertThat(toolCall.path("function").path("name").asText()).isEqualTo("get_weather");
        assertThat(JSON.readTree(toolCall.path("function").path("arguments").asText()))
                .isEqualTo(JSON.readTree("{\"city\":\"fox\"}"));
        JsonNode sent = JSON.readTree(lastConversation().body());
        assertThat(sent.path("toolConfig").path("tools").path(0).path("toolSpec").path("inputSchema").path("json")
                .path("required").path(0).asText()).isEqualTo("city");

        HttpResponse<String> answer = proxy.post("/olla/openai/v1/chat/completions", "{\"model\":\"" + CLAUDE + "\","
                + WEATHER_TOOL + ",\"messages\":[{\"role\":\"user\",\"content\":\"Weather in Paris?\"},"
                + "{\"role\":\"assistant\",\"content\":null,\"tool_calls\":[{\"id\":\"tooluse_get_weather_1\","
                + "\"type\":\"function\",\"function\":{\"name\":\"get_weather\",\"arguments\":\"{\\\"city\\\":\\\"fox\\\"}\"}}]},"
                + "{\"role\":\"tool\",\"tool_call_id\":\"tooluse_get_weather_1\",\"content\":\"18C\"}]}");

        assertThat(answer.statusCode()).isEqualTo(200);
        JsonNode completion = JSON.readTree(answer.body());
        assertThat(completion.path("choices").path(0).path("message").path("content").asText())
                .isEqualTo("The tool said: 18C");
        assertThat(completion.path("choices").path(0).path("finish_reason").asText()).isEqualTo("stop");
        assertThat(completion.path("usage").path("completion_tokens").asInt()).isEqualTo(2);
        JsonNode toolResult = JSON.readTree(lastConversation().body()).path("messages").path(2).path("content").path(0);
        assertThat(toolResult.path("toolResult").path("toolUseId").asText()).isEqualTo("tooluse_get_weather_1");
    }

    @Test
    void openAiStream_withATool_streamsTheCallsArgumentsInPieces() throws Exception {
        HttpResponse<String> response = proxy.post("/olla/openai/v1/chat/completions", "{\"model\":\"" + NOVA + "\","
                + "\"stream\":true,\"stream_options\":{\"include_usage\":true}," + WEATHER_TOOL
                + ",\"messages\":[{\"role\":\"user\",\"content\":\"Weather?\"}]}");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t)
                .startsWith("text/event-stream"));
        StringBuilder arguments = new StringBuilder();
        String finish = null;
        JsonNode usage = null;
        for (String line : response.body().split("\n")) {
            if (!line.startsWith("data: {")) {
                continue;
            }
            JsonNode chunk = JSON.readTree(line.substring(6));
            JsonNode delta = chunk.path("choices").path(0).path("delta");
            delta.path("tool_calls").forEach(c -> arguments.append(c.path("function").path("arguments").asText("")));
            if (chunk.path("choices").path(0).path("finish_reason").isTextual()) {
                finish = chunk.path("choices").path(0).path("finish_reason").asText();
            }
            if (chunk.path("usage").isObject()) {
                usage = chunk.path("usage");
            }
        }
        assertThat(JSON.readTree(arguments.toString())).isEqualTo(JSON.readTree("{\"city\":\"fox\"}"));
        assertThat(finish).isEqualTo("tool_calls");
        assertThat(usage.path("completion_tokens").asInt()).isEqualTo(12);
        assertThat(response.body()).contains("\"name\":\"get_weather\"").endsWith("data: [DONE]\n\n");
    }

    @Test
    void ollamaChat_withATool_getsTheCallInOllamasShape() throws Exception {
        HttpResponse<String> response = proxy.post("/api/chat", "{\"model\":\"" + NOVA + "\",\"stream\":false,"
                + WEATHER_TOOL + ",\"messages\":[{\"role\":\"user\",\"content\":\"Weather in Paris?\"}]}");

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode call = JSON.readTree(response.body()).path("message").path("tool_calls").path(0).path("function");
        assertThat(call.path("name").asText()).isEqualTo("get_weather");
        assertThat(call.path("arguments")).isEqualTo(JSON.readTree("{\"city\":\"fox\"}"));
    }

    @Test
    void ollamaGenerate_andTheBedrockPrefix_reachConverseToo() throws Exception {
        HttpResponse<String> generate = proxy.post("/api/generate", "{\"model\":\"" + NOVA + "\",\"stream\":false,"
                + "\"prompt\":\"Say something.\"}");
        HttpResponse<String> pinned = proxy.post("/olla/bedrock/v1/chat/completions", "{\"model\":\"" + NOVA + "\","
                + "\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}");

        assertThat(generate.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(generate.body()).path("response").asText()).isEqualTo(SCRIPT.fullText());
        assertThat(pinned.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(pinned.body()).path("choices").path(0).path("message").path("content").asText())
                .isEqualTo(SCRIPT.fullText());
        assertThat(lastConversation().rawPath()).isEqualTo("/model/amazon.nova-pro-v1%3A0/converse");
    }

    @Test
    void anthropicMessagesStream_reachesConverseStream_withToolUseEvents() throws Exception {
        HttpResponse<String> response = proxy.post("/olla/anthropic/v1/messages", "{\"model\":\"" + CLAUDE + "\","
                + "\"max_tokens\":100,\"stream\":true,\"tools\":[{\"name\":\"lookup\",\"input_schema\":{\"type\":"
                + "\"object\",\"properties\":{\"animal\":{\"type\":\"string\"}},\"required\":[\"animal\"]}}],"
                + "\"messages\":[{\"role\":\"user\",\"content\":\"Find the fox.\"}]}");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("event: message_start")
                .contains("\"content_block\":{\"type\":\"tool_use\",\"id\":\"tooluse_lookup_1\",\"name\":\"lookup\"")
                .contains("\"type\":\"input_json_delta\"").contains("\"stop_reason\":\"tool_use\"")
                .contains("event: message_stop");
        SimulatedBedrock.Seen seen = lastConversation();
        assertThat(seen.rawPath()).endsWith("/converse-stream");
        assertThat(JSON.readTree(seen.body()).path("inferenceConfig").path("maxTokens").asInt()).isEqualTo(100);
    }

    @Test
    void anthropicMessages_whole_isAMessage() throws Exception {
        HttpResponse<String> response = proxy.post("/olla/anthropic/v1/messages", "{\"model\":\"" + NOVA + "\","
                + "\"max_tokens\":100,\"system\":\"Be brief.\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}");

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode message = JSON.readTree(response.body());
        assertThat(message.path("type").asText()).isEqualTo("message");
        assertThat(message.path("content").path(0).path("text").asText()).isEqualTo(SCRIPT.fullText());
        assertThat(message.path("stop_reason").asText()).isEqualTo("end_turn");
        assertThat(message.path("model").asText()).isEqualTo(NOVA);
        assertThat(JSON.readTree(lastConversation().body()).has("anthropic_version")).isFalse();
    }

    @Test
    void bedrocksValidationError_keepsIts400_inEachCallersDialect() throws Exception {
        // Converse refuses a conversation that does not start with a user turn.
        String assistantFirst = "\"messages\":[{\"role\":\"assistant\",\"content\":\"Hello.\"}]";
        HttpResponse<String> openAi = proxy.post("/olla/openai/v1/chat/completions", "{\"model\":\"" + NOVA + "\","
                + assistantFirst + "}");
        HttpResponse<String> anthropic = proxy.post("/olla/anthropic/v1/messages", "{\"model\":\"" + NOVA + "\","
                + "\"max_tokens\":10," + assistantFirst + "}");
        HttpResponse<String> ollama = proxy.post("/api/chat", "{\"model\":\"" + NOVA + "\",\"stream\":false,"
                + assistantFirst + "}");

        assertThat(openAi.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(openAi.body()).path("error").path("message").asText())
                .isEqualTo("bedrock: A conversation must start with a user message. Try again with a conversation "
                        + "that starts with a user message.");
        assertThat(JSON.readTree(openAi.body()).path("error").path("code").asText()).isEqualTo("ValidationException");
        assertThat(anthropic.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(anthropic.body()).path("type").asText()).isEqualTo("error");
        assertThat(JSON.readTree(anthropic.body()).path("error").path("type").asText()).isEqualTo("invalid_request_error");
        assertThat(JSON.readTree(anthropic.body()).path("error").path("message").asText())
                .contains("must start with a user message");
        assertThat(ollama.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(ollama.body()).path("error").asText()).contains("must start with a user message");
    }

    @Test
    void aModelErrorMidStream_endsTheStreamWithAnErrorEvent() throws Exception {
        HttpResponse<String> response = proxy.post("/olla/openai/v1/chat/completions", "{\"model\":\"" + STREAM_ERROR
                + "\",\"stream\":true,\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("\"delta\":{\"content\":\"The\"}")
                .contains("modelStreamErrorException: The model stopped generating");
    }

    // A 429 rests the endpoint: it gets a proxy of its own, so the other tests keep theirs.
    @Test
    void throttling_keepsIts429_inOpenAisEnvelope() throws Exception {
        String throttled = "anthropic.throttled-v1:0";
        HttpResponse<String> response;
        try (SimulatedBedrock limited = new SimulatedBedrock("AKIDEXAMPLE", "us-east-1", List.of(throttled));
             RunningProxy own = RunningProxy.start(Files.createTempDirectory("bedrock-429"), RunningProxy.config("",
                     endpoint("bedrock", limited)))) {
            limited.setSignatureCheck(new SigV4Check("AKIDEXAMPLE", SECRET, Optional.empty(), "us-east-1"));
            await().atMost(Duration.ofSeconds(30)).until(() -> own.get("/api/tags").body().contains(throttled));
            response = own.post("/olla/openai/v1/chat/completions", "{\"model\":\"" + throttled + "\","
                    + "\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}");
        }

        assertThat(response.statusCode()).isEqualTo(429);
        JsonNode error = JSON.readTree(response.body()).path("error");
        assertThat(error.path("message").asText()).isEqualTo("bedrock: Too many requests, please wait before trying again.");
        assertThat(error.path("code").asText()).isEqualTo("ThrottlingException");
    }
}
