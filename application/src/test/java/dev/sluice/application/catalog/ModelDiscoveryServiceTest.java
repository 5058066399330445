package dev.sluice.application.catalog;

import static dev.sluice.application.TestFleet.endpoint;
import static dev.sluice.application.TestFleet.health;
import static dev.sluice.application.catalog.FakeModelDiscovery.failure;
import static dev.sluice.application.catalog.FakeModelDiscovery.models;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.sluice.application.MutableClock;
import dev.sluice.application.RecordingScheduler;
import dev.sluice.application.fleet.Fleet;
import dev.sluice.application.fleet.Transition;
import dev.sluice.domain.endpoint.Endpoint;
import dev.sluice.domain.endpoint.EndpointStatus;
import dev.sluice.domain.model.ModelUnifier;
import dev.sluice.domain.model.UnificationRules;
import dev.sluice.domain.model.UnifiedModel;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@Timeout(value = 10, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class ModelDiscoveryServiceTest {

    private static final Instant NOW = Instant.parse("2025-03-01T12:00:00Z");

    private final MutableClock clock = new MutableClock(NOW);
    private final RecordingScheduler scheduler = new RecordingScheduler();
    private final FakeModelDiscovery discovery = new FakeModelDiscovery();
    private final ModelRegistry registry = new ModelRegistry(new ModelUnifier(UnificationRules.NONE), clock);
    private final List<Endpoint> endpoints = IntStream.rangeClosed(1, 5).mapToObj(i -> endpoint("gpu" + i)).toList();
    private final Fleet fleet = new Fleet(endpoints, NOW);

    private static DiscoverySettings settings(boolean enabled, int workers, int retryAttempts) {
        return new DiscoverySettings(enabled, Duration.ofMinutes(5), workers, retryAttempts, Duration.ofMillis(20),
                Duration.ofMinutes(10), Duration.ofMinutes(1));
    }

    private ModelDiscoveryService service(DiscoverySettings settings) {
        return new ModelDiscoveryService(fleet, discovery, registry, scheduler, clock, settings);
    }

    private ModelDiscoveryService service() {
        return service(settings(true, 4, 0));
    }

    private void mark(Endpoint endpoint, EndpointStatus status) {
        fleet.update(endpoint, before -> health(status, NOW));
    }

    private List<String> catalogueIds() {
        return registry.catalog().models().stream().map(UnifiedModel::id).sorted().toList();
    }

    @AfterEach
    void stopScheduler() {
        scheduler.shutdownNow();
    }

    @Nested
    class RefreshAll {

        @Test
        void discoversOnlyRoutableEndpoints() {
            mark(endpoints.get(0), EndpointStatus.HEALTHY);
            mark(endpoints.get(1), EndpointStatus.OFFLINE);
            mark(endpoints.get(2), EndpointStatus.BUSY);
            endpoints.forEach(e -> discovery.script(e, models("model-of-" + e.name())));

            service().refreshAll().orTimeout(2, TimeUnit.SECONDS).join();

            assertThat(endpoints).extracting(discovery::calls).containsExactly(1, 0, 1, 0, 0);
            assertThat(catalogueIds()).containsExactly("model-of-gpu1", "model-of-gpu3");
            assertThat(registry.modelsOf(endpoints.get(1))).isEmpty();
        }

        @Test
        void completesAtOnceWhenNothingIsRoutable() {
            CompletableFuture<Void> done = service().refreshAll();

            assertThat(done).isCompleted();
            assertThat(discovery.totalCalls()).isZero();
        }

        @Test
        void runsAtMostConcurrentWorkersAtOnce_startingTheNextAsEachFinishes() {
            endpoints.forEach(e -> mark(e, EndpointStatus.HEALTHY));

            CompletableFuture<Void> done = service(settings(true, 2, 0)).refreshAll();

            assertThat(discovery.inFlight()).isEqualTo(2);
            assertThat(discovery.totalCalls()).isEqualTo(2);
            for (int finished = 1; finished <= 5; finished++) {
                assertThat(done).isNotDone();
                Endpoint answered = discovery.completeOldest("model-of-" + finished);
                assertThat(registry.modelsOf(answered)).isPresent();
                assertThat(discovery.totalCalls()).isEqualTo(Math.min(5, finished + 2));
            }
            assertThat(done).isCompleted();
            assertThat(discovery.maxInFlight()).isEqualTo(2);
            assertThat(endpoints).extracting(discovery::calls).containsOnly(1);
            assertThat(catalogueIds()).hasSize(5);
        }

        @Test
        void startsEveryEndpointAtOnceWhenThereAreMoreWorkersThanEndpoints() {
            endpoints.subList(0, 3).forEach(e -> mark(e, EndpointStatus.HEALTHY));

            service(settings(true, 8, 0)).refreshAll();

            assertThat(discovery.inFlight()).isEqualTo(3);
        }

        @Test
        void oneFailingEndpointDoesNotFailTheRefresh() {
            mark(endpoints.get(0), EndpointStatus.HEALTHY);
            mark(endpoints.get(1), EndpointStatus.HEALTHY);
            discovery.script(endpoints.get(0), failure());
            discovery.script(endpoints.get(1), models("llama3.2:3b"));

            service(settings(true, 1, 0)).refreshAll().orTimeout(2, TimeUnit.SECONDS).join();

            assertThat(catalogueIds()).containsExactly("llama3.2:3b");
            assertThat(registry.modelsOf(endpoints.get(0))).isPresent();
        }
    }

    @Nested
    class Retries {

        private final Endpoint gpu1 = endpoints.get(0);

        @Test
        void retriesWithDoublingBackoff_thenRecordsNoModels() {
            mark(gpu1, EndpointStatus.HEALTHY);
            registry.record(new dev.sluice.domain.model.EndpointModels(gpu1,
                    List.of(dev.sluice.domain.model.DiscoveredModel.named("old-model")), NOW));
            discovery.script(gpu1, failure());

            service(settings(true, 1, 2)).refresh(gpu1).orTimeout(2, TimeUnit.SECONDS).join();

            assertThat(discovery.calls(gpu1)).isEqualTo(3);
            assertThat(scheduler.delaysMillis()).containsExactly(20L, 40L);
            assertThat(registry.modelsOf(gpu1)).get().satisfies(m -> assertThat(m.models()).isEmpty());
            assertThat(registry.catalog().size()).isZero();
        }

        @Test
        void aLaterSuccessfulRefreshListsTheModelsAgain() {
            mark(gpu1, EndpointStatus.HEALTHY);
            discovery.script(gpu1, failure(), failure(), models("llama3.2:3b"));
            ModelDiscoveryService service = service(settings(true, 1, 1));

            service.refresh(gpu1).orTimeout(2, TimeUnit.SECONDS).join();
            assertThat(catalogueIds()).isEmpty();

            service.refresh(gpu1).orTimeout(2, TimeUnit.SECONDS).join();
            assertThat(catalogueIds()).containsExactly("llama3.2:3b");
            assertThat(discovery.calls(gpu1)).isEqualTo(3);
        }

        @Test
        void aRetryThatSucceedsRecordsItsModels() {
            mark(gpu1, EndpointStatus.HEALTHY);
            discovery.script(gpu1, failure(), models("qwen2.5:7b"));

            service(settings(true, 1, 3)).refresh(gpu1).orTimeout(2, TimeUnit.SECONDS).join();

            assertThat(discovery.calls(gpu1)).isEqualTo(2);
            assertThat(scheduler.delaysMillis()).containsExactly(20L);
            assertThat(catalogueIds()).containsExactly("qwen2.5:7b");
        }

        @Test
        void doesNotRetryAnEndpointThatIsNoLongerRoutable() {
            mark(gpu1, EndpointStatus.OFFLINE);
            discovery.script(gpu1, failure());

            service(settings(true, 1, 3)).refresh(gpu1).orTimeout(2, TimeUnit.SECONDS).join();

            assertThat(discovery.calls(gpu1)).isEqualTo(1);
            assertThat(scheduler.delaysMillis()).isEmpty();
        }

        @Test
        void withNoRetryAttemptsTriesOnce() {
            mark(gpu1, EndpointStatus.HEALTHY);
            discovery.script(gpu1, failure());

            service(settings(true, 1, 0)).refresh(gpu1).orTimeout(2, TimeUnit.SECONDS).join();

            assertThat(discovery.calls(gpu1)).isEqualTo(1);
        }
    }

    @Nested
    class OnTransition {

        private final Endpoint gpu1 = endpoints.get(0);

        @ParameterizedTest(name = "{0} -> {1}: discovers {2}")
        @CsvSource({
                "OFFLINE,   HEALTHY, true",
                "UNHEALTHY, HEALTHY, true",
                "UNKNOWN,   HEALTHY, false",
                "HEALTHY,   HEALTHY, false",
                "HEALTHY,   OFFLINE, false",
                "OFFLINE,   BUSY,    false",
        })
        void discoversOnlyOnRecovery(EndpointStatus before, EndpointStatus after, boolean discovers) {
            mark(gpu1, after);
            discovery.script(gpu1, models("llama3.2:3b"));

            service().onTransition(new Transition(gpu1, health(before, NOW), health(after, NOW)));

            assertThat(discovery.calls(gpu1)).isEqualTo(discovers ? 1 : 0);
            assertThat(catalogueIds()).hasSize(discovers ? 1 : 0);
        }
    }

    @Nested
    class Disabled {

        @Test
        void discoversNothing() {
            endpoints.forEach(e -> mark(e, EndpointStatus.HEALTHY));
            ModelDiscoveryService disabled = service(settings(false, 4, 0));

            CompletableFuture<Void> done = disabled.refreshAll();
            disabled.onTransition(new Transition(endpoints.get(0), health(EndpointStatus.OFFLINE, NOW),
                    health(EndpointStatus.HEALTHY, NOW)));

            assertThat(done).isCompleted();
            assertThat(discovery.totalCalls()).isZero();
        }

        @Test
        void startSchedulesOnlyTheStaleCleanup() {
            service(settings(false, 4, 0)).start();

            assertThat(scheduler.getQueue()).hasSize(1);
        }
    }

    @Nested
    class Schedule {

        @Test
        void startRediscoversEveryIntervalAndEvictsStaleModels() {
            Endpoint gpu1 = endpoints.get(0);
            Endpoint gone = endpoints.get(1);
            mark(gpu1, EndpointStatus.HEALTHY);
            discovery.script(gpu1, models("llama3.2:3b"));
            registry.record(new dev.sluice.domain.model.EndpointModels(gone,
                    List.of(dev.sluice.domain.model.DiscoveredModel.named("stale-model")), NOW));
            clock.advance(Duration.ofMinutes(30));
            DiscoverySettings quick = new DiscoverySettings(true, Duration.ofMillis(50), 2, 0, Duration.ofMillis(20),
                    Duration.ofMinutes(10), Duration.ofMillis(50));

            service(quick).start();

            await().atMost(2, TimeUnit.SECONDS).until(() -> discovery.calls(gpu1) >= 2);
            await().atMost(2, TimeUnit.SECONDS).until(() -> registry.modelsOf(gone).isEmpty());
            assertThat(catalogueIds()).containsExactly("llama3.2:3b");
        }
    }
}
