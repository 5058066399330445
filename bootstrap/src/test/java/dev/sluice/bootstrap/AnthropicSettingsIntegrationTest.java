package dev.sluice.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sluice.simulator.BackendKind;
import dev.sluice.simulator.SimulatedBackend;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every {@code translators.anthropic} key does what it says: {@code passthrough_enabled: false} translates even
 * for a native platform, the inspector writes redacted captures per session, {@code enabled: false} removes the
 * route; and the route is rate limited like every other, in Anthropic's envelope.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(60)
class AnthropicSettingsIntegrationTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String MODEL = "qwen2.5-coder-7b-q4_k_m.gguf";
    private static final String ASK = "{\"model\":\"" + MODEL + "\",\"max_tokens\":32,\"stream\":%s,"
            + "\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}";
    private final AtomicInteger clients = new AtomicInteger(1);

    private SimulatedBackend llamaCpp;
    private RunningProxy translating;
    private RunningProxy disabled;
    private Path inspectorDir;

    @BeforeAll
    void start(@TempDir Path dir) throws Exception {
        llamaCpp = SimulatedBackend.builder(BackendKind.LLAMACPP).name("llamacpp").models(MODEL).start();
        inspectorDir = dir.resolve("inspector");
        String endpoints = "discovery:\n  static:\n    endpoints:\n"
                + RunningProxy.endpoint("llamacpp", llamaCpp.baseUri(), "llamacpp");
        translating = RunningProxy.start(dir, String.join("\n",
                "server:", "  port: 0", "  request_logging: false", "  rate_limits:",
                "    per_ip_requests_per_minute: 60", "    global_requests_per_minute: 600000", "    burst_size: 3",
                "    health_requests_per_minute: 0", "    trust_proxy_headers: true",
                "translators:", "  anthropic:", "    passthrough_enabled: false", "    inspector:",
                "      enabled: true", "      output_dir: \"" + inspectorDir + "\"", "      session_header: X-Session-ID",
                endpoints));
        disabled = RunningProxy.start(dir, RunningProxy.config("translators:\n  anthropic:\n    enabled: false\n",
                RunningProxy.endpoint("llamacpp", llamaCpp.baseUri(), "llamacpp")));
    }

    @AfterAll
    void stop() {
        for (RunningProxy proxy : new RunningProxy[] {translating, disabled}) {
            if (proxy != null) {
                proxy.close();
            }
        }
        llamaCpp.close();
    }

    // Each call comes from its own address unless told otherwise, so the rate limit only bites where it is tested.
    private HttpResponse<String> send(RunningProxy proxy, String method, String path, String body, String client,
                                      String... headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(proxy.uri(path)).timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/json").header("X-Forwarded-For", client)
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return proxy.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private String newClient() {
        return "10.0.0." + clients.incrementAndGet();
    }

    @Test
    void passthroughDisabled_translatesEvenForANativePlatform_andCountsTheFallback() throws Exception {
        HttpResponse<String> answer = send(translating, "POST", "/olla/anthropic/v1/messages", ASK.formatted(false),
                newClient());
        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.headers().firstValue("X-Olla-Mode")).contains("translation");
        assertThat(JSON.readTree(answer.body()).at("/content/0/text").asText()).isEqualTo("The quick brown fox jumps");
        JsonNode stats = JSON.readTree(send(translating, "GET", "/internal/stats/translators", null, newClient()).body());
        assertThat(stats.at("/translators/0/fallback_translator_does_not_support_passthrough").asLong()).isPositive();
        assertThat(stats.at("/translators/0/passthrough_requests").asLong()).isZero();
    }

    @Test
    void inspector_writesRequestAndAnswerPerSession_withCredentialsRedacted() throws Exception {
        HttpResponse<String> answer = send(translating, "POST", "/olla/anthropic/v1/messages", ASK.formatted(true),
                newClient(), "X-Session-ID", "debug/session 1", "x-api-key", "sk-ant-secret");
        assertThat(answer.statusCode()).isEqualTo(200);
        Path session = inspectorDir.resolve("debug_session_1");
        String requestId = answer.headers().firstValue("X-Olla-Request-ID").orElseThrow();
        List<Path> files;
        try (Stream<Path> listed = Files.list(session)) {
            files = listed.filter(p -> p.getFileName().toString().contains(requestId)).sorted().toList();
        }
        assertThat(files).extracting(p -> p.getFileName().toString().replaceAll("^.*_", ""))
                .containsExactlyInAnyOrder("request.json", "response.json");
        Path requestFile = files.stream().filter(p -> p.toString().endsWith("request.json")).findFirst().orElseThrow();
        Path responseFile = files.stream().filter(p -> p.toString().endsWith("response.json")).findFirst().orElseThrow();
        JsonNode request = JSON.readTree(requestFile.toFile());
        assertThat(request.at("/body/model").asText()).isEqualTo(MODEL);
        assertThat(request.path("session_id").asText()).isEqualTo("debug_session_1");
        assertThat(Files.readString(requestFile)).doesNotContain("sk-ant-secret").contains("[REDACTED]");
        JsonNode response = JSON.readTree(responseFile.toFile());
        assertThat(response.path("mode").asText()).isEqualTo("translation");
        assertThat(response.path("status").asInt()).isEqualTo(200);
        assertThat(response.path("events").asText()).isEqualTo(answer.body());
    }

    @Test
    void rateLimits_applyToTheAnthropicRoute_inAnthropicsEnvelope() throws Exception {
        String client = newClient();
        HttpResponse<String> last = null;
        for (int i = 0; i < 10; i++) {
            last = send(translating, "GET", "/olla/anthropic/v1/models", null, client);
            if (last.statusCode() == 429) {
                break;
            }
        }
        assertThat(last.statusCode()).isEqualTo(429);
        assertThat(last.headers().firstValue("Retry-After")).isPresent();
        JsonNode body = JSON.readTree(last.body());
        assertThat(body.path("type").asText()).isEqualTo("error");
        assertThat(body.at("/error/type").asText()).isEqualTo("rate_limit_error");
    }

    @Test
    void disabledTranslator_hasNoAnthropicRoute() throws Exception {
        assertThat(send(disabled, "POST", "/olla/anthropic/v1/messages", ASK.formatted(false), newClient()).statusCode())
                .isEqualTo(404);
        assertThat(send(disabled, "GET", "/olla/anthropic/v1/models", null, newClient()).statusCode()).isEqualTo(404);
    }
}
