package dev.sluice.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Seed 004's model-based and capability-based strategies, and per-route and per-model overrides, through the real
 * proxy against simulated providers: each test shows the choice the strategy makes end to end.
 */
class RoutingStrategiesIntegrationTest {

    private static final String OLLAMA_ANSWER =
            "{\"model\":\"llama3.2:3b\",\"message\":{\"role\":\"assistant\",\"content\":\"ok\"},\"done\":true}";
    private static final String WEATHER_TOOL = ",\"tools\":[{\"type\":\"function\",\"function\":{\"name\":"
            + "\"get_weather\",\"parameters\":{\"type\":\"object\",\"properties\":{}}}}]";

    @TempDir
    Path dir;

    private static String chat(String model, String extra) {
        return "{\"model\":\"" + model + "\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]" + extra + "}";
    }

    private static String openAiList(String... ids) {
        StringBuilder data = new StringBuilder();
        for (String id : ids) {
            data.append(data.length() == 0 ? "" : ",").append("{\"id\":\"").append(id)
                    .append("\",\"object\":\"model\",\"created\":1,\"owned_by\":\"system\"}");
        }
        return "{\"object\":\"list\",\"data\":[" + data + "]}";
    }

    private static ScriptedBackend.ChatAnswer ok() {
        return (response, callback) -> {
            ScriptedBackend.write(response, callback, 200, OLLAMA_ANSWER);
            return true;
        };
    }

    @Test
    void modelBased_aClaudeModelNoCatalogueListsGoesToTheAnthropicEndpoint_onTheRouteThatChoseIt() throws Exception {
        try (FakeCloudApi anthropic = new FakeCloudApi("x-api-key", "sk-ant", Map.of("/v1/models",
                "{\"data\":[{\"type\":\"model\",\"id\":\"claude-sonnet-4-20250514\"}],\"has_more\":false}"));
             ScriptedBackend ollama = new ScriptedBackend(ok());
             RunningProxy proxy = RunningProxy.start(dir, RunningProxy.config("""
                             proxy:
                               load_balancer: least-connections
                               routing:
                                 by_route:
                                   openai: model-based
                             """,
                     RunningProxy.endpoint("anthropic", anthropic.baseUri(), "anthropic", "auth: {key: sk-ant}"),
                     RunningProxy.endpoint("local", ollama.baseUri(), "ollama")))) {
            // claude-3-5-haiku is in no catalogue yet: its name says Anthropic.
            HttpResponse<String> routed = proxy.post("/olla/openai/v1/chat/completions",
                    chat("claude-3-5-haiku-20241022", ""));
            assertThat(routed.statusCode()).isEqualTo(200);
            assertThat(routed.headers().firstValue("X-Olla-Endpoint")).contains("anthropic");
            assertThat(routed.headers().firstValue("X-Olla-Routing-Reason")).contains("model_pattern");
            assertThat(anthropic.requestsTo("/v1/messages")).singleElement()
                    .satisfies(r -> assertThat(r.body()).contains("claude-3-5-haiku-20241022"));

            // The universal route keeps the global strategy and Olla's strict routing: an unknown model is a 404.
            HttpResponse<String> strict = proxy.post("/olla/proxy/v1/chat/completions",
                    chat("claude-3-5-haiku-20241022", ""));
            assertThat(strict.statusCode()).isEqualTo(404);
            assertThat(anthropic.requestsTo("/v1/messages")).hasSize(1);

            // A local name still goes to the local Ollama that lists it.
            assertThat(proxy.post("/olla/ollama/api/chat", chat("llama3.2:3b", "")).statusCode()).isEqualTo(200);
            assertThat(ollama.chats.get()).isEqualTo(1);
        }
    }

    @Test
    void capabilityBased_aRequestWithToolsSkipsTheEndpointWhoseModelLacksThem() throws Exception {
        try (FakeCloudApi openai = new FakeCloudApi("Authorization", "Bearer sk-openai",
                Map.of("/v1/models", openAiList("o1-mini", "gpt-4o")));
             FakeCloudApi gateway = new FakeCloudApi("Authorization", "Bearer sk-gateway",
                     Map.of("/v1/models", openAiList("o1-mini")));
             RunningProxy proxy = RunningProxy.start(dir, RunningProxy.config("proxy:\n  load_balancer: capability-based\n",
                     RunningProxy.endpoint("openai", openai.baseUri().resolve("/v1"), "openai-api",
                             "auth: {token: sk-openai}", "priority: 200"),
                     RunningProxy.endpoint("gateway", gateway.baseUri(), "openai", "auth: {type: bearer, token: sk-gateway}",
                             "priority: 50")))) {
            // Without tools OpenAI serves it: its name maps there, and it has the higher priority.
            HttpResponse<String> plain = proxy.post("/olla/openai/v1/chat/completions", chat("o1-mini", ""));
            assertThat(plain.statusCode()).isEqualTo(200);
            assertThat(plain.headers().firstValue("X-Olla-Endpoint")).contains("openai");

            // OpenAI's o1-mini has no function calling: with tools the gateway, whose platform says nothing, serves.
            HttpResponse<String> withTools = proxy.post("/olla/openai/v1/chat/completions",
                    chat("o1-mini", WEATHER_TOOL));
            assertThat(withTools.statusCode()).isEqualTo(200);
            assertThat(withTools.headers().firstValue("X-Olla-Endpoint")).contains("gateway");
            assertThat(gateway.requestsTo("/v1/chat/completions")).singleElement()
                    .satisfies(r -> assertThat(r.body()).contains("get_weather"));

            // Where only OpenAI's copy is reachable, the request is refused in OpenAI's dialect, naming what is missing.
            HttpResponse<String> refused = proxy.post("/olla/openai-api/v1/chat/completions",
                    chat("o1-mini", WEATHER_TOOL));
            assertThat(refused.statusCode()).isEqualTo(400);
            assertThat(proxy.json(refused).at("/error/message").asText()).contains("o1-mini").contains("tool calling");
            assertThat(openai.requestsTo("/v1/chat/completions")).hasSize(1);

            // gpt-4o takes tools: it is served where it is listed.
            assertThat(proxy.post("/olla/openai/v1/chat/completions", chat("gpt-4o", WEATHER_TOOL)).statusCode())
                    .isEqualTo(200);
            assertThat(openai.requestsTo("/v1/chat/completions")).hasSize(2);
        }
    }

    @Test
    void aPerModelOverrideTakesEffect_whileOtherModelsKeepTheGlobalStrategy() throws Exception {
        try (ScriptedBackend first = new ScriptedBackend(ok());
             ScriptedBackend second = new ScriptedBackend(ok());
             RunningProxy proxy = RunningProxy.start(dir, RunningProxy.config("""
                             proxy:
                               load_balancer: priority
                               routing:
                                 by_model:
                                   "llama*": round-robin
                             """,
                     RunningProxy.endpoint("first", first.baseUri(), "ollama", "priority: 200"),
                     RunningProxy.endpoint("second", second.baseUri(), "ollama", "priority: 10")))) {
            for (int i = 0; i < 6; i++) {
                assertThat(proxy.post("/olla/ollama/api/chat", chat("llama3.2:3b", "")).statusCode()).isEqualTo(200);
            }
            // priority alone would send all six to the first; round-robin shares them.
            assertThat(first.chats.get()).isEqualTo(3);
            assertThat(second.chats.get()).isEqualTo(3);
        }
    }

    @Test
    void capabilityBased_aLongPromptGoesToTheEndpointWhoseContextWindowHoldsIt() throws Exception {
        String small = "{\"object\":\"list\",\"data\":[{\"id\":\"qwen2.5-7b-instruct\",\"object\":\"model\","
                + "\"max_model_len\":4096}]}";
        String large = small.replace("4096", "32768");
        try (FakeCloudApi short4k = new FakeCloudApi("Authorization", "Bearer k", Map.of("/v1/models", small));
             FakeCloudApi long32k = new FakeCloudApi("Authorization", "Bearer k", Map.of("/v1/models", large));
             RunningProxy proxy = RunningProxy.start(dir, RunningProxy.config("proxy:\n  load_balancer: capability-based\n",
                     RunningProxy.endpoint("short", short4k.baseUri(), "openai", "auth: {type: bearer, token: k}",
                             "priority: 200"),
                     RunningProxy.endpoint("long", long32k.baseUri(), "openai", "auth: {type: bearer, token: k}",
                             "priority: 50")))) {
            String words = "lorem ipsum ".repeat(5_000); // 60,000 characters: about 15,000 tokens
            HttpResponse<String> longPrompt = proxy.post("/olla/openai/v1/chat/completions",
                    "{\"model\":\"qwen2.5-7b-instruct\",\"messages\":[{\"role\":\"user\",\"content\":\"" + words + "\"}]}");
            assertThat(longPrompt.statusCode()).isEqualTo(200);
            assertThat(longPrompt.headers().firstValue("X-Olla-Endpoint")).contains("long");

            // A short one goes by priority, as ever.
            HttpResponse<String> shortPrompt = proxy.post("/olla/openai/v1/chat/completions", chat("qwen2.5-7b-instruct", ""));
            assertThat(shortPrompt.headers().firstValue("X-Olla-Endpoint")).contains("short");

            // Too large for both: refused before any backend sees it, with the estimate and the largest window.
            HttpResponse<String> tooLong = proxy.post("/olla/openai/v1/chat/completions",
                    "{\"model\":\"qwen2.5-7b-instruct\",\"messages\":[{\"role\":\"user\",\"content\":\""
                            + words.repeat(3) + "\"}]}");
            assertThat(tooLong.statusCode()).isEqualTo(400);
            assertThat(proxy.json(tooLong).at("/error/message").asText()).contains("context window")
                    .contains("32768");
            assertThat(short4k.requestsTo("/v1/chat/completions")).hasSize(1);
            assertThat(long32k.requestsTo("/v1/chat/completions")).hasSize(1);
        }
    }
}
