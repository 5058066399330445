package dev.sluice.adapters.http.in.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.application.port.in.ListModels;
import dev.sluice.domain.endpoint.Endpoint;
import dev.sluice.domain.endpoint.RequestOutcome.FailureKind;
import dev.sluice.domain.metrics.CompletedRequest;
import dev.sluice.domain.metrics.TokenUsage;
import dev.sluice.domain.model.DiscoveredModel;
import dev.sluice.domain.model.EndpointModels;
import dev.sluice.domain.model.ModelCatalog;
import dev.sluice.domain.model.ModelUnifier;
import dev.sluice.domain.model.UnificationRules;
import dev.sluice.domain.pattern.ModelFilter;
import dev.sluice.domain.profile.AnthropicSupport;
import dev.sluice.domain.profile.MetricsExtraction;
import dev.sluice.domain.profile.PlatformCharacteristics;
import dev.sluice.domain.profile.Profile;
import dev.sluice.domain.routing.Routed;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class RequestRegistryTest {

    private static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");
    private static final Profile OLLAMA = new Profile("ollama", "Ollama", "", List.of("ollama"), true, List.of("/api/chat"),
            "/api/tags", "/", AnthropicSupport.NONE, PlatformCharacteristics.DEFAULTS, Map.of(), List.of(),
            List.of("model"), "ollama", MetricsExtraction.NONE);
    private static final Endpoint GPU = new Endpoint("gpu-id", "gpu", URI.create("http://gpu:11434"), "ollama", OLLAMA,
            100, false, URI.create("http://gpu:11434/"), URI.create("http://gpu:11434/api/tags"), Duration.ofSeconds(5),
            Duration.ofSeconds(1), ModelFilter.ALLOW_ALL, Map.of());

    private final ModelCatalog catalog = new ModelUnifier(UnificationRules.NONE).unify(List.of(new EndpointModels(GPU,
            List.of(DiscoveredModel.named("llama3.2:3b")), NOW)), NOW);
    private final RequestRegistry registry = new RequestRegistry(List.of(GPU), () -> new ListModels() {
        @Override
        public ModelCatalog catalog() {
            return catalog;
        }

        @Override
        public Optional<EndpointModels> modelsOf(Endpoint endpoint) {
            return Optional.empty();
        }
    }, Clock.fixed(NOW, ZoneOffset.UTC));

    RequestRegistry registry() {
        return registry;
    }

    static CompletedRequest answered(String model, long outputTokens) {
        return new CompletedRequest("r", "10.0.0." + (outputTokens % 7), "POST", "/olla/ollama/api/chat", "ollama",
                Optional.of(model), Optional.of(GPU),
                Optional.of(new Routed(List.of(GPU), "strict", "model_found", false)), 200, 100,
                Optional.of(Duration.ofMillis(20)), Duration.ofMillis(200),
                new TokenUsage(OptionalLong.of(3), OptionalLong.of(outputTokens), OptionalDouble.of(50.0),
                        OptionalDouble.empty()), FailureKind.NONE, 1, Optional.empty());
    }

    @Test
    void anEndpointsUsageAddsUpItsRequestsTokensPercentilesAndModels() {
        registry.record(answered("llama3.2:3b", 10));
        registry.record(answered("made-up", 20));
        var usage = registry.of(GPU);
        assertThat(usage.requests()).isEqualTo(2);
        assertThat(usage.successes()).isEqualTo(2);
        assertThat(usage.inputTokens()).isEqualTo(6);
        assertThat(usage.outputTokens()).isEqualTo(30);
        assertThat(usage.latency().count()).isEqualTo(2);
        assertThat(usage.latency().p95Millis()).isEqualTo(200.0);
        assertThat(usage.firstByte().p50Millis()).isEqualTo(20.0);
        assertThat(usage.models()).containsOnlyKeys("llama3.2:3b", RequestRegistry.OTHER_MODEL);
        assertThat(usage.models().get("llama3.2:3b").outputTokens()).isEqualTo(10);
    }

    @Test
    void aNamespacedNameCountsUnderItsModel_anUnknownNamespaceUnderOther() {
        registry.record(answered("gpu/llama3.2:3b", 10));
        registry.record(answered("nobody/llama3.2:3b", 10));
        assertThat(registry.models()).containsOnlyKeys("llama3.2:3b", RequestRegistry.OTHER_MODEL);
        assertThat(registry.models().get("llama3.2:3b").requests.getCount()).isEqualTo(1);
    }

    @Test
    void anEndpointWithoutRequestsReadsEmpty() {
        var usage = registry.of(GPU);
        assertThat(usage.requests()).isZero();
        assertThat(usage.latency().count()).isZero();
        assertThat(usage.models()).isEmpty();
    }

    @Test
    void aModelTheCatalogueKnows_getsItsOwnSeries() {
        registry.record(answered("llama3.2:3b", 10));
        registry.record(answered("llama3.2:3b", 20));
        Figures llama = registry.models().get("llama3.2:3b");
        assertThat(llama.requests.getCount()).isEqualTo(2);
        assertThat(llama.outputTokens.getCount()).isEqualTo(30);
        assertThat(llama.routingHits.getCount()).isEqualTo(2);
        assertThat(llama.uniqueClients()).isEqualTo(2);
        assertThat(registry.modelEndpoints().get("llama3.2:3b")).containsOnlyKeys("gpu");
        assertThat(registry.endpoint(GPU).orElseThrow().requests.getCount()).isEqualTo(2);
        assertThat(registry.timeline().get(registry.timeline().size() - 1).requests()).isEqualTo(2);
    }

    @Test
    void namesAClientInvents_allFallUnderOther() {
        IntStream.range(0, 1000).forEach(i -> registry.record(answered("invented-" + i, 1)));
        assertThat(registry.models()).containsOnlyKeys("other");
        assertThat(registry.models().get("other").requests.getCount()).isEqualTo(1000);
        assertThat(registry.registry().getNames()).noneMatch(name -> name.contains("invented"));
    }

    @Test
    void consecutiveErrorsResetOnASuccess() {
        CompletedRequest failed = new CompletedRequest("r", "c", "POST", "/p", "ollama", Optional.of("llama3.2:3b"),
                Optional.of(GPU), Optional.empty(), 502, 0, Optional.empty(), Duration.ofMillis(5), TokenUsage.NONE,
                FailureKind.UNREACHABLE, 1, Optional.empty());
        registry.record(failed);
        registry.record(failed);
        Figures onGpu = registry.modelEndpoints().get("llama3.2:3b").get("gpu");
        assertThat(onGpu.consecutiveErrors.get()).isEqualTo(2);
        registry.record(answered("llama3.2:3b", 1));
        assertThat(onGpu.consecutiveErrors.get()).isZero();
        assertThat(registry.timeline().get(registry.timeline().size() - 1).errors()).isEqualTo(2);
    }
}
