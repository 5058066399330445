package dev.sluice.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.simulator.BackendKind;
import dev.sluice.simulator.SimulatedBackend;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The switches: metrics off, dashboard off, and the dashboard's Host allowlist on a real connection. */
@Timeout(60)
class ObservabilitySwitchesIntegrationTest {

    private static final String CHAT = "{\"model\":\"llama3.2:3b\",\"stream\":false,\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}";

    @TempDir
    Path dir;
    private SimulatedBackend ollama;
    private RunningProxy proxy;

    @BeforeEach
    void backend() {
        ollama = SimulatedBackend.builder(BackendKind.OLLAMA).name("ollama").models("llama3.2:3b").start();
    }

    @AfterEach
    void stop() {
        if (proxy != null) {
            proxy.close();
        }
        ollama.close();
    }

    private String config(String extra) {
        return RunningProxy.config(extra, RunningProxy.endpoint("ollama", ollama.baseUri(), "ollama"));
    }

    @Test
    void withMetricsOff_requestsAreServedButNotCounted_statusFiguresRemain() throws Exception {
        proxy = RunningProxy.start(dir, config(""), false);
        assertThat(proxy.post("/olla/ollama/api/chat", CHAT).statusCode()).isEqualTo(200);
        String metrics = proxy.get("/internal/metrics").body();
        assertThat(metrics).contains("olla_endpoint_requests_total{endpoint=\"ollama\"} 1.0");
        assertThat(metrics).doesNotContain("olla_model_requests_total{");
        assertThat(proxy.json(proxy.get("/internal/stats/models")).get("models")).isEmpty();
    }

    @Test
    void withMetricsOn_theSameRequestIsCounted() throws Exception {
        proxy = RunningProxy.start(dir, config(""), true);
        assertThat(proxy.post("/olla/ollama/api/chat", CHAT).statusCode()).isEqualTo(200);
        assertThat(proxy.get("/internal/metrics").body()).contains("olla_model_requests_total{model=\"llama3.2:3b\"} 1.0");
    }

    @Test
    void theSwitchReadsThePropertyThenTheEnvironment() {
        Properties off = new Properties();
        off.setProperty(MetricsSwitch.PROPERTY, "false");
        assertThat(MetricsSwitch.enabled(new Properties(), Map.of())).isTrue();
        assertThat(MetricsSwitch.enabled(off, Map.of(MetricsSwitch.ENV, "true"))).isFalse();
        assertThat(MetricsSwitch.enabled(new Properties(), Map.of(MetricsSwitch.ENV, "off"))).isFalse();
        Properties on = new Properties();
        on.setProperty(MetricsSwitch.PROPERTY, "true");
        assertThat(MetricsSwitch.enabled(on, Map.of(MetricsSwitch.ENV, "false"))).isTrue();
    }

    @Test
    void dashboardDisabled_isNotServed() throws Exception {
        proxy = RunningProxy.start(dir, config("dashboard:\n  enabled: false\n"));
        assertThat(proxy.get("/internal/ui/").statusCode()).isEqualTo(404);
    }

    @Test
    void dashboardEnabled_servesAllowedHostsOnly() throws Exception {
        proxy = RunningProxy.start(dir, config("dashboard:\n  access_policy:\n    allowed_cidrs: [\"127.0.0.0/8\"]\n"
                + "    allowed_hosts: [\"localhost\"]\n"));
        assertThat(rawGet("/internal/ui/", "localhost")).startsWith("HTTP/1.1 200").contains("<title>Sluice dashboard");
        assertThat(rawGet("/internal/ui/dashboard.js", "127.0.0.1:1")).startsWith("HTTP/1.1 200");
        // A rebinding attack arrives from 127.0.0.1 but names its own host.
        assertThat(rawGet("/internal/ui/", "evil.example")).startsWith("HTTP/1.1 403");
    }

    @Test
    void dashboardFromAPeerOutsideTheCidrs_isRefused() throws Exception {
        proxy = RunningProxy.start(dir, config("dashboard:\n  access_policy:\n    allowed_cidrs: [\"10.9.9.0/24\"]\n"));
        assertThat(rawGet("/internal/ui/", "localhost")).startsWith("HTTP/1.1 403");
    }

    @Test
    void gateInternalApi_putsTheInternalRoutesBehindThePolicy_butNotLiveness() throws Exception {
        proxy = RunningProxy.start(dir, config("dashboard:\n  gate_internal_api: true\n  access_policy:\n"
                + "    allowed_cidrs: [\"10.9.9.0/24\"]\n"));
        assertThat(proxy.get("/internal/status").statusCode()).isEqualTo(403);
        assertThat(proxy.get("/internal/metrics").statusCode()).isEqualTo(403);
        assertThat(proxy.get("/internal/health").statusCode()).isEqualTo(200);
        assertThat(proxy.get("/olla/models").statusCode()).isEqualTo(200);
        assertThat(proxy.get("/api/providers").statusCode()).isEqualTo(403);
        assertThat(proxy.get("/health/detailed").statusCode()).isEqualTo(403);
        assertThat(proxy.get("/health/providers/x").statusCode()).isEqualTo(403);
        assertThat(proxy.get("/health").statusCode()).isNotEqualTo(403);
        assertThat(proxy.get("/api/tags").statusCode()).isEqualTo(200);
    }

    @Test
    void withoutTheGate_theInternalRoutesAnswerAnyone() throws Exception {
        proxy = RunningProxy.start(dir, config("dashboard:\n  access_policy:\n    allowed_cidrs: [\"10.9.9.0/24\"]\n"));
        assertThat(proxy.get("/internal/status").statusCode()).isEqualTo(200);
        assertThat(proxy.get("/internal/metrics").statusCode()).isEqualTo(200);
    }

    // java.net.http will not send a Host header of the test's choosing; a socket will.
    private String rawGet(String path, String host) throws Exception {
        try (Socket socket = new Socket("127.0.0.1", proxy.app.port())) {
            socket.setSoTimeout(5000);
            OutputStream out = socket.getOutputStream();
            out.write(("GET " + path + " HTTP/1.1\r\nHost: " + host + "\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
