package dev.sluice.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sluice.simulator.BackendKind;
import dev.sluice.simulator.SimulatedBackend;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Sticky sessions on a provider route (Olla forgot those, its issue #139): pinning, and repinning. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(60)
class StickySessionsIntegrationTest {

    private final List<SimulatedBackend> backends = new ArrayList<>();
    private RunningProxy proxy;

    @BeforeAll
    void start(@TempDir Path dir) throws Exception {
        List<String> endpoints = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            SimulatedBackend backend = SimulatedBackend.builder(BackendKind.OLLAMA).name("gpu-" + i).models("llama3.2:3b").start();
            backends.add(backend);
            endpoints.add(RunningProxy.endpoint("gpu-" + i, backend.baseUri(), "ollama")
                    .replace("check_interval: 1s", "check_interval: 60s").replace("check_timeout: 800ms", "check_timeout: 2s"));
        }
        proxy = RunningProxy.start(dir, RunningProxy.config(
                "proxy:\n  load_balancer: round-robin\n  sticky_sessions:\n    enabled: true\n",
                endpoints.toArray(String[]::new)));
    }

    @AfterAll
    void stop() {
        if (proxy != null) {
            proxy.close();
        }
        backends.forEach(SimulatedBackend::close);
    }

    private HttpResponse<String> chat(String conversationStart, String sessionId) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(proxy.uri("/olla/ollama/api/chat"))
                .timeout(Duration.ofSeconds(10)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"model\":\"llama3.2:3b\",\"stream\":false,\"messages\":"
                        + "[{\"role\":\"user\",\"content\":\"" + conversationStart + "\"}]}"));
        if (sessionId != null) {
            request.header("X-Olla-Session-ID", sessionId);
        }
        return proxy.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void aConversationStaysOnItsEndpointWhileRoundRobinWouldRotate() throws Exception {
        HttpResponse<String> first = chat("plan my trip to Lisbon", null);
        assertThat(first.headers().firstValue("X-Olla-Sticky-Session")).contains("miss");
        assertThat(first.headers().firstValue("X-Olla-Sticky-Key-Source")).contains("prefix_hash");
        String pinned = first.headers().firstValue("X-Olla-Endpoint").orElseThrow();
        for (int i = 0; i < 5; i++) {
            HttpResponse<String> again = chat("plan my trip to Lisbon", null);
            assertThat(again.headers().firstValue("X-Olla-Sticky-Session")).contains("hit");
            assertThat(again.headers().firstValue("X-Olla-Endpoint")).contains(pinned);
        }
        Set<String> others = new HashSet<>();
        for (int i = 0; i < 6; i++) {
            others.add(chat("conversation " + i, null).headers().firstValue("X-Olla-Endpoint").orElseThrow());
        }
        assertThat(others).as("different conversations still spread").hasSizeGreaterThan(1);
    }

    @Test
    void anExplicitSessionHeaderWinsAndIsEchoed() throws Exception {
        HttpResponse<String> first = chat("anything", "session-42");
        assertThat(first.headers().firstValue("X-Olla-Sticky-Key-Source")).contains("session_header");
        assertThat(first.headers().firstValue("X-Olla-Session-ID")).contains("session-42");
        String pinned = first.headers().firstValue("X-Olla-Endpoint").orElseThrow();
        assertThat(chat("something else entirely", "session-42").headers().firstValue("X-Olla-Endpoint")).contains(pinned);
    }

    @Test
    void whenThePinnedEndpointDiesTheSessionIsRepinnedWithoutAnError() throws Exception {
        HttpResponse<String> first = chat("a conversation that will move", null);
        String pinned = first.headers().firstValue("X-Olla-Endpoint").orElseThrow();
        SimulatedBackend dying = backends.get(Integer.parseInt(pinned.substring("gpu-".length())));
        dying.stop();
        try {
            HttpResponse<String> moved = chat("a conversation that will move", null);
            assertThat(moved.statusCode()).isEqualTo(200);
            assertThat(moved.headers().firstValue("X-Olla-Endpoint")).get().isNotEqualTo(pinned);
            HttpResponse<String> stays = chat("a conversation that will move", null);
            assertThat(stays.headers().firstValue("X-Olla-Sticky-Session")).contains("hit");
            assertThat(stays.headers().firstValue("X-Olla-Endpoint")).isEqualTo(moved.headers().firstValue("X-Olla-Endpoint"));
        } finally {
            dying.restart();
        }
        JsonNode stats = proxy.json(proxy.get("/internal/stats/sticky"));
        assertThat(stats.get("enabled").asBoolean()).isTrue();
        assertThat(stats.get("hits").asLong()).isPositive();
        assertThat(stats.get("insertions").asLong()).isPositive();
    }
}
