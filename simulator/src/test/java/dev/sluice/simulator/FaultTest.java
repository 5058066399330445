package dev.sluice.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.eclipse.jetty.client.ContentResponse;
import org.eclipse.jetty.client.InputStreamResponseListener;
import org.eclipse.jetty.client.Response;
import org.eclipse.jetty.client.Result;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class FaultTest {

    private static TestHttp http;

    @BeforeAll
    static void startClient() {
        http = new TestHttp();
    }

    @AfterAll
    static void stopClient() {
        http.close();
    }

    @ParameterizedTest
    @EnumSource(BackendKind.class)
    void garbageDiscoveryClaimsJsonButIsNot(BackendKind kind) throws Exception {
        try (SimulatedBackend backend = SimulatedBackend.builder(kind).start()) {
            backend.setFault(Fault.GARBAGE_DISCOVERY);

            ContentResponse response = http.get(backend, kind.discoveryPath());

            assertThat(response.getStatus()).isEqualTo(200);
            assertThat(response.getHeaders().get("Content-Type")).startsWith("application/json");
            assertThatThrownBy(() -> new ObjectMapper().readTree(response.getContentAsString()))
                    .isInstanceOf(IOException.class);
        }
    }

    @ParameterizedTest
    @EnumSource(BackendKind.class)
    void htmlDiscoveryIsALoginPage(BackendKind kind) throws Exception {
        try (SimulatedBackend backend = SimulatedBackend.builder(kind).start()) {
            backend.setFault(Fault.HTML_DISCOVERY);

            ContentResponse response = http.get(backend, kind.discoveryPath());

            assertThat(response.getStatus()).isEqualTo(200);
            assertThat(response.getHeaders().get("Content-Type")).startsWith("text/html");
            assertThat(response.getContentAsString()).startsWith("<!DOCTYPE html>");
        }
    }

    @ParameterizedTest
    @EnumSource(BackendKind.class)
    void notFoundDiscoveryIs404EvenWhereUnknownRoutesAre200(BackendKind kind) throws Exception {
        try (SimulatedBackend backend = SimulatedBackend.builder(kind).start()) {
            backend.setFault(Fault.NOT_FOUND_DISCOVERY);

            assertThat(http.get(backend, kind.discoveryPath()).getStatus()).isEqualTo(404);
            backend.setFault(Fault.NONE);
            assertThat(http.get(backend, kind.discoveryPath()).getStatus()).isEqualTo(200);
        }
    }

    @Test
    void discoveryFaultLeavesSeparateHealthAlone() throws Exception {
        try (SimulatedBackend vllm = SimulatedBackend.builder(BackendKind.VLLM).start()) {
            vllm.setFault(Fault.NOT_FOUND_DISCOVERY);

            assertThat(http.get(vllm, "/health").getStatus()).isEqualTo(200);
        }
    }

    @ParameterizedTest
    @EnumSource(value = BackendKind.class, names = {"OLLAMA", "VLLM"})
    void hugeDiscoveryStreamsFiftyMegabytesOfValidJson(BackendKind kind) throws Exception {
        try (SimulatedBackend backend = SimulatedBackend.builder(kind).start()) {
            backend.setFault(Fault.HUGE_DISCOVERY);
            InputStreamResponseListener listener = new InputStreamResponseListener();
            http.client().newRequest(backend.baseUri().resolve(kind.discoveryPath()))
                    .timeout(30, TimeUnit.SECONDS).send(listener);

            Response response = listener.get(TestHttp.TIMEOUT_SECONDS, TimeUnit.SECONDS);
            CountingJson body = CountingJson.read(listener.getInputStream());

            assertThat(response.getStatus()).isEqualTo(200);
            assertThat(response.getHeaders().contains("Content-Length")).isFalse();
            assertThat(body.bytes).isGreaterThanOrEqualTo(HugeDiscoveryRoute.TARGET_BYTES);
            assertThat(body.firstField).isEqualTo(kind == BackendKind.OLLAMA || kind == BackendKind.GEMINI ? "models" : "data");
            assertThat(body.objects).isGreaterThan(200_000);
        }
    }

    @Test
    void slowHealthAnswersAfterTheDelayWhileDiscoveryStaysFast() throws Exception {
        try (SimulatedBackend vllm = SimulatedBackend.builder(BackendKind.VLLM).start()) {
            vllm.setFault(Fault.SLOW_HEALTH);
            // Wide apart, so a busy machine cannot blur the difference.
            vllm.setHealthDelay(Duration.ofMillis(1500));

            long started = System.nanoTime();
            ContentResponse health = http.get(vllm, "/health");
            Duration healthTook = Duration.ofNanos(System.nanoTime() - started);
            started = System.nanoTime();
            http.get(vllm, "/v1/models");
            Duration discoveryTook = Duration.ofNanos(System.nanoTime() - started);

            assertThat(health.getStatus()).isEqualTo(200);
            assertThat(healthTook).isGreaterThanOrEqualTo(Duration.ofMillis(1500));
            assertThat(discoveryTook).isLessThan(Duration.ofMillis(1500));
        }
    }

    @Test
    void slowHealthTripsAProbeTimeout() {
        try (SimulatedBackend ollama = SimulatedBackend.builder(BackendKind.OLLAMA).start()) {
            ollama.setFault(Fault.SLOW_HEALTH);

            assertThatThrownBy(() -> http.client().newRequest(ollama.baseUri()).timeout(200, TimeUnit.MILLISECONDS)
                    .send())
                    .isInstanceOf(TimeoutException.class);
        }
    }

    @Test
    void stopDuringASlowHealthAnswerFailsTheWaitingProbe() {
        SimulatedBackend ollama = SimulatedBackend.builder(BackendKind.OLLAMA).start();
        ollama.setFault(Fault.SLOW_HEALTH);
        CompletableFuture<Result> probe = new CompletableFuture<>();
        http.client().newRequest(ollama.baseUri()).timeout(TestHttp.TIMEOUT_SECONDS, TimeUnit.SECONDS)
                .send(probe::complete);
        await().atMost(TestHttp.TIMEOUT_SECONDS, TimeUnit.SECONDS).until(() -> ollama.requestCount("/") == 1);

        ollama.stop();

        assertThat(probe).succeedsWithin(Duration.ofSeconds(TestHttp.TIMEOUT_SECONDS))
                .satisfies(result -> assertThat(result.isFailed()).isTrue());
    }

    /** Walks a JSON stream without holding it, counting bytes and objects, and fails on invalid JSON. */
    private static final class CountingJson {
        long bytes;
        long objects;
        String firstField;

        static CountingJson read(InputStream raw) throws IOException {
            CountingJson result = new CountingJson();
            InputStream counting = new java.io.FilterInputStream(raw) {
                @Override
                public int read(byte[] buffer, int offset, int length) throws IOException {
                    int read = super.read(buffer, offset, length);
                    result.bytes += Math.max(read, 0);
                    return read;
                }
            };
            try (JsonParser parser = new JsonFactory().createParser(counting)) {
                JsonToken token;
                while ((token = parser.nextToken()) != null) {
                    if (token == JsonToken.START_OBJECT) {
                        result.objects++;
                    } else if (token == JsonToken.FIELD_NAME && result.firstField == null) {
                        result.firstField = parser.currentName();
                    }
                }
            }
            return result;
        }
    }
}
