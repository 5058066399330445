package dev.sluice.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.InputStream;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.eclipse.jetty.util.Callback;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** A client that hangs up mid-stream: its lease is released and the backend's stream is cut at once. */
@Timeout(60)
class ClientAbortIntegrationTest {

    @TempDir
    Path dir;

    private final ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor();
    private ScriptedBackend backend;
    private RunningProxy proxy;

    @AfterEach
    void stop() throws Exception {
        ticker.shutdownNow();
        if (proxy != null) {
            proxy.close();
        }
        if (backend != null) {
            backend.close();
        }
    }

    @Test
    void aClientHangingUpMidStreamCancelsTheUpstreamRequestAndReleasesTheLease() throws Exception {
        AtomicBoolean upstreamCut = new AtomicBoolean();
        AtomicReference<ScheduledFuture<?>> stream = new AtomicReference<>();
        // An endless NDJSON stream, one line every 50 ms, that notices when its writes start failing.
        backend = new ScriptedBackend((response, callback) -> {
            response.setStatus(200);
            response.getHeaders().put("Content-Type", "application/x-ndjson");
            stream.set(ticker.scheduleAtFixedRate(() -> response.write(false,
                    ByteBuffer.wrap("{\"message\":{\"content\":\"tick\"},\"done\":false}\n".getBytes(StandardCharsets.UTF_8)),
                    Callback.from(() -> { }, failure -> {
                        upstreamCut.set(true);
                        stream.get().cancel(false);
                        callback.failed(failure);
                    })), 0, 50, TimeUnit.MILLISECONDS));
            return true;
        });
        proxy = RunningProxy.start(dir, RunningProxy.config("",
                RunningProxy.endpoint("endless", backend.baseUri(), "ollama")));

        HttpResponse<InputStream> response = proxy.http.send(HttpRequest.newBuilder(proxy.uri("/olla/ollama/api/chat"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"model\":\"llama3.2:3b\",\"messages\":[]}")).build(),
                HttpResponse.BodyHandlers.ofInputStream());
        InputStream body = response.body();
        assertThat(body.readNBytes(10)).hasSize(10);
        assertThat(proxy.endpointStatus("endless").get("active_connections").asLong()).isEqualTo(1);
        body.close();

        await().atMost(Duration.ofSeconds(5)).untilTrue(upstreamCut);
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() ->
                assertThat(proxy.endpointStatus("endless").get("active_connections").asLong()).isZero());
        assertThat(proxy.endpointStatus("endless").at("/circuit/consecutive_failures").asInt())
                .as("a client leaving is not the backend's fault").isZero();
        assertThat(proxy.post("/olla/ollama/api/tags", "").statusCode()).as("still serving").isIn(200, 404);
    }
}
