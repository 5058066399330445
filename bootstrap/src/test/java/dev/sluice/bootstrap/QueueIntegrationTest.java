package dev.sluice.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An endpoint's concurrency limit through the real proxy: requests beyond it wait in the queue without reaching
 * the backend, go in order as places free, and a full queue or an expired wait is refused at once with 503.
 */
class QueueIntegrationTest {

    private static final String CHAT = "{\"model\":\"llama3.2:3b\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}";

    @TempDir
    Path dir;

    private final LinkedBlockingQueue<Held> held = new LinkedBlockingQueue<>();
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicInteger peak = new AtomicInteger();
    private ScriptedBackend backend;
    private RunningProxy proxy;

    /** A chat the backend has received and not yet answered. */
    private record Held(Response response, Callback callback) {
    }

    @BeforeEach
    void backend() throws Exception {
        backend = new ScriptedBackend((response, callback) -> {
            peak.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
            held.add(new Held(response, callback));
            return true;
        });
    }

    @AfterEach
    void stop() throws Exception {
        while (!held.isEmpty()) {
            answer();
        }
        if (proxy != null) {
            proxy.close();
        }
        backend.close();
    }

    private void start(String queue) throws Exception {
        proxy = RunningProxy.start(dir, RunningProxy.config("proxy:\n  queue:\n" + queue,
                RunningProxy.endpoint("solo", backend.baseUri(), "ollama", "max_concurrent_requests: 1")));
    }

    private void answer() throws InterruptedException {
        Held h = held.take();
        inFlight.decrementAndGet();
        ScriptedBackend.write(h.response(), h.callback(), 200,
                "{\"model\":\"llama3.2:3b\",\"message\":{\"role\":\"assistant\",\"content\":\"ok\"},\"done\":true}");
    }

    private CompletableFuture<HttpResponse<String>> chat() {
        return proxy.http.sendAsync(HttpRequest.newBuilder(proxy.uri("/olla/ollama/api/chat"))
                .timeout(Duration.ofSeconds(20)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(CHAT)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private int waiting() throws Exception {
        return proxy.json(proxy.get("/internal/stats/queue")).get("waiting").asInt();
    }

    @Test
    void requestsBeyondTheLimitWaitAndGoOneAtATimeWithNothingLost() throws Exception {
        start("    max_size: 10\n    timeout: 20s\n");
        CompletableFuture<HttpResponse<String>> first = chat();
        await().atMost(Duration.ofSeconds(10)).until(() -> backend.chats.get() == 1);
        CompletableFuture<HttpResponse<String>> second = chat();
        CompletableFuture<HttpResponse<String>> third = chat();
        await().atMost(Duration.ofSeconds(10)).until(() -> waiting() == 2);
        assertThat(backend.chats.get()).isEqualTo(1);

        answer();
        assertThat(first.get().statusCode()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(10)).until(() -> backend.chats.get() == 2);
        answer();
        await().atMost(Duration.ofSeconds(10)).until(() -> backend.chats.get() == 3);
        answer();

        assertThat(second.get().statusCode()).isEqualTo(200);
        assertThat(third.get().statusCode()).isEqualTo(200);
        assertThat(peak.get()).isEqualTo(1);
        var stats = proxy.json(proxy.get("/internal/stats/queue"));
        assertThat(stats.get("admitted_after_wait").asLong()).isEqualTo(2);
        assertThat(stats.get("waiting").asInt()).isZero();
        await().atMost(Duration.ofSeconds(5))
                .until(() -> proxy.endpointStatus("solo").get("active_connections").asLong() == 0);
    }

    @Test
    void aFullQueueIsRefusedAtOnceWithRetryAfter() throws Exception {
        start("    max_size: 1\n    timeout: 20s\n");
        CompletableFuture<HttpResponse<String>> first = chat();
        await().atMost(Duration.ofSeconds(10)).until(() -> backend.chats.get() == 1);
        CompletableFuture<HttpResponse<String>> second = chat();
        await().atMost(Duration.ofSeconds(10)).until(() -> waiting() == 1);

        HttpResponse<String> refused = proxy.post("/olla/ollama/api/chat", CHAT);

        assertThat(refused.statusCode()).isEqualTo(503);
        assertThat(refused.headers().firstValue("Retry-After")).isPresent();
        assertThat(refused.body()).contains("queue is full");
        answer();
        answer();
        assertThat(first.get().statusCode()).isEqualTo(200);
        assertThat(second.get().statusCode()).isEqualTo(200);
        assertThat(backend.chats.get()).isEqualTo(2);
    }

    @Test
    void aWaitLongerThanTheQueueTimeoutIsRefusedAndNeverReachesTheBackend() throws Exception {
        start("    max_size: 10\n    timeout: 300ms\n");
        CompletableFuture<HttpResponse<String>> first = chat();
        await().atMost(Duration.ofSeconds(10)).until(() -> backend.chats.get() == 1);

        HttpResponse<String> late = proxy.post("/olla/ollama/api/chat", CHAT);

        assertThat(late.statusCode()).isEqualTo(503);
        assertThat(late.body()).contains("queue timeout");
        answer();
        assertThat(first.get().statusCode()).isEqualTo(200);
        assertThat(backend.chats.get()).isEqualTo(1);
        assertThat(proxy.json(proxy.get("/internal/stats/queue")).get("timed_out").asLong()).isEqualTo(1);
    }

    @Test
    void anOllamaClientHearsTheRefusalInItsOwnDialect() throws Exception {
        start("    max_size: 0\n");
        CompletableFuture<HttpResponse<String>> first = chat();
        await().atMost(Duration.ofSeconds(10)).until(() -> backend.chats.get() == 1);

        HttpResponse<String> refused = proxy.post("/olla/ollama/api/chat", CHAT);

        assertThat(refused.statusCode()).isEqualTo(503);
        assertThat(proxy.json(refused).get("error").isTextual()).isTrue();
        answer();
        assertThat(first.get().statusCode()).isEqualTo(200);
    }
}
