package dev.sluice.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Providers' rate-limit signalling (Olla ignores it, seed 000): a 429's {@code Retry-After} holds that provider back
 * exactly that long while the other takes the traffic; an answer saying the budget is spent
 * ({@code x-ratelimit-remaining-requests: 0}) holds it back until the reset before it ever refuses; the headers
 * reach the client.
 */
@Timeout(60)
class AdaptiveRateLimitIntegrationTest {

    private static final String CHAT = "{\"model\":\"llama3.2:3b\",\"stream\":false,\"messages\":[]}";
    private static final String OK = "{\"model\":\"llama3.2:3b\",\"message\":{\"role\":\"assistant\",\"content\":\"hi\"},"
            + "\"done\":true}";

    @TempDir
    Path dir;

    private ScriptedBackend limited;
    private ScriptedBackend spare;
    private RunningProxy proxy;

    @AfterEach
    void stop() throws Exception {
        if (proxy != null) {
            proxy.close();
        }
        limited.close();
        spare.close();
    }

    private void start(ScriptedBackend.ChatAnswer limitedChat) throws Exception {
        limited = new ScriptedBackend(limitedChat);
        spare = new ScriptedBackend((response, callback) -> {
            ScriptedBackend.write(response, callback, 200, OK);
            return true;
        });
        proxy = RunningProxy.start(dir, RunningProxy.config("proxy:\n  load_balancer: priority\n",
                RunningProxy.endpoint("limited", limited.baseUri(), "ollama", "priority: 100")
                        .replace("check_interval: 1s", "check_interval: 60s"),
                RunningProxy.endpoint("spare", spare.baseUri(), "ollama", "priority: 10")
                        .replace("check_interval: 1s", "check_interval: 60s")));
    }

    private String servedBy() throws Exception {
        HttpResponse<String> response = proxy.post("/olla/ollama/api/chat", CHAT);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return response.headers().firstValue("X-Olla-Endpoint").orElseThrow();
    }

    @Test
    void a429WithRetryAfterIsHeldBackExactlyThatLong() throws Exception {
        AtomicBoolean refuseOnce = new AtomicBoolean(true);
        AtomicLong refusedAt = new AtomicLong();
        start((response, callback) -> {
            if (refuseOnce.getAndSet(false)) {
                refusedAt.set(System.nanoTime());
                response.getHeaders().put("Retry-After", "2");
                ScriptedBackend.write(response, callback, 429, "{\"error\":\"slow down\"}");
            } else {
                ScriptedBackend.write(response, callback, 200, OK);
            }
            return true;
        });

        assertThat(servedBy()).as("the 429 never reaches the client: the spare answers").isEqualTo("spare");
        assertThat(servedBy()).as("held back: not even asked").isEqualTo("spare");
        assertThat(limited.chats.get()).isEqualTo(1);
        assertThat(proxy.endpointStatus("limited").at("/circuit/reason").asText()).isEqualTo("rate_limited");

        AtomicLong backAt = new AtomicLong();
        await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(20)).until(() -> {
            long sent = System.nanoTime();
            if (servedBy().equals("limited")) {
                backAt.set(sent);
                return true;
            }
            return false;
        });
        Duration held = Duration.ofNanos(backAt.get() - refusedAt.get());
        assertThat(held).as("held back for the Retry-After, and not much longer")
                .isBetween(Duration.ofMillis(1990), Duration.ofMillis(2600));
        assertThat(proxy.endpointStatus("spare").get("active_connections").asLong()).isZero();
    }

    @Test
    void aSpentBudgetIsSkippedUntilItsResetAndTheHeadersReachTheClient() throws Exception {
        AtomicBoolean spentOnce = new AtomicBoolean(true);
        AtomicLong spentAt = new AtomicLong();
        start((response, callback) -> {
            response.getHeaders().put("x-ratelimit-limit-requests", "100");
            if (spentOnce.getAndSet(false)) {
                spentAt.set(System.nanoTime());
                response.getHeaders().put("x-ratelimit-remaining-requests", "0");
                response.getHeaders().put("x-ratelimit-reset-requests", "1s");
            } else {
                response.getHeaders().put("x-ratelimit-remaining-requests", "99");
                response.getHeaders().put("x-ratelimit-reset-requests", "600ms");
            }
            ScriptedBackend.write(response, callback, 200, OK);
            return true;
        });

        HttpResponse<String> first = proxy.post("/olla/ollama/api/chat", CHAT);
        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(first.headers().firstValue("X-Olla-Endpoint")).hasValue("limited");
        assertThat(first.headers().firstValue("x-ratelimit-remaining-requests")).hasValue("0");
        assertThat(first.headers().firstValue("x-ratelimit-reset-requests")).hasValue("1s");
        assertThat(first.headers().firstValue("x-ratelimit-limit-requests")).hasValue("100");

        assertThat(servedBy()).as("its budget is spent: skipped before it refuses").isEqualTo("spare");
        assertThat(limited.chats.get()).isEqualTo(1);
        assertThat(proxy.endpointStatus("limited").at("/circuit/reason").asText()).isEqualTo("rate_limit_exhausted");

        AtomicLong backAt = new AtomicLong();
        await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(20)).until(() -> {
            long sent = System.nanoTime();
            if (servedBy().equals("limited")) {
                backAt.set(sent);
                return true;
            }
            return false;
        });
        assertThat(Duration.ofNanos(backAt.get() - spentAt.get())).isBetween(Duration.ofMillis(990),
                Duration.ofMillis(1600));
    }
}
