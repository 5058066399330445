package dev.sluice.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/**
 * Token figures read from the tail of real Ollama, OpenAI and llama.cpp streams, while the client receives
 * every byte unchanged and each chunk as it was sent; then the same figures in the request log, the stats
 * route and a Prometheus scrape that promtool accepts.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@Timeout(60)
class ObservabilityIntegrationTest {

    private static final long PACE_MS = 150;
    static final List<String> OLLAMA_STREAM = List.of(
            "{\"model\":\"llama3.2:3b\",\"created_at\":\"2026-01-01T00:00:00Z\",\"message\":{\"role\":\"assistant\",\"content\":\"The\"},\"done\":false}\n",
            "{\"model\":\"llama3.2:3b\",\"created_at\":\"2026-01-01T00:00:00Z\",\"message\":{\"role\":\"assistant\",\"content\":\" quick\"},\"done\":false}\n",
            "{\"model\":\"llama3.2:3b\",\"created_at\":\"2026-01-01T00:00:00Z\",\"message\":{\"role\":\"assistant\",\"content\":\" fox\"},\"done\":false}\n",
            "{\"model\":\"llama3.2:3b\",\"created_at\":\"2026-01-01T00:00:01Z\",\"message\":{\"role\":\"assistant\",\"content\":\"\"},\"done\":true,\"done_reason\":\"stop\",\"total_duration\":900000000,\"load_duration\":1000000,\"prompt_eval_count\":26,\"prompt_eval_duration\":40000000,\"eval_count\":42,\"eval_duration\":600000000}\n");
    static final List<String> OPENAI_STREAM = List.of(
            "data: {\"id\":\"chatcmpl-1\",\"object\":\"chat.completion.chunk\",\"created\":1,\"model\":\"gpt-4o-mini\",\"choices\":[{\"index\":0,\"delta\":{\"role\":\"assistant\",\"content\":\"Hi\"},\"finish_reason\":null}]}\n\n",
            "data: {\"id\":\"chatcmpl-1\",\"object\":\"chat.completion.chunk\",\"created\":1,\"model\":\"gpt-4o-mini\",\"choices\":[{\"index\":0,\"delta\":{\"content\":\" there\"},\"finish_reason\":\"stop\"}]}\n\n",
            "data: {\"id\":\"chatcmpl-1\",\"object\":\"chat.completion.chunk\",\"created\":1,\"model\":\"gpt-4o-mini\",\"choices\":[],\"usage\":{\"prompt_tokens\":11,\"completion_tokens\":7,\"total_tokens\":18}}\n\n",
            "data: [DONE]\n\n");
    static final List<String> LLAMACPP_STREAM = List.of(
            "data: {\"choices\":[{\"finish_reason\":null,\"index\":0,\"delta\":{\"role\":\"assistant\",\"content\":\"Hel\"}}],\"created\":1,\"id\":\"chatcmpl-x\",\"model\":\"qwen2.5-0.5b\",\"object\":\"chat.completion.chunk\"}\n\n",
            "data: {\"choices\":[{\"finish_reason\":null,\"index\":0,\"delta\":{\"content\":\"lo\"}}],\"created\":1,\"id\":\"chatcmpl-x\",\"model\":\"qwen2.5-0.5b\",\"object\":\"chat.completion.chunk\"}\n\n",
            "data: {\"choices\":[{\"finish_reason\":\"stop\",\"index\":0,\"delta\":{}}],\"created\":1,\"id\":\"chatcmpl-x\",\"model\":\"qwen2.5-0.5b\",\"object\":\"chat.completion.chunk\",\"timings\":{\"prompt_n\":9,\"prompt_ms\":12.5,\"prompt_per_second\":720.0,\"predicted_n\":30,\"predicted_ms\":600.0,\"predicted_per_second\":50.0}}\n\n",
            "data: [DONE]\n\n");

    private WireBackend ollama;
    private WireBackend openai;
    private WireBackend llamacpp;
    private RunningProxy proxy;
    private final ListAppender<ILoggingEvent> requestLog = new ListAppender<>();

    @BeforeAll
    void start(@TempDir Path dir) throws Exception {
        ollama = new WireBackend("/api/chat", "application/x-ndjson", OLLAMA_STREAM, PACE_MS, Map.of(
                "/", "{}", "/api/tags", "{\"models\":[{\"name\":\"llama3.2:3b\",\"model\":\"llama3.2:3b\",\"size\":1,"
                        + "\"digest\":\"sha256:0123456789abcdef\",\"details\":{\"family\":\"llama\"}}]}"));
        openai = new WireBackend("/v1/chat/completions", "text/event-stream", OPENAI_STREAM, PACE_MS, Map.of(
                "/v1/models", "{\"object\":\"list\",\"data\":[{\"id\":\"gpt-4o-mini\",\"object\":\"model\"}]}"));
        llamacpp = new WireBackend("/v1/chat/completions", "text/event-stream", LLAMACPP_STREAM, PACE_MS, Map.of(
                "/health", "{\"status\":\"ok\"}",
                "/v1/models", "{\"object\":\"list\",\"data\":[{\"id\":\"qwen2.5-0.5b\",\"object\":\"model\"}]}"));
        Logger logger = (Logger) LoggerFactory.getLogger("dev.sluice.request");
        requestLog.start();
        logger.addAppender(requestLog);
        proxy = RunningProxy.start(dir, RunningProxy.config("", RunningProxy.endpoint("ollama", ollama.baseUri(), "ollama"),
                RunningProxy.endpoint("openai", openai.baseUri(), "openai-compatible"),
                RunningProxy.endpoint("llamacpp", llamacpp.baseUri(), "llamacpp"))
                .replace("request_logging: false", "request_logging: true"));
        await().atMost(Duration.ofSeconds(10)).until(() -> proxy.json(proxy.get("/olla/models")).get("data").size() == 3);
    }

    @AfterAll
    void stop() throws Exception {
        ((Logger) LoggerFactory.getLogger("dev.sluice.request")).detachAppender(requestLog);
        if (proxy != null) {
            proxy.close();
        }
        ollama.close();
        openai.close();
        llamacpp.close();
    }

    /** The body as received, and how long after the first byte the last one came. */
    private record Received(int status, String body, long firstToLastMillis) {
    }

    private Received stream(String path, String body, String traceparent) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(proxy.uri(path)).timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body));
        if (traceparent != null) {
            request.header("traceparent", traceparent);
        }
        HttpResponse<InputStream> response = proxy.http.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        long first = 0;
        try (InputStream in = response.body()) {
            byte[] buffer = new byte[8192];
            for (int n; (n = in.read(buffer)) >= 0; ) {
                if (first == 0 && n > 0) {
                    first = System.nanoTime();
                }
                out.write(buffer, 0, n);
            }
        }
        return new Received(response.statusCode(), out.toString(StandardCharsets.UTF_8),
                TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - first));
    }

    private static void assertRelayedAsSent(Received received, List<String> sent) {
        assertThat(received.status()).isEqualTo(200);
        assertThat(received.body()).isEqualTo(String.join("", sent));
        // The chunks left the backend PACE_MS apart: had the proxy held the stream back (to read tokens, say),
        // everything would have arrived at once at the end. Half the spread leaves room for a slow machine.
        assertThat(received.firstToLastMillis()).isGreaterThanOrEqualTo(PACE_MS * (sent.size() - 1) / 2);
    }

    private JsonNode modelStats(String name) throws Exception {
        for (JsonNode m : proxy.json(proxy.get("/internal/stats/models")).get("models")) {
            if (m.get("name").asText().equals(name)) {
                return m;
            }
        }
        throw new AssertionError("no stats for " + name);
    }

    private ILoggingEvent logLineFor(String path) {
        return requestLog.list.stream().filter(e -> e.getKeyValuePairs() != null && e.getKeyValuePairs().stream()
                .anyMatch(kv -> kv.key.equals("path") && kv.value.equals(path))).reduce((a, b) -> b)
                .orElseThrow(() -> new AssertionError("no request line for " + path));
    }

    private static Object value(ILoggingEvent event, String key) {
        return event.getKeyValuePairs().stream().filter(kv -> kv.key.equals(key)).map(kv -> kv.value).findFirst()
                .orElse(null);
    }

    @Test
    @Order(1)
    void ollamaStream_relayedByteForByte_tokensFromItsLastLine() throws Exception {
        String trace = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";
        Received received = stream("/olla/ollama/api/chat",
                "{\"model\":\"llama3.2:3b\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}", trace);
        assertRelayedAsSent(received, OLLAMA_STREAM);
        assertThat(ollama.lastHeaders).containsEntry("traceparent", trace);
        await().atMost(Duration.ofSeconds(5)).until(() -> modelStats("llama3.2:3b").get("output_tokens").asLong() == 42);
        JsonNode stats = modelStats("llama3.2:3b");
        assertThat(stats.get("input_tokens").asLong()).isEqualTo(26);
        assertThat(stats.get("avg_tokens_per_second").asDouble()).isEqualTo(70.0);
        ILoggingEvent line = logLineFor("/olla/ollama/api/chat");
        assertThat(line.getFormattedMessage()).isEqualTo("request completed");
        assertThat(value(line, "model")).isEqualTo("llama3.2:3b");
        assertThat(value(line, "endpoint")).isEqualTo("ollama");
        assertThat(value(line, "status")).isEqualTo(200);
        assertThat(value(line, "input_tokens")).isEqualTo(26L);
        assertThat(value(line, "output_tokens")).isEqualTo(42L);
        assertThat(value(line, "tokens_per_second")).isEqualTo(70.0);
        assertThat(value(line, "backend_ttft_ms")).isEqualTo(40.0);
        assertThat(value(line, "traceparent")).isEqualTo(trace);
        assertThat(value(line, "routing_decision")).isEqualTo("routed");
        assertThat((Long) value(line, "bytes")).isEqualTo(String.join("", OLLAMA_STREAM).length());
    }

    @Test
    @Order(2)
    void openAiStream_relayedByteForByte_tokensFromItsUsageChunk() throws Exception {
        Received received = stream("/olla/openai/v1/chat/completions",
                "{\"model\":\"gpt-4o-mini\",\"stream\":true,\"stream_options\":{\"include_usage\":true},"
                        + "\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}", null);
        assertRelayedAsSent(received, OPENAI_STREAM);
        await().atMost(Duration.ofSeconds(5)).until(() -> modelStats("gpt-4o-mini").get("output_tokens").asLong() == 7);
        assertThat(modelStats("gpt-4o-mini").get("input_tokens").asLong()).isEqualTo(11);
    }

    @Test
    @Order(3)
    void llamaCppStream_relayedByteForByte_tokensFromItsTimings() throws Exception {
        Received received = stream("/olla/llamacpp/v1/chat/completions",
                "{\"model\":\"qwen2.5-0.5b\",\"stream\":true,\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}", null);
        assertRelayedAsSent(received, LLAMACPP_STREAM);
        await().atMost(Duration.ofSeconds(5)).until(() -> modelStats("qwen2.5-0.5b").get("output_tokens").asLong() == 30);
        JsonNode stats = modelStats("qwen2.5-0.5b");
        assertThat(stats.get("input_tokens").asLong()).isEqualTo(9);
        assertThat(stats.get("avg_tokens_per_second").asDouble()).isEqualTo(50.0);
        assertThat(stats.get("p95_latency").asText()).endsWith("ms");
    }

    @Test
    @Order(4)
    void aModelNobodyServes_isCountedUnderOther_neverAsItsOwnSeries() throws Exception {
        HttpResponse<String> refused = proxy.post("/olla/proxy/v1/chat/completions",
                "{\"model\":\"made-up-model-1234\",\"messages\":[]}");
        assertThat(refused.statusCode()).isEqualTo(404);
        String metrics = proxy.get("/internal/metrics").body();
        assertThat(metrics).doesNotContain("made-up-model-1234");
        assertThat(metrics).contains("olla_model_routing_misses_total{model=\"other\"} 1.0");
        assertThat(logLineFor("/olla/proxy/v1/chat/completions").getFormattedMessage()).isEqualTo("request rejected");
    }

    @Test
    @Order(5)
    void theScrapeCarriesOllasNamesLabelsAndCounts() throws Exception {
        HttpResponse<String> scrape = proxy.get("/internal/metrics");
        assertThat(scrape.statusCode()).isEqualTo(200);
        assertThat(scrape.headers().firstValue("content-type").orElse("")).startsWith("text/plain; version=0.0.4");
        String body = scrape.body();
        assertThat(body).contains(
                "olla_endpoint_requests_total{endpoint=\"ollama\"} 1.0",
                "olla_endpoint_up{endpoint=\"llamacpp\",status=\"healthy\"} 1.0",
                "olla_model_requests_total{model=\"llama3.2:3b\"} 1.0",
                "olla_model_successful_requests_total{model=\"gpt-4o-mini\"} 1.0",
                "olla_model_endpoint_requests_total{endpoint=\"llamacpp\",model=\"qwen2.5-0.5b\"} 1.0",
                "olla_model_routing_hits_total{model=\"llama3.2:3b\"} 1.0",
                "sluice_model_output_tokens_total{model=\"llama3.2:3b\"} 42.0",
                "sluice_model_input_tokens_total{model=\"gpt-4o-mini\"} 11.0",
                "olla_requests_total 3.0",
                "olla_endpoints 3.0",
                "olla_security_size_limit_violations_total 0.0",
                "sluice_model_request_duration_seconds{model=\"qwen2.5-0.5b\",quantile=\"0.95\"}",
                "sluice_model_ttfb_seconds_count{model=\"llama3.2:3b\"} 1",
                "jvm_memory_heap_used ",
                "olla_info{balancer=\"least-connections\"");
        for (String name : List.of("olla_system_status", "olla_endpoints_healthy", "olla_success_rate_percent",
                "olla_avg_latency_seconds", "olla_total_traffic_bytes", "olla_uptime_seconds", "olla_active_connections",
                "olla_failures_total", "olla_security_status", "olla_security_blocked_ips",
                "olla_security_violations_total", "olla_security_rate_limit_violations_total",
                "olla_endpoint_priority", "olla_endpoint_connections", "olla_endpoint_success_rate_percent",
                "olla_endpoint_avg_latency_seconds", "olla_endpoint_traffic_bytes", "olla_endpoint_models",
                "olla_models", "olla_models_active", "olla_models_requests_total", "olla_models_success_rate_percent",
                "olla_models_traffic_bytes", "olla_model_failed_requests_total", "olla_model_success_rate_percent",
                "olla_model_avg_latency_seconds", "olla_model_traffic_bytes", "olla_model_unique_clients",
                "olla_model_routing_fallbacks_total", "olla_model_endpoint_success_rate_percent",
                "olla_model_endpoint_avg_latency_seconds", "olla_model_endpoint_consecutive_errors")) {
            assertThat(body).as(name).contains("# TYPE " + name + " ");
        }
    }

    @Test
    @Order(6)
    void namesOlla_writesEveryOneOfOllasSpellings() throws Exception {
        String body = proxy.get("/internal/metrics?names=olla").body();
        for (String name : List.of("olla_info", "olla_system_status", "olla_endpoints_total", "olla_endpoints_healthy",
                "olla_success_rate_percent", "olla_avg_latency_ms", "olla_total_traffic_bytes", "olla_uptime_seconds",
                "olla_active_connections", "olla_requests_total", "olla_failures_total", "olla_security_status",
                "olla_security_blocked_ips", "olla_security_violations_total", "olla_security_rate_limit_violations_total",
                "olla_security_size_limit_violations_total", "olla_endpoint_up", "olla_endpoint_priority",
                "olla_endpoint_connections", "olla_endpoint_requests_total", "olla_endpoint_success_rate_percent",
                "olla_endpoint_avg_latency_ms", "olla_endpoint_traffic_bytes", "olla_endpoint_models_count",
                "olla_models_total", "olla_models_active", "olla_models_requests_total", "olla_models_success_rate_percent",
                "olla_models_traffic_bytes", "olla_model_requests_total", "olla_model_successful_requests_total",
                "olla_model_failed_requests_total", "olla_model_success_rate_percent", "olla_model_avg_latency_ms",
                "olla_model_traffic_bytes", "olla_model_unique_clients", "olla_model_routing_hits_total",
                "olla_model_routing_misses_total", "olla_model_routing_fallbacks_total",
                "olla_model_endpoint_requests_total", "olla_model_endpoint_success_rate_percent",
                "olla_model_endpoint_avg_latency_ms", "olla_model_endpoint_consecutive_errors")) {
            assertThat(body).as(name).containsPattern("(?m)^" + name + "[{ ]");
        }
    }

    @Test
    @Order(7)
    void promtoolAcceptsTheScrape(@TempDir Path dir) throws Exception {
        Path promtool = Path.of("/usr/bin/promtool");
        Assumptions.assumeTrue(Files.isExecutable(promtool),
                "promtool is not installed (Debian package 'prometheus'; .ci/run installs it): skipping the lint");
        Path scrape = dir.resolve("metrics.txt");
        Files.writeString(scrape, proxy.get("/internal/metrics").body());
        Process check = new ProcessBuilder(promtool.toString(), "check", "metrics").redirectInput(scrape.toFile())
                .redirectErrorStream(true).start();
        String output = new String(check.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(check.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(check.exitValue()).as(output).isZero();
    }

    @Test
    @Order(8)
    void processAndTimelineRoutesAnswer() throws Exception {
        JsonNode process = proxy.json(proxy.get("/internal/process"));
        assertThat(process.at("/memory/heap_used").asLong()).isPositive();
        assertThat(process.at("/threads/count").asInt()).isPositive();
        JsonNode timeline = proxy.json(proxy.get("/internal/stats/timeline"));
        long requests = 0;
        for (JsonNode p : timeline.get("points")) {
            requests += p.get("requests").asLong();
        }
        assertThat(requests).isGreaterThanOrEqualTo(4);
    }
}
