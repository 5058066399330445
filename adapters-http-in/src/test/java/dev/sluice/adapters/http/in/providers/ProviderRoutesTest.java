package dev.sluice.adapters.http.in.providers;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sluice.adapters.http.in.server.CorsSettings;
import dev.sluice.adapters.http.in.server.HttpServer;
import dev.sluice.adapters.http.in.server.HttpServerSettings;
import dev.sluice.adapters.http.in.status.ServerInfo;
import dev.sluice.application.port.in.ListModels;
import dev.sluice.application.port.in.ReportEndpointUsage;
import dev.sluice.application.port.in.ReportFleetStatus;
import dev.sluice.application.port.in.ReportHealthHistory;
import dev.sluice.application.port.in.ReportQueue;
import dev.sluice.application.port.in.ReportTraffic;
import dev.sluice.domain.endpoint.Endpoint;
import dev.sluice.domain.endpoint.EndpointHealth;
import dev.sluice.domain.endpoint.EndpointSnapshot;
import dev.sluice.domain.endpoint.EndpointStatus;
import dev.sluice.domain.endpoint.HealthChange;
import dev.sluice.domain.endpoint.TrafficSnapshot;
import dev.sluice.domain.guard.GuardState;
import dev.sluice.domain.model.DiscoveredModel;
import dev.sluice.domain.model.EndpointModels;
import dev.sluice.domain.model.ModelCatalog;
import dev.sluice.domain.pattern.Glob;
import dev.sluice.domain.pattern.ModelFilter;
import dev.sluice.domain.profile.AnthropicSupport;
import dev.sluice.domain.profile.MetricsExtraction;
import dev.sluice.domain.profile.PlatformCharacteristics;
import dev.sluice.domain.profile.Profile;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The provider and health routes over fixed figures: what each field is read from, and every refusal. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(30)
class ProviderRoutesTest {

    private static final Instant NOW = Instant.parse("2026-11-23T12:00:00Z");
    private final ObjectMapper json = new ObjectMapper();
    private final HttpClient http = HttpClient.newHttpClient();
    private final Endpoint openai = endpoint("openai", "openai-api", 10);
    private final Endpoint local = endpoint("local ollama", "ollama", 100);
    private HttpServer server;
    private volatile EndpointStatus localStatus;
    private volatile GuardState openaiGuard;
    private volatile ReportEndpointUsage usage;

    private static Endpoint endpoint(String name, String type, int priority) {
        Profile profile = new Profile(type, type, "", List.of(type), true, List.of("/v1/chat/completions"),
                "/v1/models", "/v1/models", AnthropicSupport.NONE, PlatformCharacteristics.DEFAULTS, Map.of(),
                List.of(), List.of("model"), type, MetricsExtraction.NONE);
        URI url = URI.create("http://" + name.replace(' ', '-') + ":8080");
        return new Endpoint(name + "-id", name, url, type, profile, priority, false, url.resolve("/health"),
                url.resolve("/v1/models"), Duration.ofSeconds(30), Duration.ofSeconds(5),
                new ModelFilter(List.of(), List.of(new Glob("*-embed*"))), Map.of());
    }

    private static EndpointHealth health(EndpointStatus status) {
        boolean up = status == EndpointStatus.HEALTHY;
        return new EndpointHealth(status, Optional.of(NOW.minusSeconds(3)), NOW.plusSeconds(27), Duration.ofMillis(42),
                up ? 0 : 2, 1, up ? Optional.empty() : Optional.of("connection refused"));
    }

    @BeforeEach
    void reset() {
        localStatus = EndpointStatus.HEALTHY;
        openaiGuard = GuardState.CLOSED;
        usage = ReportEndpointUsage.NONE;
    }

    @BeforeAll
    void start() throws Exception {
        ReportFleetStatus fleet = () -> List.of(new EndpointSnapshot(openai, health(EndpointStatus.HEALTHY)),
                new EndpointSnapshot(local, health(localStatus)));
        ListModels models = new ListModels() {
            @Override
            public ModelCatalog catalog() {
                return ModelCatalog.EMPTY;
            }

            @Override
            public Optional<EndpointModels> modelsOf(Endpoint endpoint) {
                return Optional.of(new EndpointModels(endpoint, List.of(DiscoveredModel.named("gpt-4o"),
                        DiscoveredModel.named("text-embed-3"), DiscoveredModel.named("a-model")), NOW));
            }
        };
        ReportTraffic traffic = new ReportTraffic() {
            @Override
            public TrafficSnapshot of(Endpoint endpoint) {
                return endpoint == openai ? new TrafficSnapshot(1, 10, 2, 4096, 300, 100, 900, 80) : TrafficSnapshot.NONE;
            }

            @Override
            public TrafficSnapshot total() {
                return new TrafficSnapshot(1, 10, 2, 4096, 300, 100, 900, 80);
            }
        };
        ReportHealthHistory history = new ReportHealthHistory() {
            @Override
            public List<HealthChange> of(Endpoint endpoint) {
                return List.of(new HealthChange(NOW.minusSeconds(60), EndpointStatus.UNKNOWN, EndpointStatus.HEALTHY,
                        Optional.empty()), new HealthChange(NOW.minusSeconds(30), EndpointStatus.HEALTHY,
                        EndpointStatus.OFFLINE, Optional.of("connection refused")));
            }

            @Override
            public long changes(Endpoint endpoint) {
                return 7;
            }
        };
        ReportQueue queue = () -> new ReportQueue.Stats(3, 1000, 5, 1, 0, 60_000);
        ProviderRoutes routes = new ProviderRoutes(fleet, models, traffic, endpoint -> endpoint == openai
                ? openaiGuard : GuardState.CLOSED, history, endpoint -> usage.of(endpoint), queue,
                new ServerInfo("1.0", "abc", NOW.minusSeconds(90), "olla", "auto", "fastest-response"),
                "retry_same", json, Clock.fixed(NOW, ZoneOffset.UTC));
        server = new HttpServer(new HttpServerSettings("127.0.0.1", 0, 8192, Duration.ofSeconds(30), false,
                Duration.ofSeconds(5), CorsSettings.DISABLED, Duration.ofSeconds(10), 64), List.of(routes),
                new org.eclipse.jetty.server.Handler.Wrapper());
        server.start();
    }

    @AfterAll
    void stop() throws Exception {
        server.close();
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private JsonNode ok(String path) throws Exception {
        HttpResponse<String> response = get(path);
        assertThat(response.statusCode()).as(path + ": " + response.body()).isEqualTo(200);
        return json.readTree(response.body());
    }

    @Test
    void theListShowsStrategiesAndEachProvidersFilteredSortedModels() throws Exception {
        JsonNode body = ok("/api/providers");
        assertThat(body.get("routing_strategy").asText()).isEqualTo("fastest-response");
        assertThat(body.get("fallback_strategy").asText()).isEqualTo("retry_same");
        assertThat(body.get("load_balancing_enabled").asBoolean()).isTrue();
        JsonNode openAi = body.at("/providers/openai");
        assertThat(openAi.get("models")).extracting(JsonNode::asText).containsExactly("a-model", "gpt-4o");
        assertThat(openAi.get("model_count").asInt()).isEqualTo(2);
        assertThat(openAi.get("success_rate").asDouble()).isEqualTo(80.0);
        assertThat(openAi.get("active_requests").asInt()).isEqualTo(1);
        assertThat(openAi.get("url").asText()).isEqualTo("http://openai:8080");
    }

    @Test
    void anOpenBreakerShowsWhyAndUntilWhen() throws Exception {
        openaiGuard = new GuardState(5, 0, 1, Optional.of(NOW.plusSeconds(20)), "circuit_open", false);
        JsonNode breaker = ok("/health/providers/openai").get("circuit_breaker");
        assertThat(breaker.get("state").asText()).isEqualTo("open");
        assertThat(breaker.get("reason").asText()).isEqualTo("circuit_open");
        assertThat(breaker.get("until").asText()).isEqualTo("2026-11-23T12:00:20Z");
        assertThat(breaker.get("consecutive_failures").asInt()).isEqualTo(5);

        openaiGuard = new GuardState(5, 0, 1, Optional.of(NOW.minusSeconds(1)), "circuit_open", true);
        assertThat(ok("/api/providers/openai").at("/circuit_breaker/state").asText()).isEqualTo("half_open");
        assertThat(ok("/health").at("/providers/openai/circuit_breaker").asText()).isEqualTo("half_open");
    }

    @Test
    void statsWithMetricsOffHaveUpstreamFiguresButNoPercentiles() throws Exception {
        JsonNode stats = ok("/api/providers/openai/stats");
        assertThat(stats.get("latency_ms").isEmpty()).isTrue();
        assertThat(stats.at("/upstream_ms/max").asLong()).isEqualTo(900);
        assertThat(stats.at("/requests/failed").asLong()).isEqualTo(2);
        assertThat(stats.at("/requests/success_rate").asDouble()).isEqualTo(80.0);
        assertThat(stats.at("/tokens/total").asLong()).isZero();
        assertThat(stats.get("models").isEmpty()).isTrue();
    }

    @Test
    void statsWithMetricsOnHavePercentilesTokensAndModelUsage() throws Exception {
        usage = endpoint -> new ReportEndpointUsage.Usage(10, 8, 2,
                new ReportEndpointUsage.Latency(10, 310.456, 250, 880, 990),
                new ReportEndpointUsage.Latency(10, 90, 70, 150, 200), 1200, 340,
                Map.of("gpt-4o", new ReportEndpointUsage.ModelUsage(4, 3, 1, 200.5, 400, 100)));
        JsonNode stats = ok("/api/providers/openai/stats");
        assertThat(stats.at("/latency_ms/avg").asDouble()).isEqualTo(310.46);
        assertThat(stats.at("/latency_ms/p95").asDouble()).isEqualTo(880.0);
        assertThat(stats.at("/latency_ms/first_byte_p99").asDouble()).isEqualTo(200.0);
        assertThat(stats.at("/tokens/input").asLong()).isEqualTo(1200);
        assertThat(stats.at("/tokens/total").asLong()).isEqualTo(1540);
        JsonNode model = stats.at("/models/gpt-4o");
        assertThat(model.get("success_rate").asDouble()).isEqualTo(75.0);
        assertThat(model.get("output_tokens").asLong()).isEqualTo(100);
        JsonNode history = stats.get("health_history");
        assertThat(history).hasSize(2);
        assertThat(history.get(1).get("to").asText()).isEqualTo("offline");
        assertThat(history.get(1).get("error").asText()).isEqualTo("connection refused");
        assertThat(stats.at("/health/status_changes").asLong()).isEqualTo(7);
    }

    @Test
    void aNameWithASpaceIsFoundEncoded_andAnyNameIgnoringCase() throws Exception {
        assertThat(ok("/api/providers/local%20ollama").get("name").asText()).isEqualTo("local ollama");
        assertThat(ok("/health/providers/OpenAI").get("name").asText()).isEqualTo("openai");
    }

    @ParameterizedTest
    @ValueSource(strings = {"/api/providers/openai/other", "/api/providers/openai/stats/more", "/health/nope",
            "/health/providers/openai/more", "/api/providers/ghost", "/health/providers/ghost"})
    void anUnknownPathOrProviderIs404Json(String path) throws Exception {
        HttpResponse<String> response = get(path);
        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(json.readTree(response.body()).at("/error/code").asText()).isEqualTo("not_found");
    }

    @Test
    void healthIsDegradedWhileAProviderIsDown_andHealthyWhenAllAreUp() throws Exception {
        assertThat(ok("/health").get("status").asText()).isEqualTo("healthy");
        localStatus = EndpointStatus.OFFLINE;
        JsonNode degraded = ok("/health");
        assertThat(degraded.get("status").asText()).isEqualTo("degraded");
        assertThat(degraded.get("uptime_seconds").asLong()).isEqualTo(90);
        JsonNode detailed = ok("/health/detailed");
        assertThat(detailed.at("/providers/local ollama/error").asText()).isEqualTo("connection refused");
        assertThat(detailed.at("/metrics/error_rate").asDouble()).isEqualTo(20.0);
        assertThat(detailed.at("/metrics/queue/waiting").asInt()).isEqualTo(3);
    }

    @Test
    void theVerdictIsUnhealthyWhenNoProviderCanServe() {
        assertThat(HealthView.Verdict.of(List.of())).isEqualTo(HealthView.Verdict.UNHEALTHY);
        assertThat(HealthView.Verdict.of(List.of(new EndpointSnapshot(local, health(EndpointStatus.OFFLINE)))))
                .isEqualTo(HealthView.Verdict.UNHEALTHY);
        assertThat(HealthView.Verdict.UNHEALTHY.status).isEqualTo(503);
    }
}
