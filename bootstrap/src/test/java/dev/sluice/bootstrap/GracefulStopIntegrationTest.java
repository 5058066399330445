package dev.sluice.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.sluice.simulator.BackendKind;
import dev.sluice.simulator.ChatScript;
import dev.sluice.simulator.SimulatedBackend;
import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** A stop drains streams in flight instead of cutting them, and refuses new work meanwhile. */
@Timeout(60)
class GracefulStopIntegrationTest {

    @TempDir
    Path dir;

    private SimulatedBackend ollama;

    @AfterEach
    void stop() {
        if (ollama != null) {
            ollama.close();
        }
    }

    @Test
    void aStreamInFlightWhenTheProxyStopsCompletesWhole() throws Exception {
        ollama = SimulatedBackend.builder(BackendKind.OLLAMA).name("ollama").models("llama3.2:3b").start();
        ollama.setChatScript(new ChatScript(20, Duration.ofMillis(75)));
        RunningProxy proxy = RunningProxy.start(dir, RunningProxy.config("",
                RunningProxy.endpoint("ollama", ollama.baseUri(), "ollama")).replace("  port: 0\n",
                "  port: 0\n  shutdown_timeout: 10s\n"));
        CompletableFuture<HttpResponse<String>> stream = proxy.http.sendAsync(
                HttpRequest.newBuilder(proxy.uri("/olla/ollama/api/chat")).header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(
                                "{\"model\":\"llama3.2:3b\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() ->
                assertThat(ollama.requestCount("/api/chat")).isEqualTo(1));
        int port = proxy.app.port();

        CompletableFuture<Void> stopping = CompletableFuture.runAsync(proxy::close);

        HttpResponse<String> drained = stream.get();
        assertThat(drained.statusCode()).isEqualTo(200);
        assertThat(drained.body().lines().filter(l -> l.contains("\"done\":true")).count())
                .as("the stream reached its last line").isEqualTo(1);
        stopping.get();
        assertThatThrownBy(() -> proxy.http.send(HttpRequest.newBuilder(
                        java.net.URI.create("http://127.0.0.1:" + port + "/internal/health")).build(),
                HttpResponse.BodyHandlers.ofString()))
                .isInstanceOf(IOException.class);
    }
}
