package dev.sluice.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.simulator.BackendKind;
import dev.sluice.simulator.SimulatedBackend;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Rate limits, body limits and CORS as a client meets them. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(60)
class LimitsIntegrationTest {

    private SimulatedBackend ollama;
    private RunningProxy proxy;

    @BeforeAll
    void start(@TempDir Path dir) throws Exception {
        ollama = SimulatedBackend.builder(BackendKind.OLLAMA).name("ollama").models("llama3.2:3b").start();
        Path config = dir.resolve("limits.yaml");
        Files.writeString(config, String.join("\n",
                "server:",
                "  port: 0",
                "  request_logging: false",
                "  read_header_timeout: 500ms",
                "  request_limits:",
                "    max_body_size: 1KB",
                "  rate_limits:",
                "    per_ip_requests_per_minute: 60",
                "    global_requests_per_minute: 600000",
                "    burst_size: 5",
                "    health_requests_per_minute: 0",
                "    trust_proxy_headers: true",
                "  cors:",
                "    enabled: true",
                "    allowed_origins: [\"https://chat.example.com\"]",
                "discovery:",
                "  static:",
                "    endpoints:",
                RunningProxy.endpoint("ollama", ollama.baseUri(), "ollama")));
        proxy = RunningProxy.start(dir, Files.readString(config));
    }

    @AfterAll
    void stop() {
        if (proxy != null) {
            proxy.close();
        }
        ollama.close();
    }

    private HttpResponse<String> tags(String forwardedFor) throws Exception {
        return proxy.http.send(HttpRequest.newBuilder(proxy.uri("/olla/ollama/api/tags"))
                .header("X-Forwarded-For", forwardedFor).timeout(Duration.ofSeconds(5)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void aClientOverItsBurstGets429WithRetryAfterWhileOthersAreServed() throws Exception {
        for (int i = 0; i < 5; i++) {
            HttpResponse<String> ok = tags("198.51.100.1");
            assertThat(ok.statusCode()).isEqualTo(200);
            assertThat(ok.headers().firstValue("X-RateLimit-Limit")).contains("60");
        }
        HttpResponse<String> limited = tags("198.51.100.1");
        assertThat(limited.statusCode()).isEqualTo(429);
        assertThat(limited.headers().firstValue("Retry-After")).isPresent();
        assertThat(limited.headers().firstValue("X-RateLimit-Remaining")).contains("0");
        assertThat(proxy.json(limited).get("error").isTextual()).as("Ollama path, Ollama error shape").isTrue();
        assertThat(tags("198.51.100.2").statusCode()).as("another client behind the trusted proxy").isEqualTo(200);
    }

    @Test
    void aSlowlorisConnectionIsClosedWhileOthersAreServed() throws Exception {
        try (Socket slow = new Socket("127.0.0.1", proxy.app.port())) {
            slow.setSoTimeout(5_000);
            OutputStream out = slow.getOutputStream();
            out.write("GET /internal/health HTTP/1.1\r\nHost: localhost\r\n".getBytes(StandardCharsets.US_ASCII));
            ScheduledExecutorService trickle = Executors.newSingleThreadScheduledExecutor();
            try {
                // One header byte every 100 ms: never idle long enough for an idle timeout, never finished.
                trickle.scheduleAtFixedRate(() -> {
                    try {
                        out.write('X');
                        out.flush();
                    } catch (IOException closed) {
                        // The proxy hung up on us, which is the point.
                    }
                }, 100, 100, TimeUnit.MILLISECONDS);
                assertThat(proxy.get("/internal/health").statusCode()).as("others are served meanwhile").isEqualTo(200);
                long start = System.nanoTime();
                int read;
                try {
                    read = slow.getInputStream().read();
                } catch (IOException reset) {
                    read = -1;
                }
                assertThat(read).as("the slow connection is closed").isEqualTo(-1);
                assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(4));
            } finally {
                trickle.shutdownNow();
            }
        }
    }

    @Test
    void statusRoutesAreNotRateLimited() throws Exception {
        for (int i = 0; i < 20; i++) {
            assertThat(proxy.get("/internal/status/endpoints").statusCode()).isEqualTo(200);
        }
    }

    @Test
    void aBodyOverTheLimitIs413WhetherItsLengthIsKnownOrNot() throws Exception {
        String big = "{\"model\":\"llama3.2:3b\",\"prompt\":\"" + "x".repeat(4096) + "\"}";
        HttpResponse<String> known = proxy.http.send(HttpRequest.newBuilder(proxy.uri("/olla/ollama/api/generate"))
                .header("Content-Type", "application/json").header("X-Forwarded-For", "198.51.100.9")
                .POST(HttpRequest.BodyPublishers.ofString(big)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(known.statusCode()).isEqualTo(413);
        HttpResponse<String> chunked = proxy.http.send(HttpRequest.newBuilder(proxy.uri("/olla/ollama/api/generate"))
                .header("Content-Type", "application/json").header("X-Forwarded-For", "198.51.100.10")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(big.getBytes()))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(chunked.statusCode()).isEqualTo(413);
        assertThat(proxy.json(chunked).get("error").asText()).contains("limit");
    }

    // A body much larger than the socket buffers is still being sent when the refusal is ready: the proxy reads it
    // off and throws it away first, or its close would reset the connection and the client would see no 413 at all.
    @Test
    void aBodyFarOverTheLimitStillGetsItsRefusal_notAResetConnection() throws Exception {
        byte[] huge = ("{\"model\":\"llama3.2:3b\",\"prompt\":\"" + "x".repeat(3 << 20) + "\"}").getBytes();
        for (int i = 0; i < 3; i++) {
            HttpResponse<String> known = proxy.http.send(HttpRequest.newBuilder(proxy.uri("/olla/ollama/api/generate"))
                    .header("Content-Type", "application/json").header("X-Forwarded-For", "198.51.100.3" + i)
                    .POST(HttpRequest.BodyPublishers.ofByteArray(huge)).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(known.statusCode()).isEqualTo(413);
            assertThat(proxy.json(known).get("error").asText()).contains("max_body_size");
            HttpResponse<String> chunked = proxy.http.send(HttpRequest.newBuilder(proxy.uri("/olla/ollama/api/generate"))
                    .header("Content-Type", "application/json").header("X-Forwarded-For", "198.51.100.4" + i)
                    .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(huge))).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(chunked.statusCode()).isEqualTo(413);
        }
    }

    @Test
    void corsPreflightFromAnAllowedOriginIsAnsweredAndOthersAreNot() throws Exception {
        HttpResponse<String> preflight = proxy.http.send(HttpRequest.newBuilder(proxy.uri("/olla/openai/v1/models"))
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                .header("Origin", "https://chat.example.com").header("Access-Control-Request-Method", "POST")
                .header("X-Forwarded-For", "198.51.100.20").build(), HttpResponse.BodyHandlers.ofString());
        assertThat(preflight.headers().firstValue("Access-Control-Allow-Origin")).contains("https://chat.example.com");
        HttpResponse<String> get = proxy.http.send(HttpRequest.newBuilder(proxy.uri("/olla/openai/v1/models"))
                .header("Origin", "https://chat.example.com").header("X-Forwarded-For", "198.51.100.21").build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(get.headers().firstValue("Access-Control-Expose-Headers")).get().asString().contains("X-Olla-Endpoint");
        HttpResponse<String> evil = proxy.http.send(HttpRequest.newBuilder(proxy.uri("/olla/openai/v1/models"))
                .header("Origin", "https://evil.example").header("X-Forwarded-For", "198.51.100.22").build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(evil.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
    }
}
