package dev.sluice.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Many requests at once: a crowd behind a trusted reverse proxy meeting the per-IP rate limit, and hundreds of
 * streams in a row, after which the proxy must hold no more threads, descriptors or leases than before.
 */
@ParameterizedClass(name = "engine {0}")
@ValueSource(strings = {"olla", "sherpa"})
@Timeout(60)
class FaultLoadIntegrationTest {

    private static final int CLIENTS = 200;
    private static final int PER_CLIENT_ALLOWANCE = 5;
    private static final String RATE_LIMITED = "  rate_limits:\n    per_ip_requests_per_minute: 5\n    burst_size: 5\n"
            + "    global_requests_per_minute: 0\n    trust_proxy_headers: true\n";

    @Parameter
    String engine;

    @TempDir
    Path dir;

    private final ExecutorService clients = Executors.newFixedThreadPool(16);
    private FaultBench bench;

    @AfterEach
    void stop() throws InterruptedException {
        clients.shutdownNow();
        assertThat(clients.awaitTermination(5, TimeUnit.SECONDS)).isTrue();
        if (bench != null) {
            bench.close();
        }
    }

    @Test
    void twoHundredClientsBehindATrustedProxy_eachGetTheirFiveRequestsThen429WithRetryAfter() throws Exception {
        // 1,200 requests from 16 threads on a 2-core machine: a backend may take longer than the suite's 500 ms
        // to send headers, and that timeout is not what this test is about.
        bench = FaultBench.start(dir, engine, RATE_LIMITED, "  response_header_timeout: 10s\n  read_timeout: 10s\n");

        // Each client sends one request more than its allowance, in order, so "the first five pass" is checkable.
        List<Future<List<HttpResponse<String>>>> perClient = new ArrayList<>();
        for (int c = 0; c < CLIENTS; c++) {
            String ip = "198.51.100." + c;
            perClient.add(clients.submit(() -> {
                List<HttpResponse<String>> responses = new ArrayList<>();
                for (int i = 0; i <= PER_CLIENT_ALLOWANCE; i++) {
                    responses.add(chatFrom(ip));
                }
                return responses;
            }));
        }
        int passed = 0;
        for (int c = 0; c < CLIENTS; c++) {
            List<HttpResponse<String>> responses = perClient.get(c).get(30, TimeUnit.SECONDS);
            for (int i = 0; i < PER_CLIENT_ALLOWANCE; i++) {
                assertThat(responses.get(i).statusCode()).as("client %d request %d", c, i).isEqualTo(200);
                passed++;
            }
            HttpResponse<String> refused = responses.get(PER_CLIENT_ALLOWANCE);
            assertThat(refused.statusCode()).as("client %d over its allowance", c).isEqualTo(429);
            assertThat(refused.headers().firstValue("Retry-After").map(Long::parseLong)).get()
                    .matches(s -> s >= 1 && s <= 12, "a token comes back within 12 s at 5 a minute");
            assertThat(bench.proxy.json(refused).get("error").asText()).as("Ollama's error shape")
                    .contains("rate limit");
        }

        assertThat(passed).isEqualTo(1_000);
        assertThat(bench.flaky.requestCount("/api/chat") + bench.steady.requestCount("/api/chat"))
                .as("refusals never reach a backend").isEqualTo(1_000);
        bench.assertNothingLeakedAndStillServing();
    }

    @Test
    void twoHundredStreamsInARow_leaveNoThreadsDescriptorsOrLeasesBehind() throws Exception {
        bench = FaultBench.start(dir, engine);
        streams(20); // warm-up: pools in the proxy, the backends and this test's client reach their working size
        int threadsBefore = ManagementFactory.getThreadMXBean().getThreadCount();
        long descriptorsBefore = openDescriptors();

        streams(200);

        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> {
            assertThat(bench.status("flaky").get("active_connections").asLong()).isZero();
            assertThat(bench.status("steady").get("active_connections").asLong()).isZero();
        });
        assertThat(ManagementFactory.getThreadMXBean().getThreadCount() - threadsBefore).as("thread growth")
                .isLessThan(30);
        if (descriptorsBefore >= 0) {
            assertThat(openDescriptors() - descriptorsBefore).as("open descriptor growth (sockets included)")
                    .isLessThan(30);
        }
        bench.assertNothingLeakedAndStillServing();
    }

    private HttpResponse<String> chatFrom(String ip) throws IOException, InterruptedException {
        return bench.proxy.http.send(HttpRequest.newBuilder(bench.proxy.uri(FaultBench.CHAT_PATH))
                .timeout(FaultBench.HANG).header("Content-Type", "application/json").header("X-Forwarded-For", ip)
                .POST(HttpRequest.BodyPublishers.ofString(FaultBench.CHAT)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    // Four at a time, each read to its clean end.
    private void streams(int count) throws Exception {
        List<Future<FaultBench.Streamed>> streams = new ArrayList<>();
        ExecutorService four = Executors.newFixedThreadPool(4);
        try {
            for (int i = 0; i < count; i++) {
                streams.add(four.submit(() -> bench.stream(FaultBench.CHAT_PATH, FaultBench.STREAMED_CHAT)));
            }
            for (Future<FaultBench.Streamed> stream : streams) {
                FaultBench.Streamed streamed = stream.get(30, TimeUnit.SECONDS);
                assertThat(streamed.status()).isEqualTo(200);
                assertThat(streamed.endedCleanly()).isTrue();
                assertThat(streamed.body()).contains("\"done\":true");
            }
        } finally {
            four.shutdownNow();
            assertThat(four.awaitTermination(5, TimeUnit.SECONDS)).isTrue();
        }
    }

    /** This JVM's open file descriptors (sockets count), or -1 where /proc is not there to ask. */
    private static long openDescriptors() throws IOException {
        Path fds = Path.of("/proc/self/fd");
        if (!Files.isDirectory(fds)) {
            return -1;
        }
        try (Stream<Path> open = Files.list(fds)) {
            return open.count();
        }
    }
}
