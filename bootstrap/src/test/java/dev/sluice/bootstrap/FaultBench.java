package dev.sluice.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sluice.simulator.BackendKind;
import dev.sluice.simulator.ChatFault;
import dev.sluice.simulator.ChatScript;
import dev.sluice.simulator.SimulatedBackend;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The fault suite's stage: the real proxy, on one engine, in front of two Ollamas serving the same model with
 * round-robin between them. {@code flaky} is the one a test makes misbehave; {@code steady} always answers. Short
 * upstream timeouts keep every fault quick to detect, so the suite stays fast on a small machine.
 */
final class FaultBench implements AutoCloseable {

    static final String MODEL = "llama3.2:3b";
    static final String CHAT_PATH = "/olla/ollama/api/chat";
    static final String CHAT = "{\"model\":\"" + MODEL + "\",\"stream\":false,\"messages\":[{\"role\":\"user\","
            + "\"content\":\"hi\"}]}";
    static final String STREAMED_CHAT = CHAT.replace("\"stream\":false", "\"stream\":true");
    /** How long any single exchange may take before a test calls it a hang. */
    static final Duration HANG = Duration.ofSeconds(8);

    final SimulatedBackend flaky;
    final SimulatedBackend steady;
    final RunningProxy proxy;

    private FaultBench(SimulatedBackend flaky, SimulatedBackend steady, RunningProxy proxy) {
        this.flaky = flaky;
        this.steady = steady;
        this.proxy = proxy;
    }

    /** Starts the stage with nothing beyond the suite's defaults. */
    static FaultBench start(Path dir, String engine) throws Exception {
        return start(dir, engine, "", "");
    }

    /**
     * @param serverYaml extra {@code server:} lines, indented two spaces (a {@code rate_limits:} block here replaces
     *                   the default one, which turns rate limiting off)
     * @param proxyYaml  extra {@code proxy:} lines, indented two spaces
     */
    static FaultBench start(Path dir, String engine, String serverYaml, String proxyYaml) throws Exception {
        SimulatedBackend flaky = SimulatedBackend.builder(BackendKind.OLLAMA).name("flaky").models(MODEL).start();
        SimulatedBackend steady = SimulatedBackend.builder(BackendKind.OLLAMA).name("steady").models(MODEL).start();
        String server = "server:\n  port: 0\n  request_logging: false\n" + serverYaml
                + (serverYaml.contains("rate_limits:") ? "" : "  rate_limits:\n    per_ip_requests_per_minute: 0\n");
        // Short upstream timeouts keep faults quick to detect; a test that sets its own keeps them.
        String proxyConfig = "proxy:\n  engine: " + engine + "\n  load_balancer: round-robin\n"
                + (proxyYaml.contains("response_header_timeout:") ? "" : "  response_header_timeout: 500ms\n")
                + (proxyYaml.contains("read_timeout:") ? "" : "  read_timeout: 1s\n") + proxyYaml;
        String yaml = server + proxyConfig + "discovery:\n  static:\n    endpoints:\n"
                + RunningProxy.endpoint("flaky", flaky.baseUri(), "ollama")
                + RunningProxy.endpoint("steady", steady.baseUri(), "ollama");
        try {
            return new FaultBench(flaky, steady, RunningProxy.start(dir, yaml));
        } catch (Exception | Error e) {
            flaky.close();
            steady.close();
            throw e;
        }
    }

    HttpResponse<String> chat() throws IOException, InterruptedException {
        return proxy.post(CHAT_PATH, CHAT);
    }

    /** Sends {@code n} non-streamed chats one after another. */
    List<HttpResponse<String>> chats(int n) throws IOException, InterruptedException {
        List<HttpResponse<String>> responses = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            responses.add(chat());
        }
        return responses;
    }

    /** Sends {@code n} non-streamed chats one after another and counts them by status and endpoint ("200 steady"). */
    Map<String, Integer> statuses(int n) throws IOException, InterruptedException {
        return tally(chats(n));
    }

    static Map<String, Integer> tally(List<HttpResponse<String>> responses) {
        Map<String, Integer> statuses = new HashMap<>();
        for (HttpResponse<String> response : responses) {
            String key = response.statusCode() + response.headers().firstValue("X-Olla-Endpoint").map(e -> " " + e)
                    .orElse("");
            statuses.merge(key, 1, Integer::sum);
        }
        return statuses;
    }

    /**
     * Sends a request and reads its whole body, giving up (and calling it a hang) after {@link #HANG}. The body is
     * collected as it arrives on the HTTP client's own threads, so a broken stream still shows what came before.
     */
    Streamed stream(String path, String json) throws Exception {
        long started = System.nanoTime();
        AtomicReference<HttpResponse.ResponseInfo> head = new AtomicReference<>();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        AtomicLong firstByteAt = new AtomicLong();
        CompletableFuture<HttpResponse<Void>> sent = proxy.http.sendAsync(HttpRequest.newBuilder(proxy.uri(path))
                .timeout(HANG).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build(), info -> {
                    head.set(info);
                    return HttpResponse.BodySubscribers.ofByteArrayConsumer(chunk -> chunk.ifPresent(bytes -> {
                        firstByteAt.compareAndSet(0, System.nanoTime());
                        body.write(bytes, 0, bytes.length);
                    }));
                });
        Optional<IOException> failure = Optional.empty();
        try {
            sent.get(HANG.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            sent.cancel(true);
            throw new AssertionError("the body of " + path + " did not end within " + HANG + " (" + body.size()
                    + " bytes so far): a hang", e);
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof IOException) || head.get() == null) {
                throw e;
            }
            failure = Optional.of((IOException) e.getCause());
        }
        long ended = System.nanoTime();
        Duration firstByte = Duration.ofNanos((firstByteAt.get() == 0 ? ended : firstByteAt.get()) - started);
        return new Streamed(head.get().statusCode(), head.get().headers(), body.toString(StandardCharsets.UTF_8),
                failure, firstByte, Duration.ofNanos(ended - started));
    }

    /** Streams from the proxy until one answer comes from {@code endpoint} (round-robin reaches it within a few). */
    Streamed streamFrom(String endpoint, String path, String json) throws Exception {
        for (int i = 0; i < 4; i++) {
            Streamed streamed = stream(path, json);
            if (streamed.endpoint().equals(Optional.of(endpoint))) {
                return streamed;
            }
        }
        throw new AssertionError("no answer came from " + endpoint + " in 4 tries");
    }

    JsonNode status(String endpoint) throws IOException, InterruptedException {
        return proxy.endpointStatus(endpoint);
    }

    /**
     * What every case ends with: no request is still counted against either endpoint, and once the fault is lifted
     * the proxy serves normal requests again.
     */
    void assertNothingLeakedAndStillServing() throws Exception {
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> {
            assertThat(status("flaky").get("active_connections").asLong()).as("flaky's active requests").isZero();
            assertThat(status("steady").get("active_connections").asLong()).as("steady's active requests").isZero();
        });
        flaky.setChatFault(ChatFault.NONE);
        flaky.setChatErrorBurst(500, 0, Duration.ZERO);
        flaky.setChatScript(ChatScript.defaults());
        steady.setChatScript(ChatScript.defaults());
        for (int i = 0; i < 4; i++) {
            HttpResponse<String> response = chat();
            assertThat(response.statusCode()).as("a normal request after the fault: " + response.body()).isEqualTo(200);
            assertThat(proxy.json(response).at("/message/content").asText()).isEqualTo("The quick brown fox jumps");
        }
    }

    @Override
    public void close() {
        try {
            proxy.close();
        } finally {
            flaky.close();
            steady.close();
        }
    }

    /**
     * A response read to its end, or to the error that ended it.
     *
     * @param failure   how the body ended when it did not end cleanly (a reset, an incomplete chunked body)
     * @param firstByte from sending the request to the first body byte (or the end, for an empty body)
     * @param took      from sending the request to the end of the body
     */
    record Streamed(int status, HttpHeaders headers, String body, Optional<IOException> failure, Duration firstByte,
                    Duration took) {

        Optional<String> endpoint() {
            return headers.firstValue("X-Olla-Endpoint");
        }

        boolean endedCleanly() {
            return failure.isEmpty();
        }
    }
}
