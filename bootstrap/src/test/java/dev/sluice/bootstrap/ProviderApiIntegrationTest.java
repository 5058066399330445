package dev.sluice.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sluice.simulator.BackendKind;
import dev.sluice.simulator.ChatScript;
import dev.sluice.simulator.SimulatedBackend;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Seed 004's provider and health routes on the real server: an Ollama, an OpenAI-compatible server and an endpoint
 * nobody listens on. {@code /api/providers} must reach the status handler, not the Ollama front door beside it,
 * and every figure must be one the proxy keeps anyway (health, breaker, traffic, request metrics).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(60)
class ProviderApiIntegrationTest {

    private static final String LLAMA = "llama3.2:3b";
    private static final String GPT = "gpt-oss-20b";

    private SimulatedBackend ollama;
    private SimulatedBackend generic;
    private URI nobody;
    private RunningProxy proxy;

    @BeforeAll
    void start(@TempDir Path dir) throws Exception {
        ollama = SimulatedBackend.builder(BackendKind.OLLAMA).name("ollama").models(LLAMA).start();
        ollama.setChatScript(new ChatScript(3, Duration.ZERO));
        generic = SimulatedBackend.builder(BackendKind.OPENAI_COMPATIBLE).name("generic").models(GPT).start();
        nobody = closedPort();
        proxy = RunningProxy.start(dir, RunningProxy.config("",
                endpoint("ollama", ollama.baseUri(), "ollama", "priority: 90"),
                endpoint("generic", generic.baseUri(), "openai-compatible", "priority: 50"),
                endpoint("down", nobody, "ollama", "priority: 10")));
    }

    // Unhurried health checks: on a loaded machine an 800 ms check timeout takes a backend out mid-test.
    static String endpoint(String name, URI url, String type, String extra) {
        return "      - url: \"" + url + "\"\n        name: " + name + "\n        type: " + type
                + "\n        check_interval: 10s\n        check_timeout: 5s\n        " + extra + "\n";
    }

    static URI closedPort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0)) {
            return URI.create("http://127.0.0.1:" + socket.getLocalPort());
        }
    }

    @AfterAll
    void stop() throws Exception {
        if (proxy != null) {
            proxy.close();
        }
        ollama.close();
        generic.close();
    }

    private JsonNode ok(String path) throws Exception {
        HttpResponse<String> response = proxy.get(path);
        assertThat(response.statusCode()).as(path + ": " + response.body()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/json"));
        return proxy.json(response);
    }

    @Test
    void providersListsEachEndpointWithTypeHealthBreakerModelsAndPriority() throws Exception {
        // The front door would have answered an unknown /api/ path with Ollama's 404 {"error":"..."}.
        JsonNode body = ok("/api/providers");
        JsonNode providers = body.get("providers");
        List<String> names = new ArrayList<>();
        providers.fieldNames().forEachRemaining(names::add);
        assertThat(names).containsExactly("ollama", "generic", "down");

        JsonNode local = providers.get("ollama");
        assertThat(local.get("type").asText()).isEqualTo("ollama");
        assertThat(local.get("profile").asText()).isEqualTo("ollama");
        assertThat(local.get("enabled").asBoolean()).isTrue();
        assertThat(local.get("healthy").asBoolean()).isTrue();
        assertThat(local.get("status").asText()).isEqualTo("healthy");
        assertThat(local.get("priority").asInt()).isEqualTo(90);
        assertThat(local.get("circuit_breaker").get("state").asText()).isEqualTo("closed");
        assertThat(local.get("models")).extracting(JsonNode::asText).containsExactly(LLAMA);
        assertThat(providers.get("generic").get("type").asText()).isEqualTo("openai-compatible");

        JsonNode down = providers.get("down");
        assertThat(down.get("healthy").asBoolean()).isFalse();
        assertThat(down.get("status").asText()).isEqualTo("offline");
        assertThat(down.get("models")).isEmpty();

        assertThat(body.get("routing_strategy").asText()).isNotBlank();
        assertThat(body.get("fallback_strategy").asText()).isEqualTo("next_available");
    }

    @Test
    void oneProvidersStatsHaveRequestsLatencyPercentilesTokensModelUsageAndHealthHistory() throws Exception {
        HttpResponse<String> chat = proxy.post("/api/chat", "{\"model\":\"" + LLAMA + "\",\"stream\":false,"
                + "\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}");
        assertThat(chat.statusCode()).as(chat.body()).isEqualTo(200);
        // A request is recorded once its last byte went out, which may be a moment after the client read it.
        await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(20)).until(() -> {
            return ok("/api/providers/ollama/stats").get("models").has(LLAMA);
        });

        JsonNode stats = ok("/api/providers/ollama/stats");
        assertThat(stats.get("name").asText()).isEqualTo("ollama");
        assertThat(stats.at("/requests/total").asLong()).isGreaterThanOrEqualTo(1);
        assertThat(stats.at("/requests/failed").asLong()).isZero();
        assertThat(stats.at("/requests/success_rate").asDouble()).isEqualTo(100.0);
        for (String figure : List.of("avg", "p50", "p95", "p99", "first_byte_p50", "first_byte_p95", "first_byte_p99")) {
            assertThat(stats.get("latency_ms").has(figure)).as(figure).isTrue();
        }
        for (String figure : List.of("avg", "min", "max", "avg_first_byte")) {
            assertThat(stats.get("upstream_ms").has(figure)).as(figure).isTrue();
        }
        assertThat(stats.at("/tokens/output").asLong()).isPositive();
        JsonNode model = stats.get("models").get(LLAMA);
        assertThat(model.get("requests").asLong()).isGreaterThanOrEqualTo(1);
        assertThat(model.get("success_rate").asDouble()).isEqualTo(100.0);
        assertThat(stats.at("/health/healthy").asBoolean()).isTrue();
        JsonNode first = stats.get("health_history").get(0);
        assertThat(first.get("from").asText()).isEqualTo("unknown");
        assertThat(first.get("to").asText()).isEqualTo("healthy");
        assertThat(first.get("at").asText()).isNotBlank();

        JsonNode one = ok("/api/providers/ollama");
        assertThat(one.get("request_count").asLong()).isGreaterThanOrEqualTo(1);
    }

    @ParameterizedTest
    @ValueSource(strings = {"/api/providers/nope", "/api/providers/nope/stats", "/health/providers/nope"})
    void anUnknownProviderIsA404JsonError(String path) throws Exception {
        HttpResponse<String> response = proxy.get(path);
        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/json"));
        JsonNode error = proxy.json(response).get("error");
        assertThat(error.get("message").asText()).contains("nope").contains("ollama");
        assertThat(error.get("code").asText()).isEqualTo("not_found");
    }

    @Test
    void healthIsDegradedWhileOneProviderIsDown_andOllasLivenessRouteIsUnchanged() throws Exception {
        JsonNode health = ok("/health");
        assertThat(health.get("status").asText()).isEqualTo("degraded");
        assertThat(health.at("/providers/ollama/healthy").asBoolean()).isTrue();
        assertThat(health.at("/providers/down/healthy").asBoolean()).isFalse();
        assertThat(health.get("uptime_seconds").asLong()).isNotNegative();

        JsonNode liveness = ok("/internal/health");
        assertThat(liveness.get("status").asText()).isEqualTo("healthy");
    }

    @Test
    void detailedHealthHasEveryProvidersHealthAndBreaker_andTheProxysFigures() throws Exception {
        JsonNode detailed = ok("/health/detailed");
        assertThat(detailed.get("status").asText()).isEqualTo("degraded");
        JsonNode down = detailed.at("/providers/down");
        assertThat(down.get("status").asText()).isEqualTo("offline");
        assertThat(down.get("error").asText()).isNotBlank();
        assertThat(down.at("/circuit_breaker/state").asText()).isIn("closed", "open", "half_open");
        assertThat(detailed.at("/metrics/providers_total").asInt()).isEqualTo(3);
        assertThat(detailed.at("/metrics/providers_healthy").asInt()).isEqualTo(2);
        assertThat(detailed.at("/metrics/queue").has("capacity")).isTrue();
        assertThat(detailed.get("fallback_strategy").asText()).isEqualTo("next_available");

        JsonNode all = ok("/health/providers");
        List<String> names = new ArrayList<>();
        all.fieldNames().forEachRemaining(names::add);
        assertThat(names).containsExactly("ollama", "generic", "down");
        JsonNode one = ok("/health/providers/OLLAMA");
        assertThat(one.get("name").asText()).isEqualTo("ollama");
        assertThat(one.get("healthy").asBoolean()).isTrue();
        assertThat(one.get("response_time_ms").asLong()).isNotNegative();
    }

    @Test
    void aProvidersRateLimitOpensItsBreaker_onTheProviderPagesAndInTheMetrics() throws Exception {
        generic.setChatErrorBurst(429, 1, Duration.ofSeconds(60));
        HttpResponse<String> refused = proxy.post("/olla/openai/v1/chat/completions", "{\"model\":\"" + GPT
                + "\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}");
        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(429);

        JsonNode breaker = ok("/health/providers/generic").get("circuit_breaker");
        assertThat(breaker.get("state").asText()).isEqualTo("open");
        assertThat(breaker.get("reason").asText()).isEqualTo("rate_limited");
        assertThat(breaker.get("until").asText()).isNotBlank();
        assertThat(ok("/api/providers").at("/providers/generic/circuit_breaker/state").asText()).isEqualTo("open");

        String metrics = proxy.get("/internal/metrics").body();
        assertThat(metrics).contains("sluice_endpoint_circuit_state{endpoint=\"generic\"} 2.0")
                .contains("sluice_endpoint_circuit_state{endpoint=\"ollama\"} 0.0")
                .contains("sluice_endpoint_status_changes_total{endpoint=\"down\"} 1.0")
                .contains("sluice_endpoint_input_tokens_total{endpoint=\"ollama\"}")
                .contains("sluice_endpoint_output_tokens_total{endpoint=\"ollama\"}")
                .contains("olla_endpoint_up{endpoint=\"down\",status=\"offline\"} 0.0");
    }

    @Test
    void theFrontDoorStillServesTheRestOfApi() throws Exception {
        assertThat(ok("/api/tags").get("models")).isNotEmpty();
        assertThat(ok("/api/tags/ollama").get("models")).extracting(m -> m.get("name").asText()).containsExactly(LLAMA);
    }

    @Test
    void healthIsUnhealthyWith503WhenNoProviderCanServe(@TempDir Path dir) throws Exception {
        try (RunningProxy lonely = RunningProxy.start(dir, RunningProxy.config("",
                endpoint("gone", closedPort(), "ollama", "priority: 1")))) {
            HttpResponse<String> response = lonely.get("/health");
            assertThat(response.statusCode()).isEqualTo(503);
            assertThat(lonely.json(response).get("status").asText()).isEqualTo("unhealthy");
            assertThat(lonely.get("/health/detailed").statusCode()).isEqualTo(200);
        }
    }
}
