package dev.sluice.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sluice.simulator.BackendKind;
import dev.sluice.simulator.SimulatedBackend;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Passive health from real traffic: a backend answering 5xx in a loop, or 429, or never answering, is taken out of
 * routing while its health endpoint still says it is fine (Olla's issue #144).
 */
@Timeout(60)
class GuardsIntegrationTest {

    private static final String CHAT = "{\"model\":\"llama3.2:3b\",\"stream\":false,\"messages\":[]}";

    @TempDir
    Path dir;

    private SimulatedBackend good;
    private ScriptedBackend bad;
    private RunningProxy proxy;

    private void start(ScriptedBackend.ChatAnswer badChat, String proxyYaml) throws Exception {
        good = SimulatedBackend.builder(BackendKind.OLLAMA).name("good").models("llama3.2:3b").start();
        bad = new ScriptedBackend(badChat);
        proxy = RunningProxy.start(dir, RunningProxy.config("proxy:\n  load_balancer: round-robin\n" + proxyYaml,
                RunningProxy.endpoint("bad", bad.baseUri(), "ollama"),
                RunningProxy.endpoint("good", good.baseUri(), "ollama")));
    }

    @AfterEach
    void stop() throws Exception {
        if (proxy != null) {
            proxy.close();
        }
        if (good != null) {
            good.close();
        }
        if (bad != null) {
            bad.close();
        }
    }

    private Map<Integer, Integer> send(int n) throws Exception {
        Map<Integer, Integer> statuses = new HashMap<>();
        for (int i = 0; i < n; i++) {
            statuses.merge(proxy.post("/olla/ollama/api/chat", CHAT).statusCode(), 1, Integer::sum);
        }
        return statuses;
    }

    @Test
    void aBackendAnswering503InALoopIsEjectedAfterConsecutiveErrors() throws Exception {
        start((response, callback) -> {
            ScriptedBackend.write(response, callback, 503, "{\"error\":\"overloaded\"}");
            return true;
        }, "  outlier_detection:\n    consecutive_errors: 3\n    base_ejection: 1m\n");
        Map<Integer, Integer> statuses = send(20);
        // proxy.fallback (next_available by default) moves each 503 on to the good endpoint before the client sees it.
        assertThat(statuses).containsOnly(Map.entry(200, 20));
        assertThat(bad.chats.get()).as("asked until ejected, then left alone").isEqualTo(3);
        JsonNode circuit = proxy.endpointStatus("bad").get("circuit");
        assertThat(circuit.get("state").asText()).isEqualTo("open");
        assertThat(circuit.get("reason").asText()).isEqualTo("ejected_5xx");
        assertThat(proxy.endpointStatus("bad").get("status").asText()).as("its health check still passes").isEqualTo("healthy");
    }

    @Test
    void a429EjectsAtOnceForItsRetryAfter() throws Exception {
        start((response, callback) -> {
            response.getHeaders().put("Retry-After", "120");
            ScriptedBackend.write(response, callback, 429, "{\"error\":\"slow down\"}");
            return true;
        }, "");
        Map<Integer, Integer> statuses = send(10);
        assertThat(statuses).as("the 429 moved on to the good endpoint").containsOnly(Map.entry(200, 10));
        assertThat(bad.chats.get()).isEqualTo(1);
        assertThat(proxy.endpointStatus("bad").at("/circuit/reason").asText()).isEqualTo("rate_limited");
    }

    @Test
    void aBackendThatNeverAnswersIsFailedOverAfterTheHeaderTimeout() throws Exception {
        start((response, callback) -> false, "  response_header_timeout: 1s\n");
        Map<Integer, Integer> statuses = send(6);
        assertThat(statuses).containsOnly(Map.entry(200, 6));
        assertThat(bad.chats.get()).isPositive();
        assertThat(proxy.endpointStatus("bad").get("active_connections").asLong()).isZero();
    }

    @Test
    void theBreakerOpensAfterRepeatedTimeoutsAndStopsTryingTheEndpoint() throws Exception {
        start((response, callback) -> false,
                "  response_header_timeout: 1s\n  circuit_breaker:\n    failure_threshold: 2\n    open_duration: 1m\n");
        send(10);
        assertThat(bad.chats.get()).as("tried until the breaker opened, then left alone").isEqualTo(2);
        assertThat(proxy.endpointStatus("bad").at("/circuit/reason").asText()).isEqualTo("circuit_open");
    }
}
