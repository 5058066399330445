package dev.sluice.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sluice.simulator.ChatScript;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Clients that misbehave: hanging up mid-stream, sending headers or a body a byte at a time, sending too much or
 * something that is not JSON. Each case checks what that client gets, that everyone else is still served, and
 * that nothing is left counted against an endpoint.
 */
@ParameterizedClass(name = "engine {0}")
@ValueSource(strings = {"olla", "sherpa"})
@Timeout(60)
class FaultClientIntegrationTest {

    /** A short idle timeout (Go's rule: server.read_timeout bounds an idle connection) so quiet clients go fast. */
    private static final String QUICK_SERVER = "  read_timeout: 2s\n  read_header_timeout: 1s\n";
    private static final String SMALL_BODIES = "  request_limits:\n    max_body_size: 1KB\n";

    @Parameter
    String engine;

    @TempDir
    Path dir;

    private final ScheduledExecutorService dribbler = Executors.newSingleThreadScheduledExecutor();
    private final ExecutorService reader = Executors.newSingleThreadExecutor();
    private FaultBench bench;

    @AfterEach
    void stop() {
        dribbler.shutdownNow();
        reader.shutdownNow();
        if (bench != null) {
            bench.close();
        }
    }

    @Test
    void clientAbortingMidStream_releasesItsLease_everyTime() throws Exception {
        bench = FaultBench.start(dir, engine);
        ChatScript slow = new ChatScript(200, Duration.ofMillis(20));
        bench.flaky.setChatScript(slow);
        bench.steady.setChatScript(slow);

        for (int i = 0; i < 6; i++) {
            HttpResponse<InputStream> response = bench.proxy.http.send(HttpRequest.newBuilder(
                            bench.proxy.uri(FaultBench.CHAT_PATH)).timeout(FaultBench.HANG)
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(FaultBench.STREAMED_CHAT)).build(),
                    HttpResponse.BodyHandlers.ofInputStream());
            String endpoint = response.headers().firstValue("X-Olla-Endpoint").orElseThrow();
            try (InputStream body = response.body()) {
                assertThat(body.readNBytes(64)).hasSize(64);
                assertThat(bench.status(endpoint).get("active_connections").asLong()).as("streaming").isEqualTo(1);
            }
            await().atMost(Duration.ofSeconds(5)).untilAsserted(() ->
                    assertThat(bench.status(endpoint).get("active_connections").asLong()).as("after the hang-up")
                            .isZero());
        }

        if (engine.equals("olla")) {
            assertThat(bench.status("flaky").at("/circuit/consecutive_failures").asInt())
                    .as("a client leaving is not the backend's fault").isZero();
        }
        bench.assertNothingLeakedAndStillServing();
    }

    @Test
    void slowlorisClient_doesNotStopOthersBeingServed_andIsClosedEventually() throws Exception {
        bench = FaultBench.start(dir, engine, QUICK_SERVER, "");
        try (Socket slowloris = new Socket("127.0.0.1", bench.proxy.uri("/").getPort())) {
            OutputStream out = slowloris.getOutputStream();
            out.write(("POST " + FaultBench.CHAT_PATH + " HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: ")
                    .getBytes(StandardCharsets.US_ASCII));
            AtomicInteger dribbled = new AtomicInteger();
            dribbleOneByteEvery(out, Duration.ofMillis(200), dribbled);
            CompletableFuture<Void> closed = whenClosed(slowloris);

            int served = 0;
            while (!closed.isDone() && served < 200) {
                HttpResponse<String> response = bench.chat();
                assertThat(response.statusCode()).as("served while a slowloris holds a connection").isEqualTo(200);
                served++;
            }
            assertThat(served).isPositive();

            await().atMost(Duration.ofSeconds(10)).until(closed::isDone);
            assertThat(dribbled.get()).as("it was trickling bytes all along").isPositive();
        }
        bench.assertNothingLeakedAndStillServing();
    }

    @Test
    void slowlorisOnAKeptAliveConnection_isClosedEventually() throws Exception {
        bench = FaultBench.start(dir, engine, QUICK_SERVER, "");
        try (Socket slowloris = new Socket("127.0.0.1", bench.proxy.uri("/").getPort())) {
            OutputStream out = slowloris.getOutputStream();
            out.write(("GET /internal/health HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n"
                    + "GET /olla/ollama/api/tags HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: ")
                    .getBytes(StandardCharsets.US_ASCII));
            dribbleOneByteEvery(out, Duration.ofMillis(200), new AtomicInteger());
            CompletableFuture<Void> closed = whenClosed(slowloris);

            await().atMost(Duration.ofSeconds(12)).until(closed::isDone);
        }
    }

    @Test
    void clientDribblingItsBody_isCutOffEventually() throws Exception {
        bench = FaultBench.start(dir, engine, QUICK_SERVER, "");
        try (Socket dribbling = new Socket("127.0.0.1", bench.proxy.uri("/").getPort())) {
            OutputStream out = dribbling.getOutputStream();
            out.write(("POST " + FaultBench.CHAT_PATH + " HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                    + "Content-Type: application/json\r\nContent-Length: 100000\r\n\r\n{\"model\":\"")
                    .getBytes(StandardCharsets.US_ASCII));
            dribbleOneByteEvery(out, Duration.ofMillis(200), new AtomicInteger());
            CompletableFuture<Void> closed = whenClosed(dribbling);

            await().atMost(Duration.ofSeconds(12)).until(closed::isDone);
        }
        bench.assertNothingLeakedAndStillServing();
    }

    @Test
    void clientStallingMidBody_isDroppedAtTheIdleTimeout_andNothingReachesABackend() throws Exception {
        bench = FaultBench.start(dir, engine, QUICK_SERVER, "");
        try (Socket stalled = new Socket("127.0.0.1", bench.proxy.uri("/").getPort())) {
            stalled.getOutputStream().write(("POST " + FaultBench.CHAT_PATH + " HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                    + "Content-Type: application/json\r\nContent-Length: 500\r\n\r\n{\"model\":\"")
                    .getBytes(StandardCharsets.US_ASCII));
            CompletableFuture<Void> closed = whenClosed(stalled);

            await().atMost(Duration.ofSeconds(10)).until(closed::isDone);
        }
        assertThat(bench.flaky.requestCount("/api/chat") + bench.steady.requestCount("/api/chat")).isZero();
        bench.assertNothingLeakedAndStillServing();
    }

    @Test
    void oversizedBody_is413Json_whetherItsLengthIsDeclaredOrNot_andNothingReachesABackend() throws Exception {
        bench = FaultBench.start(dir, engine, SMALL_BODIES, "");
        String big = FaultBench.CHAT.replace("\"hi\"", "\"" + "x".repeat(4096) + "\"");

        HttpResponse<String> sized = bench.proxy.post(FaultBench.CHAT_PATH, big);
        HttpResponse<String> chunked = bench.proxy.http.send(HttpRequest.newBuilder(
                        bench.proxy.uri(FaultBench.CHAT_PATH))
                .timeout(FaultBench.HANG).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() ->
                        new ByteArrayInputStream(big.getBytes(StandardCharsets.UTF_8)))).build(),
                HttpResponse.BodyHandlers.ofString());

        for (HttpResponse<String> response : List.of(sized, chunked)) {
            assertThat(response.statusCode()).isEqualTo(413);
            assertThat(response.headers().firstValue("Content-Type")).get().asString().startsWith("application/json");
            assertThat(bench.proxy.json(response).get("error").asText()).as("Ollama's error shape").contains("limit");
        }
        assertThat(bench.flaky.requestCount("/api/chat") + bench.steady.requestCount("/api/chat")).isZero();
        bench.assertNothingLeakedAndStillServing();
    }

    @Test
    void malformedJsonBody_is400JsonInTheRoutesDialect_andNothingReachesABackend() throws Exception {
        bench = FaultBench.start(dir, engine);

        HttpResponse<String> ollama = bench.proxy.post(FaultBench.CHAT_PATH, "{\"model\": \"llama3.2:3b\",");
        HttpResponse<String> openai = bench.proxy.post("/olla/ollama/v1/chat/completions", "{\"model\": [}");

        assertThat(ollama.statusCode()).isEqualTo(400);
        assertThat(bench.proxy.json(ollama).get("error").asText()).contains("not valid JSON");
        assertThat(openai.statusCode()).isEqualTo(400);
        JsonNode error = bench.proxy.json(openai).get("error");
        assertThat(error.get("type").asText()).isEqualTo("invalid_request_error");
        assertThat(error.get("message").asText()).contains("not valid JSON");
        assertThat(bench.flaky.requestCount("/api/chat") + bench.steady.requestCount("/api/chat")
                + bench.flaky.requestCount("/v1/chat/completions") + bench.steady.requestCount("/v1/chat/completions"))
                .isZero();
        bench.assertNothingLeakedAndStillServing();
    }

    /** Writes one byte at a time on the scheduler, counting them, until cancelled or the socket fails. */
    private ScheduledFuture<?> dribbleOneByteEvery(OutputStream out, Duration every, AtomicInteger dribbled) {
        return dribbler.scheduleAtFixedRate(() -> {
            try {
                out.write('a');
                out.flush();
                dribbled.incrementAndGet();
            } catch (IOException closedUnderUs) {
                throw new IllegalStateException(closedUnderUs); // ends the schedule
            }
        }, every.toMillis(), every.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Completes when the server closes the connection (whatever it said first, if anything). */
    private CompletableFuture<Void> whenClosed(Socket socket) {
        return CompletableFuture.runAsync(() -> {
            try {
                InputStream in = socket.getInputStream();
                while (in.read() >= 0) {
                    // drain a 400/408 the server may write before closing
                }
            } catch (IOException reset) {
                // a reset is a close too
            }
        }, reader);
    }
}
