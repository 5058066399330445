package dev.sluice.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sluice.simulator.ChatFault;
import dev.sluice.simulator.ChatScript;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A backend that misbehaves on the wire, behind a proxy that round-robins between it and a good one. Each case
 * checks what the client sees (the good answer, a clearly broken stream, the backend's bytes as they were), that
 * no request is left counted against an endpoint, and that normal requests are served afterwards.
 */
@ParameterizedClass(name = "engine {0}")
@ValueSource(strings = {"olla", "sherpa"})
@Timeout(60)
class FaultBackendIntegrationTest {

    private static final String OPENAI_PATH = "/olla/ollama/v1/chat/completions";

    @Parameter
    String engine;

    @TempDir
    Path dir;

    private FaultBench bench;

    @AfterEach
    void stop() {
        if (bench != null) {
            bench.close();
        }
    }

    @Test
    void backendRefusingConnections_isFailedOverInvisibly_andMarkedOffline() throws Exception {
        bench = FaultBench.start(dir, engine);
        bench.flaky.stop();

        assertThat(bench.statuses(6)).containsOnly(entry("200 steady", 6));
        assertThat(bench.status("flaky").get("status").asText()).isEqualTo("offline");
        bench.assertNothingLeakedAndStillServing();
    }

    @Test
    void backendAcceptingButNeverAnswering_isFailedOverAfterTheHeaderTimeout() throws Exception {
        bench = FaultBench.start(dir, engine);
        bench.flaky.setChatFault(ChatFault.STALL_BEFORE_HEADERS);

        long started = System.nanoTime();
        assertThat(bench.statuses(4)).containsOnly(entry("200 steady", 4));
        Duration took = Duration.ofNanos(System.nanoTime() - started);

        assertThat(bench.flaky.requestCount("/api/chat")).as("tried, then given up on").isPositive();
        assertThat(took).as("each stalled attempt costs one 500 ms header timeout").isLessThan(Duration.ofSeconds(4));
        bench.assertNothingLeakedAndStillServing();
    }

    @Test
    void backendNeverAnswering_opensTheBreakerUnderOlla_andIsKeptTryingUnderSherpa() throws Exception {
        bench = FaultBench.start(dir, engine, "",
                "  circuit_breaker:\n    failure_threshold: 2\n    open_duration: 1m\n");
        bench.flaky.setChatFault(ChatFault.STALL_BEFORE_HEADERS);

        assertThat(bench.statuses(8)).containsOnly(entry("200 steady", 8));

        if (engine.equals("olla")) {
            assertThat(bench.flaky.requestCount("/api/chat")).as("tried until the breaker opened").isEqualTo(2);
            assertThat(bench.status("flaky").at("/circuit/reason").asText()).isEqualTo("circuit_open");
        } else {
            assertThat(bench.flaky.requestCount("/api/chat")).as("no breaker: it keeps being tried")
                    .isGreaterThanOrEqualTo(4);
        }
        bench.assertNothingLeakedAndStillServing();
    }

    @Test
    void backendNeverAnswering_isFirstChoiceOnlyForItsRoundRobinShareOfRequests() throws Exception {
        bench = FaultBench.start(dir, engine, "", "  circuit_breaker:\n    failure_threshold: 100\n");
        bench.flaky.setChatFault(ChatFault.STALL_BEFORE_HEADERS);

        assertThat(bench.statuses(8)).containsOnly(entry("200 steady", 8));

        assertThat(bench.flaky.requestCount("/api/chat")).as("round-robin over two: every other request").isEqualTo(4);
    }

    @Test
    void backendStallingAfterItsHeaders_isAnsweredWithA504AtTheReadTimeout() throws Exception {
        bench = FaultBench.start(dir, engine);
        bench.flaky.setChatFault(ChatFault.STALL_AFTER_HEADERS);

        FaultBench.Streamed streamed = bench.streamFrom("flaky", FaultBench.CHAT_PATH, FaultBench.STREAMED_CHAT);

        // The backend's headers are held until its first body byte, so nothing was committed when the 1 s read
        // timeout fired: the client gets a clean error rather than a 200 that breaks off.
        assertThat(streamed.took()).as("a 1 s read timeout, not a hang").isLessThan(Duration.ofSeconds(4));
        assertThat(streamed.status()).isEqualTo(504);
        assertThat(streamed.endedCleanly()).isTrue();
        assertThat(new ObjectMapper().readTree(streamed.body()).get("error").asText()).as("Ollama's error shape")
                .contains("flaky").contains("timed out");
        bench.assertNothingLeakedAndStillServing();
    }

    @Test
    void backendDroppingTheConnectionMidStream_breaksTheClientsStream_andOthersAreServed() throws Exception {
        bench = FaultBench.start(dir, engine);
        bench.flaky.setChatFault(ChatFault.DROP_MID_STREAM);

        FaultBench.Streamed dropped = bench.streamFrom("flaky", FaultBench.CHAT_PATH, FaultBench.STREAMED_CHAT);
        FaultBench.Streamed fine = bench.streamFrom("steady", FaultBench.CHAT_PATH, FaultBench.STREAMED_CHAT);

        assertThat(dropped.status()).isEqualTo(200);
        assertThat(dropped.body()).startsWith("{\"model\"").contains("\"content\":\"The\"")
                .doesNotContain("\"done\":true");
        assertThat(dropped.endedCleanly()).as("a cut stream must not look complete").isFalse();
        assertThat(fine.endedCleanly()).isTrue();
        assertThat(fine.body()).contains("\"done\":true");
        bench.assertNothingLeakedAndStillServing();
    }

    @Test
    void backendSendingMalformedJson_isRelayedAsIs_withACleanEnd() throws Exception {
        bench = FaultBench.start(dir, engine);
        bench.flaky.setChatFault(ChatFault.MALFORMED_JSON);

        FaultBench.Streamed streamed = bench.streamFrom("flaky", FaultBench.CHAT_PATH, FaultBench.CHAT);

        assertThat(streamed.status()).isEqualTo(200);
        assertThat(streamed.endedCleanly()).isTrue();
        assertThat(streamed.body()).startsWith("{\"model\":\"simulated\"").contains("<<not json>>");
        assertThatThrownBy(() -> new ObjectMapper().readTree(streamed.body())).isInstanceOf(IOException.class);
        bench.assertNothingLeakedAndStillServing();
    }

    @Test
    void backendTruncatingAnSseEvent_isRelayedAsIs_withACleanEnd() throws Exception {
        bench = FaultBench.start(dir, engine);
        bench.flaky.setChatFault(ChatFault.TRUNCATED_SSE);

        FaultBench.Streamed streamed = bench.streamFrom("flaky", OPENAI_PATH, FaultBench.STREAMED_CHAT);

        assertThat(streamed.status()).isEqualTo(200);
        assertThat(streamed.headers().firstValue("Content-Type")).get().asString().startsWith("text/event-stream");
        assertThat(streamed.endedCleanly()).isTrue();
        assertThat(streamed.body()).startsWith("data: {").contains("\n\ndata: {").doesNotEndWith("\n\n")
                .doesNotContain("[DONE]");
        bench.assertNothingLeakedAndStillServing();
    }

    @Test
    void backendStreamingAVeryLargeResponseSlowly_isRelayedWholeAsItIsGenerated() throws Exception {
        bench = FaultBench.start(dir, engine);
        ChatScript large = new ChatScript(1_500, Duration.ofMillis(1));
        bench.flaky.setChatScript(large);
        bench.steady.setChatScript(large);

        FaultBench.Streamed streamed = bench.stream(FaultBench.CHAT_PATH, FaultBench.STREAMED_CHAT);

        assertThat(streamed.status()).isEqualTo(200);
        assertThat(streamed.endedCleanly()).isTrue();
        String[] lines = streamed.body().split("\n");
        assertThat(lines).hasSize(1_501);
        assertThat(lines[1_500]).contains("\"done\":true");
        assertThat(streamed.firstByte()).as("first line relayed long before the last")
                .isLessThan(streamed.took().dividedBy(2));
        bench.assertNothingLeakedAndStillServing();
    }

    @Test
    void backendFailingOnlyItsHealthCheck_getsNoTrafficOnceMarkedUnhealthy() throws Exception {
        bench = FaultBench.start(dir, engine);
        bench.flaky.setHealthStatus(503);
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() ->
                assertThat(bench.status("flaky").get("status").asText()).isEqualTo("unhealthy"));
        long chatsBefore = bench.flaky.requestCount("/api/chat");

        Map<String, Integer> statuses = bench.statuses(8);

        assertThat(statuses).containsOnly(entry("200 steady", 8));
        assertThat(bench.flaky.requestCount("/api/chat")).as("inference would pass, but none is sent")
                .isEqualTo(chatsBefore);
        bench.assertNothingLeakedAndStillServing();
    }

    @Test
    void backendAnswering503InABurst_withoutFallback_isRelayedUntilEjected_thenAllGoesToTheOther() throws Exception {
        // proxy.fallback none: Olla's behaviour, the answer is relayed (the default moves it on: FallbackIntegrationTest).
        bench = FaultBench.start(dir, engine, "",
                "  outlier_detection:\n    consecutive_errors: 3\n    base_ejection: 1m\n  fallback:\n    strategy: none\n");
        bench.flaky.setChatErrorBurst(503, 100, Duration.ZERO);

        List<HttpResponse<String>> responses = bench.chats(20);

        assertThat(FaultBench.tally(responses)).containsOnly(entry("503 flaky", 3), entry("200 steady", 17));
        HttpResponse<String> relayed = responses.stream().filter(r -> r.statusCode() == 503).findFirst().orElseThrow();
        assertThat(bench.proxy.json(relayed).get("error").asText()).as("the backend's own body")
                .contains("server busy");
        assertThat(bench.status("flaky").at("/circuit/reason").asText()).isEqualTo("ejected_5xx");
        assertThat(bench.status("flaky").get("status").asText()).as("its health check still passes")
                .isEqualTo("healthy");
        bench.assertNothingLeakedAndStillServing();
    }

    @Test
    void backendAnswering429WithRetryAfter_withoutFallback_isRelayedAndEjectedAtOnce() throws Exception {
        bench = FaultBench.start(dir, engine, "", "  fallback:\n    strategy: none\n");
        bench.flaky.setChatErrorBurst(429, 100, Duration.ofSeconds(120));

        List<HttpResponse<String>> responses = bench.chats(10);

        assertThat(FaultBench.tally(responses)).containsOnly(entry("429 flaky", 1), entry("200 steady", 9));
        HttpResponse<String> limited = responses.stream().filter(r -> r.statusCode() == 429).findFirst().orElseThrow();
        assertThat(limited.headers().firstValue("Retry-After")).as("relayed to the client").contains("120");
        assertThat(bench.flaky.requestCount("/api/chat")).isEqualTo(1);
        assertThat(bench.status("flaky").at("/circuit/reason").asText()).isEqualTo("rate_limited");
        bench.assertNothingLeakedAndStillServing();
    }
}
