package dev.sluice.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.eclipse.jetty.client.ContentResponse;
import org.eclipse.jetty.client.Request;
import org.eclipse.jetty.client.StringRequestContent;
import org.eclipse.jetty.http.HttpMethod;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The hosted kinds: each checks its own credential and answers in its provider's own bytes. */
class HostedKindsTest {

    private static final String OPENAI_CHAT = "{\"model\":\"%s\",\"messages\":[{\"role\":\"user\",\"content\":\"hi there\"}]%s}";
    private static final String MESSAGES = "{\"model\":\"%s\",\"max_tokens\":%d,\"messages\":[{\"role\":\"user\","
            + "\"content\":\"hi there\"}]%s}";
    private static final String GEMINI = "{\"contents\":[{\"role\":\"user\",\"parts\":[{\"text\":\"hi there\"}]}]%s}";
    private static final Map<BackendKind, String> CHAT_PATHS = Map.of(
            BackendKind.OPENAI_API, "/v1/chat/completions",
            BackendKind.ANTHROPIC, "/v1/messages",
            BackendKind.GEMINI, "/v1beta/models/gemini-2.5-flash:generateContent",
            BackendKind.AZURE_OPENAI, "/openai/deployments/gpt-4o/chat/completions");

    private static TestHttp http;

    @BeforeAll
    static void startClient() {
        http = new TestHttp();
    }

    @AfterAll
    static void stopClient() {
        http.close();
    }

    @ParameterizedTest
    @EnumSource(value = BackendKind.class, names = {"OPENAI_API", "ANTHROPIC", "GEMINI", "AZURE_OPENAI"})
    void withoutTheKeyEveryRouteIsRefusedInTheProvidersShape(BackendKind kind) throws Exception {
        try (SimulatedBackend backend = SimulatedBackend.builder(kind).start()) {
            ContentResponse refused = http.client().newRequest(backend.baseUri().resolve(kind.discoveryPath()))
                    .headers(h -> h.put("Authorization", "Bearer wrong-key").put("x-api-key", "wrong-key")
                            .put("x-goog-api-key", "wrong-key").put("api-key", "wrong-key"))
                    .send();

            JsonNode body = TestHttp.json(refused);
            switch (kind) {
                case OPENAI_API:
                    assertThat(refused.getStatus()).isEqualTo(401);
                    assertThat(body.at("/error/code").asText()).isEqualTo("invalid_api_key");
                    assertThat(body.at("/error/type").asText()).isEqualTo("invalid_request_error");
                    assertThat(body.at("/error").has("param")).isTrue();
                    break;
                case ANTHROPIC:
                    assertThat(refused.getStatus()).isEqualTo(401);
                    assertThat(body.path("type").asText()).isEqualTo("error");
                    assertThat(body.at("/error/type").asText()).isEqualTo("authentication_error");
                    break;
                case GEMINI:
                    assertThat(refused.getStatus()).isEqualTo(400);
                    assertThat(body.at("/error/status").asText()).isEqualTo("INVALID_ARGUMENT");
                    assertThat(body.at("/error/details/0/reason").asText()).isEqualTo("API_KEY_INVALID");
                    break;
                default:
                    assertThat(refused.getStatus()).isEqualTo(401);
                    assertThat(body.at("/error/code").asText()).isEqualTo("401");
            }
        }
    }

    @Test
    void openAiSendsRateLimitHeadersAndStreamsChat() throws Exception {
        try (SimulatedBackend openai = SimulatedBackend.builder(BackendKind.OPENAI_API).start()) {
            ContentResponse models = http.get(openai, "/v1/models");
            assertThat(models.getHeaders().get("x-ratelimit-limit-requests")).isEqualTo("10000");
            assertThat(models.getHeaders().get("x-ratelimit-remaining-tokens")).isNotNull();
            assertThat(TestHttp.json(models).at("/data/0/owned_by").asText()).isEqualTo("system");

            ContentResponse stream = post(openai, "/v1/chat/completions", OPENAI_CHAT.formatted("gpt-4o", ",\"stream\":true"));
            assertThat(stream.getHeaders().get("Content-Type")).isEqualTo("text/event-stream");
            assertThat(stream.getContentAsString()).startsWith("data: {\"id\":\"chatcmpl-").endsWith("data: [DONE]\n\n");
        }
    }

    @Test
    void anthropicNeedsAVersionListsModelsAndStreamsTheEventSequence() throws Exception {
        try (SimulatedBackend anthropic = SimulatedBackend.builder(BackendKind.ANTHROPIC).start()) {
            ContentResponse noVersion = http.client().newRequest(anthropic.baseUri().resolve("/v1/models"))
                    .headers(h -> h.put("x-api-key", HostedApiKey.VALUE)).send();
            assertThat(noVersion.getStatus()).isEqualTo(400);
            assertThat(TestHttp.json(noVersion).at("/error/type").asText()).isEqualTo("invalid_request_error");

            ContentResponse page = http.get(anthropic, "/v1/models?limit=1");
            JsonNode list = TestHttp.json(page);
            assertThat(list.at("/data/0/type").asText()).isEqualTo("model");
            assertThat(list.at("/data/0/display_name").asText()).isEqualTo("Claude Sonnet 4");
            assertThat(list.path("has_more").asBoolean()).isTrue();
            assertThat(list.path("last_id").asText()).isEqualTo("claude-sonnet-4-20250514");
            assertThat(page.getHeaders().get("anthropic-ratelimit-requests-limit")).isEqualTo("10000");
            assertThat(page.getHeaders().get("request-id")).startsWith("req_");

            ContentResponse stream = post(anthropic, "/v1/messages",
                    MESSAGES.formatted("claude-sonnet-4-20250514", 100, ",\"stream\":true"));
            assertThat(events(stream.getContentAsString())).containsExactly("message_start", "content_block_start",
                    "ping", "content_block_delta", "content_block_delta", "content_block_delta", "content_block_delta",
                    "content_block_delta", "content_block_stop", "message_delta", "message_stop");
        }
    }

    @Test
    void geminiPagesItsModelsAndStreamsGenerateContentAsSse() throws Exception {
        try (SimulatedBackend gemini = SimulatedBackend.builder(BackendKind.GEMINI).start()) {
            JsonNode first = http.getJson(gemini, "/v1beta/models?pageSize=1");
            assertThat(first.at("/models/0/name").asText()).isEqualTo("models/gemini-2.5-flash");
            JsonNode second = http.getJson(gemini, "/v1beta/models?pageSize=1&pageToken=" + first.path("nextPageToken").asText());
            assertThat(second.at("/models/0/name").asText()).isEqualTo("models/gemini-2.5-pro");
            assertThat(second.has("nextPageToken")).isFalse();

            ContentResponse byQueryKey = http.client().newRequest(gemini.baseUri().resolve("/v1beta/models?key=" + HostedApiKey.VALUE)).send();
            assertThat(byQueryKey.getStatus()).isEqualTo(200);

            ContentResponse whole = post(gemini, "/v1beta/models/gemini-2.5-flash:generateContent", GEMINI.formatted(""));
            JsonNode answer = TestHttp.json(whole);
            assertThat(answer.at("/candidates/0/content/parts/0/text").asText()).isEqualTo(ChatScript.defaults().fullText());
            assertThat(answer.at("/candidates/0/finishReason").asText()).isEqualTo("STOP");
            assertThat(answer.at("/usageMetadata/totalTokenCount").asInt()).isEqualTo(2 + 5);

            ContentResponse sse = post(gemini, "/v1beta/models/gemini-2.5-flash:streamGenerateContent?alt=sse", GEMINI.formatted(""));
            String text = sse.getContentAsString();
            assertThat(sse.getHeaders().get("Content-Type")).isEqualTo("text/event-stream");
            assertThat(text.split("\r\n\r\n")).hasSize(5).allMatch(frame -> frame.startsWith("data: {\"candidates\""));
            assertThat(text).endsWith("\"finishReason\":\"STOP\",\"index\":0}],\"usageMetadata\":{\"promptTokenCount\":2,"
                    + "\"candidatesTokenCount\":5,\"totalTokenCount\":7,\"promptTokensDetails\":[{\"modality\":\"TEXT\","
                    + "\"tokenCount\":2}]},\"modelVersion\":\"gemini-2.5-flash\",\"responseId\":\"sim-gemini-000002\"}\r\n\r\n");

            ContentResponse array = post(gemini, "/v1beta/models/gemini-2.5-flash:streamGenerateContent", GEMINI.formatted(""));
            assertThat(TestHttp.json(array).size()).isEqualTo(5);

            String tools = ",\"tools\":[{\"functionDeclarations\":[{\"name\":\"lookup\",\"parameters\":{\"type\":\"object\"}}]}]";
            JsonNode call = TestHttp.json(post(gemini, "/v1beta/models/gemini-2.5-flash:generateContent", GEMINI.formatted(tools)));
            assertThat(call.at("/candidates/0/content/parts/0/functionCall/name").asText()).isEqualTo("lookup");
            assertThat(call.at("/candidates/0/content/parts/0/functionCall/args/query").asText()).isEqualTo("fox");

            ContentResponse unknown = post(gemini, "/v1beta/models/gemini-0:generateContent", GEMINI.formatted(""));
            assertThat(unknown.getStatus()).isEqualTo(404);
            assertThat(TestHttp.json(unknown).at("/error/status").asText()).isEqualTo("NOT_FOUND");
        }
    }

    @Test
    void azureRoutesByDeploymentAndNeedsAnApiVersion() throws Exception {
        try (SimulatedBackend azure = SimulatedBackend.builder(BackendKind.AZURE_OPENAI).models("prod-gpt-4o").start()) {
            String body = "{\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}";
            JsonNode answer = TestHttp.json(post(azure, "/openai/deployments/prod-gpt-4o/chat/completions", body));
            assertThat(answer.path("model").asText()).isEqualTo("prod-gpt-4o");
            assertThat(answer.at("/choices/0/message/content").asText()).isEqualTo(ChatScript.defaults().fullText());

            ContentResponse missing = post(azure, "/openai/deployments/gpt-35/chat/completions", body);
            assertThat(missing.getStatus()).isEqualTo(404);
            assertThat(TestHttp.json(missing).at("/error/code").asText()).isEqualTo("DeploymentNotFound");

            ContentResponse noVersion = http.client().newRequest(azure.baseUri().resolve("/openai/models"))
                    .headers(h -> h.put("api-key", HostedApiKey.VALUE)).send();
            assertThat(noVersion.getStatus()).isEqualTo(404);
        }
    }

    @ParameterizedTest
    @EnumSource(value = BackendKind.class, names = {"OPENAI_API", "ANTHROPIC", "GEMINI", "AZURE_OPENAI"})
    void anErrorBurstAnswersInTheProvidersShapeThenServiceResumes(BackendKind kind) throws Exception {
        try (SimulatedBackend backend = SimulatedBackend.builder(kind).start()) {
            backend.setChatErrorBurst(429, 1, Duration.ofSeconds(2));
            String body = kind == BackendKind.ANTHROPIC ? MESSAGES.formatted(backend.models().get(0).name(), 50, "")
                    : kind == BackendKind.GEMINI ? GEMINI.formatted("")
                    : OPENAI_CHAT.formatted(backend.models().get(0).name(), "");

            ContentResponse limited = post(backend, CHAT_PATHS.get(kind), body);

            assertThat(limited.getStatus()).isEqualTo(429);
            assertThat(limited.getHeaders().get("Retry-After")).isEqualTo("2");
            assertThat(TestHttp.json(limited).has("error")).isTrue();
            assertThat(post(backend, CHAT_PATHS.get(kind), body).getStatus()).isEqualTo(200);
        }
    }

    private static ContentResponse post(SimulatedBackend backend, String pathAndQuery, String body) throws Exception {
        Request request = http.request(backend, pathAndQuery).method(HttpMethod.POST)
                .body(new StringRequestContent("application/json", body));
        return request.send();
    }

    private static List<String> events(String stream) {
        return stream.lines().filter(line -> line.startsWith("event: ")).map(line -> line.substring(7)).toList();
    }
}
