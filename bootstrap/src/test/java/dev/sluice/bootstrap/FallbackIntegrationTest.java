package dev.sluice.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@code proxy.fallback}: every strategy against every failure class, on a fleet of two where the preferred endpoint
 * fails. Transient failures (429, 5xx, connect refused, timeout) move on as the strategy says, before anything
 * reached the client; permanent ones (400, 401, 404) come back at once, from the endpoint that answered them.
 */
@Timeout(60)
class FallbackIntegrationTest {

    private static final String CHAT = "{\"model\":\"llama3.2:3b\",\"stream\":false,\"messages\":[]}";
    private static final String OK = "{\"model\":\"llama3.2:3b\",\"message\":{\"role\":\"assistant\",\"content\":\"hi\"},"
            + "\"done\":true}";

    /** How the preferred endpoint fails, and what reaches the client when nothing else is tried. */
    enum Fault {
        S429(429, true), S500(500, true), S503(503, true), REFUSED(502, true), TIMEOUT(504, true),
        S400(400, false), S401(401, false), S404(404, false);

        final int unhandledStatus;
        final boolean transientFailure;

        Fault(int unhandledStatus, boolean transientFailure) {
            this.unhandledStatus = unhandledStatus;
            this.transientFailure = transientFailure;
        }

        boolean answers() {
            return this != REFUSED && this != TIMEOUT;
        }
    }

    @TempDir
    Path dir;

    private ScriptedBackend first;
    private ScriptedBackend second;
    private RunningProxy proxy;

    @AfterEach
    void stop() throws Exception {
        if (proxy != null) {
            proxy.close();
        }
        first.close();
        second.close();
    }

    private void start(String strategy, Fault fault) throws Exception {
        first = new ScriptedBackend((response, callback) -> {
            if (fault == Fault.TIMEOUT) {
                return false;
            }
            ScriptedBackend.write(response, callback, fault.unhandledStatus, "{\"error\":\"scripted " + fault + "\"}");
            return true;
        });
        second = new ScriptedBackend((response, callback) -> {
            ScriptedBackend.write(response, callback, 200, OK);
            return true;
        });
        // 1 s: long enough that a busy CI machine answering a scripted 400 is never mistaken for a timeout.
        proxy = RunningProxy.start(dir, RunningProxy.config("proxy:\n  load_balancer: priority\n"
                        + "  response_header_timeout: 1s\n"
                        + "  fallback:\n    strategy: " + strategy + "\n    retry_same_attempts: 2\n    backoff: 20ms\n",
                endpoint("first", first, "100"), endpoint("second", second, "10")));
        if (fault == Fault.REFUSED) {
            first.close();
        }
    }

    // Probes far apart: a failure must be noticed from the request, not from a health check.
    private static String endpoint(String name, ScriptedBackend backend, String priority) {
        return RunningProxy.endpoint(name, backend.baseUri(), "ollama", "priority: " + priority)
                .replace("check_interval: 1s", "check_interval: 60s");
    }

    @ParameterizedTest(name = "{0} on {1}")
    @CsvSource({
        "none,S429", "none,S500", "none,S503", "none,REFUSED", "none,TIMEOUT", "none,S400", "none,S401", "none,S404",
        "next_available,S429", "next_available,S500", "next_available,S503", "next_available,REFUSED",
        "next_available,TIMEOUT", "next_available,S400", "next_available,S401", "next_available,S404",
        "retry_same,S429", "retry_same,S500", "retry_same,S503", "retry_same,REFUSED", "retry_same,TIMEOUT",
        "retry_same,S400", "retry_same,S401", "retry_same,S404",
        "best_alternative,S429", "best_alternative,S500", "best_alternative,S503", "best_alternative,REFUSED",
        "best_alternative,TIMEOUT", "best_alternative,S400", "best_alternative,S401", "best_alternative,S404",
    })
    void eachStrategyOnEachFailureClass(String strategy, Fault fault) throws Exception {
        start(strategy, fault);
        HttpResponse<String> response = proxy.post("/olla/ollama/api/chat", CHAT);

        boolean movesOn = fault.transientFailure && !strategy.equals("none");
        if (movesOn) {
            assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
            assertThat(response.headers().firstValue("X-Olla-Endpoint")).hasValue("second");
            assertThat(second.chats.get()).isEqualTo(1);
        } else {
            assertThat(response.statusCode()).as(response.body()).isEqualTo(fault.unhandledStatus);
            assertThat(second.chats.get()).as("the other endpoint is never asked").isZero();
            if (fault.answers()) {
                assertThat(response.body()).as("the endpoint's own answer, relayed").contains("scripted " + fault);
            }
        }
        if (fault.answers() || fault == Fault.TIMEOUT) {
            // retry_same asks again (twice, with backoff) unless the endpoint said when to come back: a 429 holds it.
            int expected = strategy.equals("retry_same") && fault.transientFailure && fault != Fault.S429 ? 3 : 1;
            assertThat(first.chats.get()).as("requests the failing endpoint saw").isEqualTo(expected);
        }
        // Every attempt's lease came back: nothing counts as active on either endpoint.
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> {
            assertThat(proxy.endpointStatus("first").get("active_connections").asLong()).isZero();
            assertThat(proxy.endpointStatus("second").get("active_connections").asLong()).isZero();
        });
    }
}
