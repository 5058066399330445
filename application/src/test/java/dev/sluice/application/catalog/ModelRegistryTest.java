package dev.sluice.application.catalog;

import static dev.sluice.application.TestFleet.endpoint;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.application.MutableClock;
import dev.sluice.domain.endpoint.Endpoint;
import dev.sluice.domain.model.DiscoveredModel;
import dev.sluice.domain.model.EndpointModels;
import dev.sluice.domain.model.ModelCatalog;
import dev.sluice.domain.model.ModelUnifier;
import dev.sluice.domain.model.UnificationRules;
import dev.sluice.domain.model.UnifiedModel;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class ModelRegistryTest {

    private static final Instant NOW = Instant.parse("2025-03-01T12:00:00Z");

    private final MutableClock clock = new MutableClock(NOW);
    private final ModelRegistry registry = new ModelRegistry(new ModelUnifier(UnificationRules.NONE), clock);
    private final Endpoint gpu1 = endpoint("gpu1");
    private final Endpoint gpu2 = endpoint("gpu2");

    private void record(Endpoint endpoint, String... modelNames) {
        List<DiscoveredModel> models = Stream.of(modelNames).map(DiscoveredModel::named).toList();
        registry.record(new EndpointModels(endpoint, models, clock.instant()));
    }

    private List<String> ids() {
        return registry.catalog().models().stream().map(UnifiedModel::id).sorted().toList();
    }

    @Test
    void startsWithAnEmptyCatalogue() {
        assertThat(registry.catalog()).isSameAs(ModelCatalog.EMPTY);
        assertThat(registry.modelsOf(gpu1)).isEmpty();
    }

    @Nested
    class Record {

        @Test
        void rebuildsTheCatalogueAtOnce_stampedWithTheClock() {
            clock.advance(Duration.ofSeconds(7));

            record(gpu1, "llama3.2:3b", "mistral:7b");

            assertThat(ids()).containsExactly("llama3.2:3b", "mistral:7b");
            assertThat(registry.catalog().builtAt()).isEqualTo(NOW.plusSeconds(7));
            assertThat(registry.modelsOf(gpu1)).get().extracting(m -> m.models().size()).isEqualTo(2);
        }

        @Test
        void mergesWhatSeveralEndpointsServe() {
            record(gpu1, "llama3.2:3b");
            record(gpu2, "llama3.2:3b", "qwen2.5:7b");

            assertThat(ids()).containsExactly("llama3.2:3b", "qwen2.5:7b");
            assertThat(registry.catalog().find("llama3.2:3b")).get()
                    .extracting(m -> m.sources().size()).isEqualTo(2);
        }

        @Test
        void replacesWhatTheEndpointServedBefore() {
            record(gpu1, "llama3.2:3b", "mistral:7b");
            record(gpu2, "qwen2.5:7b");

            record(gpu1, "phi3:mini");

            assertThat(ids()).containsExactly("phi3:mini", "qwen2.5:7b");
        }

        @Test
        void anEmptyListRemovesTheEndpointsModels_butRemembersItAnswered() {
            record(gpu1, "llama3.2:3b");

            record(gpu1);

            assertThat(registry.catalog().size()).isZero();
            assertThat(registry.modelsOf(gpu1).orElseThrow().models()).isEmpty();
        }
    }

    @Nested
    class Eviction {

        @Test
        void dropsOnlyEndpointsNotDiscoveredWithinTheThreshold() {
            record(gpu1, "llama3.2:3b");
            clock.advance(Duration.ofMinutes(10));
            record(gpu2, "qwen2.5:7b");

            int evicted = registry.evictOlderThan(Duration.ofMinutes(5));

            assertThat(evicted).isEqualTo(1);
            assertThat(registry.modelsOf(gpu1)).isEmpty();
            assertThat(registry.modelsOf(gpu2)).isPresent();
            assertThat(ids()).containsExactly("qwen2.5:7b");
        }

        @Test
        void keepsAnEndpointDiscoveredExactlyAtTheThreshold() {
            record(gpu1, "llama3.2:3b");
            clock.advance(Duration.ofMinutes(5));

            assertThat(registry.evictOlderThan(Duration.ofMinutes(5))).isZero();
            clock.advance(Duration.ofMillis(1));
            assertThat(registry.evictOlderThan(Duration.ofMinutes(5))).isEqualTo(1);
            assertThat(registry.catalog().size()).isZero();
        }

        @Test
        void evictingNothingLeavesTheCatalogueAsItWas() {
            record(gpu1, "llama3.2:3b");
            ModelCatalog before = registry.catalog();
            clock.advance(Duration.ofMinutes(1));

            assertThat(registry.evictOlderThan(Duration.ofMinutes(5))).isZero();
            assertThat(registry.catalog()).isSameAs(before);
        }

        @Test
        void rebuildsTheCatalogueStampedWithTheEvictionTime() {
            record(gpu1, "llama3.2:3b");
            clock.advance(Duration.ofMinutes(10));

            registry.evictOlderThan(Duration.ofMinutes(5));

            assertThat(registry.catalog().builtAt()).isEqualTo(NOW.plus(Duration.ofMinutes(10)));
        }
    }
}
