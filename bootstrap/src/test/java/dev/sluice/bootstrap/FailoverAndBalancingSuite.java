package dev.sluice.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.sluice.simulator.BackendKind;
import dev.sluice.simulator.SimulatedBackend;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Three Ollamas serving the same model: how requests spread, and what happens when one dies. */
@Timeout(60)
abstract class FailoverAndBalancingSuite {

    /** {@code proxy.engine} the suite runs against. */
    abstract String engine();


    private static final String CHAT = "{\"model\":\"llama3.2:3b\",\"stream\":false,\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}";

    @TempDir
    Path dir;

    private final List<SimulatedBackend> backends = new ArrayList<>();
    private RunningProxy proxy;

    private void startFleet(String balancer, String... priorities) throws Exception {
        List<String> endpoints = new ArrayList<>();
        for (int i = 0; i < priorities.length; i++) {
            SimulatedBackend backend = SimulatedBackend.builder(BackendKind.OLLAMA).name("gpu-" + i)
                    .models("llama3.2:3b").start();
            backends.add(backend);
            // A long check interval: the proxy must notice a dead backend from requests, not from probes.
            endpoints.add(RunningProxy.endpoint("gpu-" + i, backend.baseUri(), "ollama", "priority: " + priorities[i])
                    .replace("check_interval: 1s", "check_interval: 60s").replace("check_timeout: 800ms", "check_timeout: 2s"));
        }
        proxy = RunningProxy.start(dir, RunningProxy.config("proxy:\n  engine: " + engine() + "\n  load_balancer: "
                + balancer + "\n",
                endpoints.toArray(String[]::new)));
    }

    @AfterEach
    void stop() {
        if (proxy != null) {
            proxy.close();
        }
        backends.forEach(SimulatedBackend::close);
    }

    private Map<String, Integer> send(int requests) throws Exception {
        Map<String, Integer> served = new HashMap<>();
        for (int i = 0; i < requests; i++) {
            HttpResponse<String> response = proxy.post("/olla/ollama/api/chat", CHAT);
            assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
            served.merge(response.headers().firstValue("X-Olla-Endpoint").orElseThrow(), 1, Integer::sum);
        }
        return served;
    }

    @Test
    void roundRobinCyclesEvenly() throws Exception {
        startFleet("round-robin", "100", "100", "100");
        assertThat(send(30)).containsOnly(Map.entry("gpu-0", 10), Map.entry("gpu-1", 10), Map.entry("gpu-2", 10));
    }

    @Test
    void priorityKeepsTrafficOnTheHighestTier() throws Exception {
        startFleet("priority", "100", "100", "10");
        Map<String, Integer> served = send(40);
        assertThat(served).doesNotContainKey("gpu-2");
        assertThat(served.get("gpu-0")).isPositive();
        assertThat(served.get("gpu-1")).isPositive();
    }

    @Test
    void leastConnectionsPrefersHigherPriorityAmongIdleEndpoints() throws Exception {
        startFleet("least-connections", "50", "100", "50");
        assertThat(send(10)).containsOnly(Map.entry("gpu-1", 10));
    }

    @Test
    void aKilledBackendIsFailedOverWithoutAClientError() throws Exception {
        startFleet("round-robin", "100", "100", "100");
        backends.get(1).stop();
        Map<String, Integer> served = send(12);
        assertThat(served).doesNotContainKey("gpu-1");
        assertThat(served.values().stream().mapToInt(Integer::intValue).sum()).isEqualTo(12);
        assertThat(proxy.endpointStatus("gpu-1").get("status").asText()).isEqualTo("offline");
        assertThat(proxy.endpointStatus("gpu-1").get("active_connections").asLong()).isZero();
    }

    @Test
    void whenEveryBackendIsDeadTheClientGetsOneClearError() throws Exception {
        startFleet("round-robin", "100", "100");
        backends.forEach(SimulatedBackend::stop);
        HttpResponse<String> response = proxy.post("/olla/ollama/api/chat", CHAT);
        assertThat(response.statusCode()).isIn(502, 503);
        assertThat(proxy.json(response).get("error").asText()).isNotBlank();
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> {
            assertThat(proxy.endpointStatus("gpu-0").get("active_connections").asLong()).isZero();
            assertThat(proxy.endpointStatus("gpu-1").get("active_connections").asLong()).isZero();
        });
    }
}
