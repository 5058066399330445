package dev.sluice.adapters.http.in.status;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sluice.adapters.http.in.server.CorsSettings;
import dev.sluice.adapters.http.in.server.HttpServer;
import dev.sluice.adapters.http.in.server.HttpServerSettings;
import dev.sluice.application.port.in.ListModels;
import dev.sluice.application.port.in.ReportFleetStatus;
import dev.sluice.application.port.in.ReportStickySessions;
import dev.sluice.application.port.in.ReportTraffic;
import dev.sluice.domain.endpoint.Endpoint;
import dev.sluice.domain.endpoint.EndpointHealth;
import dev.sluice.domain.endpoint.EndpointSnapshot;
import dev.sluice.domain.endpoint.EndpointStatus;
import dev.sluice.domain.endpoint.TrafficSnapshot;
import dev.sluice.domain.guard.GuardState;
import dev.sluice.domain.model.DiscoveredModel;
import dev.sluice.domain.model.EndpointModels;
import dev.sluice.domain.model.ModelCatalog;
import dev.sluice.domain.model.ModelState;
import dev.sluice.domain.model.ModelUnifier;
import dev.sluice.domain.model.UnificationRules;
import dev.sluice.domain.pattern.ModelFilter;
import dev.sluice.domain.profile.AnthropicSupport;
import dev.sluice.domain.profile.MetricsExtraction;
import dev.sluice.domain.profile.PlatformCharacteristics;
import dev.sluice.domain.profile.Profile;
import java.io.ByteArrayInputStream;
import java.io.IOException;
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
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;

/** The status API on a real Jetty server over fixed fleet and catalogue snapshots. */
@Timeout(30)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StatusApiIntegrationTest {

    private static final Instant NOW = Instant.parse("2026-11-23T10:00:00Z");

    private final ObjectMapper json = new ObjectMapper();
    private final HttpClient http = HttpClient.newHttpClient();
    private HttpServer server;
    private volatile EndpointStatus gpuStatus = EndpointStatus.HEALTHY;

    private static Profile profile(String name) {
        return new Profile(name, name, "", List.of(name), true, List.of("/v1/models"), "/v1/models", "/health",
                AnthropicSupport.NONE, PlatformCharacteristics.DEFAULTS, Map.of(), List.of(), List.of("model"),
                name, MetricsExtraction.NONE);
    }

    private static Endpoint endpoint(String name, String url, String type) {
        return new Endpoint(name + "-id", name, URI.create(url), type, profile(type), 100, false,
                URI.create(url + "/health"), URI.create(url + "/v1/models"), Duration.ofSeconds(5),
                Duration.ofSeconds(1), ModelFilter.ALLOW_ALL, Map.of("Authorization", "Bearer secret"));
    }

    @BeforeEach
    void healthyGpu() {
        gpuStatus = EndpointStatus.HEALTHY;
    }

    @BeforeAll
    void start() throws Exception {
        Endpoint gpu = endpoint("gpu", "http://gpu:11434", "ollama");
        Endpoint cpu = endpoint("cpu", "http://cpu:8000", "vllm");
        DiscoveredModel llama = new DiscoveredModel("llama3.2:3b", "sha256:abc", 2_000_000_000L, "llama", "3.2B",
                "Q4_K_M", "gguf", "", "", "", 0, ModelState.AVAILABLE, Optional.empty());
        ModelCatalog catalog = new ModelUnifier(UnificationRules.NONE).unify(List.of(
                new EndpointModels(gpu, List.of(llama), NOW),
                new EndpointModels(cpu, List.of(DiscoveredModel.named("meta-llama/Llama-3.1-8B")), NOW)), NOW);
        ReportFleetStatus fleet = () -> List.of(
                new EndpointSnapshot(gpu, health(gpuStatus)), new EndpointSnapshot(cpu, health(EndpointStatus.OFFLINE)));
        ListModels models = new ListModels() {
            @Override
            public ModelCatalog catalog() {
                return catalog;
            }

            @Override
            public Optional<EndpointModels> modelsOf(Endpoint endpoint) {
                return Optional.empty();
            }
        };
        ReportTraffic traffic = new ReportTraffic() {
            @Override
            public TrafficSnapshot of(Endpoint endpoint) {
                return TrafficSnapshot.NONE;
            }

            @Override
            public TrafficSnapshot total() {
                return TrafficSnapshot.NONE;
            }
        };
        ReportStickySessions sticky = new ReportStickySessions() {
            @Override
            public boolean enabled() {
                return false;
            }

            @Override
            public Stats stats() {
                return new Stats(0, 0, 0, 0, 0, 0, 0);
            }
        };
        StatusRoutes routes = new StatusRoutes(fleet, models, traffic, endpoint -> GuardState.CLOSED, sticky,
                new ServerInfo("1.0", "abc", NOW.minusSeconds(60), "olla", "auto", "least-connections"), json,
                Clock.fixed(NOW, ZoneOffset.UTC), new dev.sluice.application.port.in.AdmitClient() {
                    @Override
                    public dev.sluice.domain.limits.RateDecision admit(String clientIp) {
                        throw new UnsupportedOperationException();
                    }

                    @Override
                    public dev.sluice.domain.limits.RateDecision admitHealthCheck(String clientIp) {
                        throw new UnsupportedOperationException();
                    }

                    @Override
                    public long refusals() {
                        return 7;
                    }

                    @Override
                    public int refusedClients() {
                        return 2;
                    }
                }, () -> 3);
        server = new HttpServer(new HttpServerSettings("127.0.0.1", 0, 8192, Duration.ofSeconds(30), false,
                Duration.ofSeconds(5), CorsSettings.DISABLED, Duration.ofSeconds(10), 64), List.of(routes),
                new org.eclipse.jetty.server.Handler.Wrapper());
        server.start();
    }

    private static EndpointHealth health(EndpointStatus status) {
        return new EndpointHealth(status, Optional.of(NOW), NOW.plusSeconds(5), Duration.ofMillis(12),
                status == EndpointStatus.HEALTHY ? 0 : 1, 1,
                status == EndpointStatus.HEALTHY ? Optional.empty() : Optional.of("connection refused"));
    }

    @AfterAll
    void stop() throws Exception {
        server.close();
    }

    private HttpResponse<byte[]> get(String path, String... headers) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path));
        if (headers.length > 0) {
            request.headers(headers);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private JsonNode body(HttpResponse<byte[]> response) throws IOException {
        return json.readTree(response.body());
    }

    @Test
    void healthIsAlwaysHealthyWhileTheProcessRuns() throws Exception {
        HttpResponse<byte[]> response = get("/internal/health");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(body(response).toString()).isEqualTo("{\"status\":\"healthy\"}");
    }

    @Test
    void endpointStatusHasOllasShapeAndNeverLeaksCredentials() throws Exception {
        HttpResponse<byte[]> response = get("/internal/status/endpoints");
        JsonNode b = body(response);
        assertThat(b.get("total_count").asInt()).isEqualTo(2);
        assertThat(b.get("healthy_count").asInt()).isEqualTo(1);
        assertThat(b.get("routable_count").asInt()).isEqualTo(1);
        JsonNode cpu = b.get("endpoints").get(1);
        assertThat(cpu.get("status").asText()).isEqualTo("offline");
        assertThat(cpu.get("last_error").asText()).isEqualTo("connection refused");
        assertThat(cpu.get("issues").asText()).isEqualTo("unavailable");
        assertThat(new String(response.body())).doesNotContain("secret");
    }

    @Test
    void fleetStatusSummarisesTheSystem() throws Exception {
        JsonNode b = body(get("/internal/status"));
        assertThat(b.at("/proxy/balancer").asText()).isEqualTo("least-connections");
        assertThat(b.at("/system/endpoints_up").asText()).isEqualTo("1/2");
        assertThat(b.at("/system/status").asText()).isEqualTo("degraded");
        assertThat(b.at("/system/uptime").asText()).isEqualTo("1m");
    }

    @Test
    void securitySectionReportsTheLimitersRefusals() throws Exception {
        JsonNode b = body(get("/internal/status"));
        assertThat(b.at("/security/status").asText()).isEqualTo("normal");
        assertThat(b.at("/security/blocked_ips").asInt()).isEqualTo(2);
        assertThat(b.at("/security/violations/rate_limits").asLong()).isEqualTo(7);
        assertThat(b.at("/security/violations/size_limits").asLong()).isEqualTo(3);
        assertThat(b.at("/system/security_violations").asLong()).isEqualTo(10);
    }

    @Test
    void anUnchangedFleetAnswers304_aChangedOneANewBody() throws Exception {
        HttpResponse<byte[]> first = get("/internal/status/endpoints");
        String etag = first.headers().firstValue("etag").orElseThrow();
        assertThat(etag).startsWith("W/\"");
        assertThat(get("/internal/status/endpoints", "If-None-Match", etag).statusCode()).isEqualTo(304);
        gpuStatus = EndpointStatus.UNHEALTHY;
        HttpResponse<byte[]> changed = get("/internal/status/endpoints", "If-None-Match", etag);
        assertThat(changed.statusCode()).isEqualTo(200);
        assertThat(changed.headers().firstValue("etag")).get().isNotEqualTo(etag);
    }

    @Test
    void statusIsGzippedForClientsThatAsk() throws Exception {
        HttpResponse<byte[]> response = get("/internal/status", "Accept-Encoding", "gzip");
        assertThat(response.headers().firstValue("content-encoding")).contains("gzip");
        JsonNode b = json.readTree(new GZIPInputStream(new ByteArrayInputStream(response.body())));
        assertThat(b.has("system")).isTrue();
    }

    @Test
    void modelsListOnlyWhatARoutableEndpointServesUnlessAskedForAll() throws Exception {
        assertThat(body(get("/olla/models")).get("data")).extracting(m -> m.get("id").asText())
                .containsExactly("llama3.2:3b");
        assertThat(body(get("/olla/models?include_unavailable=true")).get("data")).hasSize(2);
    }

    @Test
    void modelsRenderInEachDialect() throws Exception {
        JsonNode ollama = body(get("/olla/models?format=ollama"));
        assertThat(ollama.at("/models/0/name").asText()).isEqualTo("llama3.2:3b");
        assertThat(ollama.at("/models/0/details/quantization_level").asText()).isEqualTo("Q4_K_M");
        JsonNode openai = body(get("/olla/models?format=openai"));
        assertThat(openai.at("/data/0/object").asText()).isEqualTo("model");
        JsonNode lmstudio = body(get("/olla/models?format=lmstudio"));
        assertThat(lmstudio.at("/data/0/state").asText()).isEqualTo("not-loaded");
    }

    @Test
    void filtersNarrowTheCatalogue() throws Exception {
        assertThat(body(get("/olla/models?family=llama")).get("data")).hasSize(1);
        assertThat(body(get("/olla/models?family=qwen")).get("data")).isEmpty();
        assertThat(body(get("/olla/models?endpoint=gpu")).get("data")).hasSize(1);
        assertThat(body(get("/olla/models?type=embeddings")).get("data")).isEmpty();
        assertThat(get("/olla/models?available=maybe").statusCode()).isEqualTo(400);
    }

    @Test
    void aModelIdWithSlashesIsFoundWhole() throws Exception {
        HttpResponse<byte[]> response = get("/olla/models/meta-llama/Llama-3.1-8B");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(body(response).get("endpoints")).extracting(JsonNode::asText).containsExactly("cpu");
    }

    @Test
    void unknownPathsAndOversizedHeadersAnswerJson() throws Exception {
        HttpResponse<byte[]> missing = get("/nothing/here");
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(body(missing).at("/error/code").asText()).isEqualTo("not_found");
        HttpResponse<byte[]> huge = get("/internal/health", "X-Big", "x".repeat(20_000));
        assertThat(huge.statusCode()).isEqualTo(431);
        assertThat(huge.headers().firstValue("content-type")).get().asString().startsWith("application/json");
        assertThat(body(huge).at("/error/code").asText()).isEqualTo("request_headers_too_large");
    }
}
