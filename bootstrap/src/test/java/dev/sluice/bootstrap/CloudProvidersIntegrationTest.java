package dev.sluice.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The real proxy in front of six simulated hosted APIs, each with its own URL shape, key header and list format:
 * discovery and health reach each at its own paths with its own key, chat is routed by model to the provider's
 * real URL (Groq's and OpenRouter's path prefixes, Gemini's OpenAI surface, Azure's deployment URL), the client's
 * credentials never reach a provider, and a refused key is a config_error naming the variable to fix.
 */
@Timeout(60)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CloudProvidersIntegrationTest {

    private static final String CLIENT_SECRET = "Bearer client-own-secret";
    private static final List<String> SECRETS = List.of("sk-openai", "gsk-groq", "sk-or-key", "AIza-gemini",
            "az-key", "sk-ant", "sk-wrong");

    private final List<FakeCloudApi> apis = new ArrayList<>();
    private FakeCloudApi openai;
    private FakeCloudApi groq;
    private FakeCloudApi openrouter;
    private FakeCloudApi gemini;
    private FakeCloudApi azure;
    private FakeCloudApi anthropic;
    private RunningProxy proxy;

    private FakeCloudApi api(String header, String key, Map<String, String> lists) throws Exception {
        FakeCloudApi api = new FakeCloudApi(header, key, lists);
        apis.add(api);
        return api;
    }

    private static String openAiList(String... entries) {
        return "{\"object\":\"list\",\"data\":[" + String.join(",", entries) + "]}";
    }

    @BeforeAll
    void start() throws Exception {
        openai = api("Authorization", "Bearer sk-openai", Map.of("/v1/models", openAiList(
                "{\"id\":\"gpt-4o\",\"object\":\"model\",\"created\":1715367049,\"owned_by\":\"system\"}")));
        groq = api("Authorization", "Bearer gsk-groq", Map.of("/openai/v1/models", openAiList(
                "{\"id\":\"llama-3.3-70b-versatile\",\"object\":\"model\",\"created\":1733447754,\"owned_by\":\"Meta\","
                        + "\"active\":true,\"context_window\":131072}")));
        openrouter = api("Authorization", "Bearer sk-or-key", Map.of(
                "/api/v1/models", "{\"data\":[{\"id\":\"openai/gpt-4o-mini\",\"name\":\"OpenAI: GPT-4o-mini\","
                        + "\"created\":1721260800,\"context_length\":128000}]}",
                "/api/v1/key", "{\"data\":{\"label\":\"sk-or-v1-abc...\",\"usage\":0,\"limit\":null,"
                        + "\"is_free_tier\":false}}"));
        gemini = api("x-goog-api-key", "AIza-gemini", Map.of("/v1beta/models", "{\"models\":[{\"name\":"
                + "\"models/gemini-2.5-flash\",\"displayName\":\"Gemini 2.5 Flash\",\"inputTokenLimit\":1048576,"
                + "\"supportedGenerationMethods\":[\"generateContent\",\"countTokens\"]}]}"));
        azure = api("api-key", "az-key", Map.of("/openai/models", "{\"data\":[{\"id\":\"gpt-4.1-2025-04-14\","
                + "\"status\":\"succeeded\",\"object\":\"model\"}],\"object\":\"list\"}"));
        anthropic = api("x-api-key", "sk-ant", Map.of("/v1/models", "{\"data\":[{\"type\":\"model\",\"id\":"
                + "\"claude-sonnet-4-20250514\",\"display_name\":\"Claude Sonnet 4\",\"created_at\":"
                + "\"2025-05-22T00:00:00Z\"}],\"has_more\":false,\"first_id\":\"claude-sonnet-4-20250514\","
                + "\"last_id\":\"claude-sonnet-4-20250514\"}"));
        FakeCloudApi refusing = api("Authorization", "Bearer sk-right", Map.of("/v1/models", openAiList()));
        Path keyFile = Files.writeString(proxyDir().resolve("openrouter.key"), "sk-or-key\n");
        proxy = RunningProxy.start(proxyDir(), RunningProxy.config("",
                RunningProxy.endpoint("openai", openai.baseUri().resolve("/v1"), "openai-api",
                        "auth: {token: \"${OPENAI_API_KEY:-sk-openai}\"}"),
                RunningProxy.endpoint("groq", groq.baseUri().resolve("/openai/v1"), "groq",
                        "auth: {token: gsk-groq}"),
                RunningProxy.endpoint("openrouter", openrouter.baseUri().resolve("/api/v1"), "openrouter",
                        "auth: {token_file: \"" + keyFile + "\"}", "headers: {HTTP-Referer: \"https://example.org\"}"),
                RunningProxy.endpoint("gemini", gemini.baseUri(), "gemini", "auth: {key: AIza-gemini}"),
                RunningProxy.endpoint("azure", azure.baseUri(), "azure-openai", "auth: {key: az-key}",
                        "provider: {deployments: {gpt-4.1: prod-41}}"),
                RunningProxy.endpoint("anthropic", anthropic.baseUri(), "anthropic", "auth: {key: sk-ant}"),
                RunningProxy.endpoint("openai-bad", refusing.baseUri().resolve("/v1"), "openai-api",
                        "auth: {token: \"${BAD_OPENAI_KEY:-sk-wrong}\"}")));
    }

    private Path dir;

    private Path proxyDir() throws Exception {
        if (dir == null) {
            dir = Files.createTempDirectory("cloud-providers");
        }
        return dir;
    }

    @AfterAll
    void stop() throws Exception {
        if (proxy != null) {
            proxy.close();
        }
        for (FakeCloudApi api : apis) {
            api.close();
        }
    }

    private HttpResponse<String> chat(String model, boolean stream) throws Exception {
        return chat("/olla/openai/v1/chat/completions", model, stream);
    }

    private HttpResponse<String> chat(String path, String model, boolean stream) throws Exception {
        String body = "{\"model\":\"" + model + "\",\"stream\":" + stream
                + ",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}";
        return proxy.http.send(HttpRequest.newBuilder(proxy.uri(path)).timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/json").header("Authorization", CLIENT_SECRET)
                .header("api-key", "client-azure-key").header("x-goog-api-key", "client-google-key")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void everyHostedApiIsHealthy_andARefusedKeyIsAConfigErrorNamingItsVariable() throws Exception {
        for (String name : List.of("openai", "groq", "openrouter", "gemini", "azure", "anthropic")) {
            assertThat(proxy.endpointStatus(name).get("status").asText()).as(name).isEqualTo("healthy");
        }
        JsonNode bad = proxy.endpointStatus("openai-bad");
        assertThat(bad.get("status").asText()).isEqualTo("config_error");
        assertThat(bad.get("last_error").asText()).isEqualTo(
                "401 from openai-bad: check the API key in discovery.static.endpoints[6].auth (BAD_OPENAI_KEY)");
    }

    @Test
    void healthAndDiscoveryReachEachProviderAtItsOwnPathsWithItsOwnKey() {
        assertThat(openai.requests).extracting(FakeCloudApi.Seen::pathAndQuery).contains("/v1/models")
                .allMatch(p -> !p.contains("/v1/v1"));
        assertThat(groq.requests).extracting(FakeCloudApi.Seen::pathAndQuery).contains("/openai/v1/models")
                .allMatch(p -> !p.contains("/v1/v1"));
        assertThat(openrouter.requests).extracting(FakeCloudApi.Seen::pathAndQuery)
                .contains("/api/v1/key", "/api/v1/models");
        assertThat(gemini.requests).extracting(FakeCloudApi.Seen::pathAndQuery)
                .contains("/v1beta/models?pageSize=1", "/v1beta/models?pageSize=1000");
        assertThat(azure.requests).extracting(FakeCloudApi.Seen::pathAndQuery)
                .contains("/openai/models?api-version=2024-10-21");
        assertThat(anthropic.requestsTo("/v1/models?limit=1000")).isNotEmpty().allSatisfy(r -> {
            assertThat(r.headers().get("x-api-key")).isEqualTo("sk-ant");
            assertThat(r.headers().get("anthropic-version")).isEqualTo("2023-06-01");
        });
        assertThat(openrouter.requestsTo("/api/v1/models")).allSatisfy(r ->
                assertThat(r.headers().get("HTTP-Referer")).isEqualTo("https://example.org"));
    }

    @Test
    void theOpenAiRouteListsTheModelsOfEveryProviderItReaches_anthropicByTranslation() throws Exception {
        JsonNode list = proxy.json(proxy.get("/olla/openai/v1/models"));
        List<String> ids = new ArrayList<>();
        list.get("data").forEach(m -> ids.add(m.get("id").asText()));
        assertThat(ids).contains("gpt-4o", "llama-3.3-70b-versatile", "openai/gpt-4o-mini", "gemini-2.5-flash",
                "gpt-4.1", "claude-sonnet-4-20250514").doesNotContain("models/gemini-2.5-flash");
        assertThat(proxy.endpointStatus("anthropic").get("model_count").asInt()).isEqualTo(1);
    }

    Stream<Arguments> providers() {
        return Stream.of(
                Arguments.of("gpt-4o", "openai", "/v1/chat/completions", "Authorization", "Bearer sk-openai"),
                Arguments.of("llama-3.3-70b-versatile", "groq", "/openai/v1/chat/completions", "Authorization",
                        "Bearer gsk-groq"),
                Arguments.of("openai/gpt-4o-mini", "openrouter", "/api/v1/chat/completions", "Authorization",
                        "Bearer sk-or-key"),
                Arguments.of("gemini-2.5-flash", "gemini", "/v1beta/openai/chat/completions", "x-goog-api-key",
                        "AIza-gemini"),
                Arguments.of("gpt-4.1", "azure", "/openai/deployments/prod-41/chat/completions?api-version=2024-10-21",
                        "api-key", "az-key"));
    }

    private FakeCloudApi byName(String name) {
        return Map.of("openai", openai, "groq", groq, "openrouter", openrouter, "gemini", gemini, "azure", azure)
                .get(name);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @MethodSource("providers")
    void chatGoesToTheProvidersRealUrlWithItsKey_neverTheClients(String model, String provider, String upstream,
                                                                  String keyHeader, String key) throws Exception {
        HttpResponse<String> response = chat(model, false);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("\"model\":\"" + model + "\"");
        assertThat(response.headers().firstValue("X-Olla-Endpoint")).contains(provider);
        FakeCloudApi api = byName(provider);
        assertThat(api.requestsTo(upstream)).isNotEmpty().allSatisfy(r -> {
            assertThat(r.headers().get(keyHeader)).isEqualTo(key);
            assertThat(r.headers().getValuesList("Authorization")).doesNotContain(CLIENT_SECRET);
            assertThat(r.headers().get("api-key")).isNotEqualTo("client-azure-key");
            assertThat(r.headers().get("x-goog-api-key")).isNotEqualTo("client-google-key");
        });
    }

    @Test
    void aProviderPrefixPinsTheRoute() throws Exception {
        HttpResponse<String> response = chat("/olla/groq/v1/chat/completions", "llama-3.3-70b-versatile", false);
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("X-Olla-Endpoint")).contains("groq");
    }

    @Test
    void aStreamedAnswerIsRelayedAsServerSentEvents() throws Exception {
        HttpResponse<String> response = chat("llama-3.3-70b-versatile", true);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(t ->
                assertThat(t).startsWith("text/event-stream"));
        assertThat(response.body()).contains("\"content\":\"Hel\"", "\"content\":\"lo\"").endsWith("data: [DONE]\n\n");
    }

    @Test
    void anthropicMessagesPassThroughWithTheEndpointsKeyAndVersion() throws Exception {
        HttpResponse<String> response = proxy.http.send(HttpRequest.newBuilder(proxy.uri("/olla/proxy/v1/messages"))
                .timeout(Duration.ofSeconds(10)).header("Content-Type", "application/json")
                .header("x-api-key", "client-anthropic-key").header("anthropic-version", "2023-01-01")
                .POST(HttpRequest.BodyPublishers.ofString("{\"model\":\"claude-sonnet-4-20250514\",\"max_tokens\":16,"
                        + "\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}")).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("\"type\":\"message\"");
        assertThat(anthropic.requestsTo("/v1/messages")).singleElement().satisfies(r -> {
            assertThat(r.headers().get("x-api-key")).isEqualTo("sk-ant");
            assertThat(r.headers().get("anthropic-version")).isEqualTo("2023-06-01");
        });
    }

    @Test
    void noKeyAppearsInTheStatusApi() throws Exception {
        for (String path : List.of("/internal/status/endpoints", "/internal/status", "/internal/status/models")) {
            String body = proxy.get(path).body();
            for (String secret : SECRETS) {
                assertThat(body).as(path).doesNotContain(secret);
            }
        }
    }
}
