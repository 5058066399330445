package dev.sluice.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sluice.simulator.BackendKind;
import dev.sluice.simulator.ChatScript;
import dev.sluice.simulator.SimulatedBackend;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two providers serving one name ({@code gpt-4o} on the hosted OpenAI API and on a local Ollama) and OpenRouter
 * with its slashed names: {@code openai/gpt-4o} reaches the OpenAI endpoint only, which receives {@code gpt-4o},
 * through the Ollama front door, {@code /olla/openai} and {@code /olla/anthropic}; a real name with a slash
 * ({@code meta-llama/llama-3-8b}) still routes as it did.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(60)
class NamespacedModelsIntegrationTest {

    private FakeCloudApi openai;
    private FakeCloudApi openrouter;
    private SimulatedBackend local;
    private RunningProxy proxy;

    @BeforeAll
    void start(@TempDir Path dir) throws Exception {
        openai = new FakeCloudApi("Authorization", "Bearer sk-openai", Map.of("/v1/models",
                "{\"object\":\"list\",\"data\":[{\"id\":\"gpt-4o\",\"object\":\"model\",\"created\":1,"
                        + "\"owned_by\":\"system\"}]}"));
        openrouter = new FakeCloudApi("Authorization", "Bearer sk-or", Map.of(
                "/api/v1/models", "{\"data\":[{\"id\":\"meta-llama/llama-3-8b\",\"name\":\"Llama 3 8B\","
                        + "\"created\":1,\"context_length\":8192},{\"id\":\"openai/gpt-4o\",\"name\":"
                        + "\"OpenAI: GPT-4o\",\"created\":1,\"context_length\":128000}]}",
                "/api/v1/key", "{\"data\":{\"label\":\"sk-or\",\"usage\":0,\"limit\":null}}"));
        local = SimulatedBackend.builder(BackendKind.OLLAMA).name("local").models("gpt-4o").start();
        local.setChatScript(new ChatScript(3, Duration.ZERO));
        proxy = RunningProxy.start(dir, RunningProxy.config("",
                endpoint("openai", openai.baseUri().resolve("/v1"), "openai-api", "auth: {token: sk-openai}"),
                endpoint("openrouter", openrouter.baseUri().resolve("/api/v1"), "openrouter", "auth: {token: sk-or}"),
                endpoint("local", local.baseUri(), "ollama", "")));
    }

    // Unhurried health checks: on a loaded machine an 800 ms check timeout takes a backend out mid-test.
    private static String endpoint(String name, java.net.URI url, String type, String extra) {
        return "      - url: \"" + url + "\"\n        name: " + name + "\n        type: " + type
                + "\n        check_interval: 10s\n        check_timeout: 5s\n"
                + (extra.isEmpty() ? "" : "        " + extra + "\n");
    }

    @AfterAll
    void stop() throws Exception {
        if (proxy != null) {
            proxy.close();
        }
        openai.close();
        openrouter.close();
        local.close();
    }

    private HttpResponse<String> post(String path, String body) throws Exception {
        return proxy.http.send(HttpRequest.newBuilder(proxy.uri(path)).timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static String chat(String model) {
        return "{\"model\":\"" + model + "\",\"stream\":false,\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}";
    }

    /** The model field of the last chat the API received. */
    private static String lastModelSent(FakeCloudApi api, String path) {
        List<FakeCloudApi.Seen> chats = api.requestsTo(path);
        assertThat(chats).as("chats sent to " + path).isNotEmpty();
        return chats.get(chats.size() - 1).body().replaceAll("(?s).*\"model\"\\s*:\\s*\"([^\"]*)\".*", "$1");
    }

    @Test
    void theOllamaTagsListAName2ProvidersShareOncePlainAndOncePerEndpoint() throws Exception {
        List<String> names = new ArrayList<>();
        proxy.json(proxy.get("/api/tags")).get("models").forEach(m -> names.add(m.get("name").asText()));
        // OpenRouter's own "openai/gpt-4o" and the openai endpoint's namespaced gpt-4o are one entry.
        assertThat(names).containsExactlyInAnyOrder("gpt-4o", "openai/gpt-4o", "local/gpt-4o",
                "meta-llama/llama-3-8b");
    }

    @Test
    void theOpenAiModelListHasTheNamespacedEntriesOwnedByTheirEndpoints() throws Exception {
        JsonNode data = proxy.json(proxy.get("/olla/openai/v1/models")).get("data");
        List<String> ids = new ArrayList<>();
        data.forEach(m -> ids.add(m.get("id").asText()));
        assertThat(ids).contains("gpt-4o", "openai/gpt-4o", "local/gpt-4o", "meta-llama/llama-3-8b")
                .doesNotHaveDuplicates();
        data.forEach(m -> {
            if (m.get("id").asText().equals("openai/gpt-4o")) {
                assertThat(m.get("owned_by").asText()).isEqualTo("openai");
            }
        });
    }

    @Test
    void throughTheOllamaFrontDoor_theNamespacePinsTheProvider_andTheBackendGetsTheBareName() throws Exception {
        HttpResponse<String> hosted = post("/api/chat", chat("openai/gpt-4o"));
        assertThat(hosted.statusCode()).as(hosted.body()).isEqualTo(200);
        assertThat(hosted.headers().firstValue("X-Olla-Endpoint")).contains("openai");
        assertThat(hosted.headers().firstValue("X-Olla-Routing-Reason")).hasValueSatisfying(
                reason -> assertThat(reason).startsWith("namespace \"openai\""));
        assertThat(lastModelSent(openai, "/v1/chat/completions")).isEqualTo("gpt-4o");

        long before = local.requestCount("/api/chat");
        HttpResponse<String> onLocal = post("/api/chat", chat("local/gpt-4o"));
        assertThat(onLocal.statusCode()).as(onLocal.body()).isEqualTo(200);
        assertThat(onLocal.headers().firstValue("X-Olla-Endpoint")).contains("local");
        // The simulated Ollama answers 404 for a model it does not have: a 200 means it was asked for gpt-4o.
        assertThat(onLocal.body()).contains("\"done\":true");
        assertThat(local.requestCount("/api/chat")).isEqualTo(before + 1);
    }

    @Test
    void throughOllaOpenAi_theBackendGetsTheBareName() throws Exception {
        HttpResponse<String> response = post("/olla/openai/v1/chat/completions", chat("openai/gpt-4o"));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(response.headers().firstValue("X-Olla-Endpoint")).contains("openai");
        assertThat(lastModelSent(openai, "/v1/chat/completions")).isEqualTo("gpt-4o");
    }

    @Test
    void throughOllaAnthropic_theTranslatedRequestCarriesTheBareName() throws Exception {
        HttpResponse<String> response = post("/olla/anthropic/v1/messages", "{\"model\":\"openai/gpt-4o\","
                + "\"max_tokens\":64,\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(response.headers().firstValue("X-Olla-Endpoint")).contains("openai");
        assertThat(response.body()).contains("\"type\":\"message\"");
        assertThat(lastModelSent(openai, "/v1/chat/completions")).isEqualTo("gpt-4o");
    }

    @Test
    void aRealNameWithASlashRoutesAsBefore_andCanAlsoBeNamespaced() throws Exception {
        HttpResponse<String> plain = post("/olla/openai/v1/chat/completions", chat("meta-llama/llama-3-8b"));
        assertThat(plain.statusCode()).as(plain.body()).isEqualTo(200);
        assertThat(plain.headers().firstValue("X-Olla-Endpoint")).contains("openrouter");
        assertThat(lastModelSent(openrouter, "/api/v1/chat/completions")).isEqualTo("meta-llama/llama-3-8b");

        HttpResponse<String> namespaced = post("/api/chat", chat("openrouter/meta-llama/llama-3-8b"));
        assertThat(namespaced.statusCode()).as(namespaced.body()).isEqualTo(200);
        assertThat(namespaced.headers().firstValue("X-Olla-Endpoint")).contains("openrouter");
        assertThat(lastModelSent(openrouter, "/api/v1/chat/completions")).isEqualTo("meta-llama/llama-3-8b");
    }

    @Test
    void openRoutersOwnSlashedNameIsReachedUnderItsNamespace_whileTheNamespaceWinsForTheEndpointOfThatName()
            throws Exception {
        HttpResponse<String> pinned = post("/olla/openai/v1/chat/completions", chat("openai/gpt-4o"));
        assertThat(pinned.headers().firstValue("X-Olla-Endpoint")).contains("openai");

        HttpResponse<String> viaOpenRouter = post("/olla/openai/v1/chat/completions", chat("openrouter/openai/gpt-4o"));
        assertThat(viaOpenRouter.statusCode()).as(viaOpenRouter.body()).isEqualTo(200);
        assertThat(viaOpenRouter.headers().firstValue("X-Olla-Endpoint")).contains("openrouter");
        assertThat(lastModelSent(openrouter, "/api/v1/chat/completions")).isEqualTo("openai/gpt-4o");
    }

    @Test
    void aNamespacedModelTheProviderLacksIsNotFound_notSentToAnotherProvider() throws Exception {
        long chatsBefore = openrouter.requestsTo("/api/v1/chat/completions").size();
        HttpResponse<String> response = post("/api/chat", chat("openai/meta-llama/llama-3-8b"));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(404);
        assertThat(openrouter.requestsTo("/api/v1/chat/completions")).hasSize((int) chatsBefore);
    }
}
