package dev.sluice.application.fleet;

import static dev.sluice.application.TestFleet.endpoint;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.sluice.application.MutableClock;
import dev.sluice.application.RecordingScheduler;
import dev.sluice.domain.endpoint.Endpoint;
import dev.sluice.domain.endpoint.EndpointStatus;
import dev.sluice.domain.endpoint.HealthPolicy;
import dev.sluice.domain.endpoint.ProbeAnswered;
import dev.sluice.domain.endpoint.ProbeResult;
import dev.sluice.domain.endpoint.ProviderSettings;
import dev.sluice.application.proxy.EndpointDemotion;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 10, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class HealthMonitorTest {

    private static final Instant NOW = Instant.parse("2025-03-01T12:00:00Z");
    private static final ProbeResult OK = ProbeAnswered.of(200, Duration.ofMillis(5));
    private static final ProbeResult DOWN = ProbeAnswered.of(503, Duration.ofMillis(5));

    private final MutableClock clock = new MutableClock(NOW);
    private final RecordingScheduler scheduler = new RecordingScheduler();
    private final FakeHealthProbe probe = new FakeHealthProbe();
    private final List<Transition> transitions = new CopyOnWriteArrayList<>();
    private HealthMonitor monitor;

    private HealthMonitor monitor(Fleet fleet) {
        return monitor(fleet, transitions::add);
    }

    private HealthMonitor monitor(Fleet fleet, Consumer<Transition> listener) {
        monitor = new HealthMonitor(fleet, probe, HealthPolicy.standard(), scheduler, clock, listener);
        return monitor;
    }

    @AfterEach
    void stop() {
        if (monitor != null) {
            monitor.close();
        }
        scheduler.shutdownNow();
    }

    @Nested
    class Start {

        private final Endpoint gpu1 = endpoint("gpu1");
        private final Endpoint gpu2 = endpoint("gpu2");
        private final Fleet fleet = new Fleet(List.of(gpu1, gpu2), NOW);

        @Test
        void probesEveryEndpointAtOnce_andCompletesOnlyWhenAllHaveAnswered() {
            CompletableFuture<Void> started = monitor(fleet).start();

            assertThat(probe.calls(gpu1)).isEqualTo(1);
            assertThat(probe.calls(gpu2)).isEqualTo(1);
            assertThat(started).isNotDone();

            probe.complete(gpu2, OK);
            assertThat(started).isNotDone();

            probe.complete(gpu1, DOWN);
            assertThat(started).isCompleted();
            assertThat(fleet.health(gpu1).status()).isEqualTo(EndpointStatus.UNHEALTHY);
            assertThat(fleet.health(gpu2).status()).isEqualTo(EndpointStatus.HEALTHY);
        }

        @Test
        void aHangingProbeDelaysNoOtherEndpoint() {
            Endpoint hanging = endpoint("hanging");
            Endpoint flaky = endpoint("flaky", Duration.ofMillis(100));
            Fleet mixed = new Fleet(List.of(hanging, flaky), NOW);
            // flaky is healthy only from its second probe, so it must be re-probed while hanging never answers.
            probe.answer(flaky, DOWN, OK);

            CompletableFuture<Void> started = monitor(mixed).start();

            await().atMost(2, TimeUnit.SECONDS)
                    .until(() -> mixed.health(flaky).status() == EndpointStatus.HEALTHY);
            await().atMost(2, TimeUnit.SECONDS).until(() -> probe.calls(flaky) >= 4);
            assertThat(mixed.health(hanging).status()).isEqualTo(EndpointStatus.UNKNOWN);
            assertThat(probe.calls(hanging)).isEqualTo(1);
            assertThat(started).isNotDone();
        }

        @Test
        void aFailingProbeAdapterCountsAsUnreachable_andTheEndpointIsStillCheckedAfterItsInterval() {
            Endpoint buggy = endpoint("buggy", Duration.ofMillis(100));
            probe.failOnceThenAnswer(buggy, OK);
            Fleet fleet = new Fleet(List.of(buggy), NOW);

            CompletableFuture<Void> started = monitor(fleet).start();

            assertThat(started).isCompleted();
            assertThat(fleet.health(buggy).status()).isEqualTo(EndpointStatus.OFFLINE);
            assertThat(fleet.health(buggy).lastError()).hasValueSatisfying(e -> assertThat(e).contains("adapter bug"));
            // Backs off like any failure instead of being re-probed at once.
            assertThat(scheduler.delaysMillis()).containsExactly(100L);
            await().atMost(2, TimeUnit.SECONDS).until(() -> fleet.health(buggy).status() == EndpointStatus.HEALTHY);
        }
    }

    @Nested
    class Transitions {

        private final Endpoint gpu1 = endpoint("gpu1", Duration.ofMillis(100));
        private final Fleet fleet = new Fleet(List.of(gpu1), NOW);

        @Test
        void everyProbesTransitionReachesTheListener() {
            monitor(fleet).start();

            probe.complete(gpu1, OK);
            await().atMost(2, TimeUnit.SECONDS).until(() -> probe.heldCount(gpu1) == 1);
            probe.complete(gpu1, OK);
            await().atMost(2, TimeUnit.SECONDS).until(() -> probe.heldCount(gpu1) == 1);
            probe.complete(gpu1, DOWN);

            // Unchanged statuses are reported too: listeners decide what matters to them.
            assertThat(transitions).extracting(t -> t.before().status(), t -> t.after().status())
                    .containsExactly(
                            org.assertj.core.groups.Tuple.tuple(EndpointStatus.UNKNOWN, EndpointStatus.HEALTHY),
                            org.assertj.core.groups.Tuple.tuple(EndpointStatus.HEALTHY, EndpointStatus.HEALTHY),
                            org.assertj.core.groups.Tuple.tuple(EndpointStatus.HEALTHY, EndpointStatus.UNHEALTHY));
            assertThat(transitions).extracting(Transition::endpoint).containsOnly(gpu1);
            assertThat(fleet.health(gpu1)).isEqualTo(transitions.get(2).after());
        }

        @Test
        void checkNowProbesOutsideTheSchedule_andSchedulesNothing() {
            probe.answer(gpu1, OK);

            monitor(fleet).checkNow(gpu1).join();

            assertThat(fleet.health(gpu1).status()).isEqualTo(EndpointStatus.HEALTHY);
            assertThat(transitions).hasSize(1);
            assertThat(scheduler.delaysMillis()).isEmpty();
        }
    }

    @Nested
    class Scheduling {

        @Test
        void failingEndpointIsProbedAgainAtItsNextCheckAt_backingOff() {
            Endpoint down = endpoint("down", Duration.ofMillis(200));
            Fleet fleet = new Fleet(List.of(down), NOW);
            probe.answer(down, DOWN);

            monitor(fleet).start();

            // Probes at about 0, 200 and 600 ms; the third failure asks for 800 ms more.
            await().atMost(2, TimeUnit.SECONDS).until(() -> scheduler.delaysMillis().size() >= 3);
            assertThat(scheduler.delaysMillis()).startsWith(200L, 400L, 800L);
            assertThat(fleet.health(down).nextCheckAt()).isEqualTo(NOW.plusMillis(800));
            assertThat(fleet.health(down).consecutiveFailures()).isEqualTo(3);
            // And the fourth probe really waits: no call for a good while after the third.
            await().during(500, TimeUnit.MILLISECONDS).atMost(1, TimeUnit.SECONDS)
                    .until(() -> probe.calls(down) == 3);
        }

        @Test
        void rateLimitedEndpointIsNotProbedBeforeItsRetryAfter() {
            Endpoint limited = endpoint("limited", Duration.ofMillis(50));
            Fleet fleet = new Fleet(List.of(limited), NOW);
            probe.answer(limited, new ProbeAnswered(429, Duration.ofMillis(5), Optional.of(Duration.ofMillis(700))),
                    OK);

            monitor(fleet).start();

            assertThat(scheduler.delaysMillis()).containsExactly(700L);
            await().during(400, TimeUnit.MILLISECONDS).atMost(1, TimeUnit.SECONDS)
                    .until(() -> probe.calls(limited) == 1);
            await().atMost(2, TimeUnit.SECONDS).until(() -> fleet.health(limited).status() == EndpointStatus.HEALTHY);
        }

        @Test
        void healthyProbeAfterFailuresResetsTheWaitToTheInterval() {
            Endpoint recovering = endpoint("recovering", Duration.ofMillis(100));
            probe.answer(recovering, DOWN, DOWN, OK);

            monitor(new Fleet(List.of(recovering), NOW)).start();

            await().atMost(2, TimeUnit.SECONDS).until(() -> scheduler.delaysMillis().size() >= 3);
            assertThat(scheduler.delaysMillis()).startsWith(100L, 200L, 100L);
        }

        @Test
        void waitIsMeasuredOnTheInjectedClock_soAnOverdueEndpointIsProbedAtOnce() {
            Endpoint slow = endpoint("slow", Duration.ofMinutes(10));
            Fleet fleet = new Fleet(List.of(slow), NOW);
            probe.answer(slow, OK);
            // Time passes while the first result is being handled: by our clock the next probe is already due.
            monitor(fleet, t -> {
                if (transitions.isEmpty()) {
                    clock.advance(Duration.ofMinutes(11));
                }
                transitions.add(t);
            }).start();

            await().atMost(2, TimeUnit.SECONDS).until(() -> probe.calls(slow) >= 2);
            assertThat(scheduler.delaysMillis().get(0)).isZero();
        }

        @Test
        void closeStopsRescheduling() {
            Endpoint busy = endpoint("busy", Duration.ofMillis(50));
            probe.answer(busy, OK);
            monitor(new Fleet(List.of(busy), NOW)).start();
            await().atMost(2, TimeUnit.SECONDS).until(() -> probe.calls(busy) >= 3);

            monitor.close();
            int atClose = probe.calls(busy);

            // The probe already scheduled (or running) may still happen once; nothing is scheduled after it.
            // Without close, a 50 ms interval would bring several more probes in this window.
            await().during(400, TimeUnit.MILLISECONDS).atMost(1, TimeUnit.SECONDS)
                    .until(() -> probe.calls(busy) <= atClose + 1);
            assertThat(scheduler.getQueue()).isEmpty();
        }
    }

    @Nested
    class AssumeHealthy {

        private final Endpoint paid = assumedHealthy(endpoint("paid", Duration.ofMinutes(5)));
        private final Fleet fleet = new Fleet(List.of(paid), NOW);

        private Endpoint assumedHealthy(Endpoint e) {
            return new Endpoint(e.id(), e.name(), e.url(), e.type(), e.profile(), e.priority(), e.preservePath(),
                    e.healthCheckUrl(), e.modelUrl(), e.checkInterval(), e.checkTimeout(), e.modelFilter(),
                    e.outboundHeaders(), new ProviderSettings(Optional.empty(), java.util.Map.of(), true, "its key"));
        }

        @Test
        void isRoutableFromTheStart_withoutAProbeEverBeingSent() {
            monitor(fleet).start().join();

            assertThat(fleet.health(paid).status()).isEqualTo(EndpointStatus.HEALTHY);
            assertThat(probe.calls(paid)).isZero();
            assertThat(scheduler.delaysMillis()).containsExactly(Duration.ofMinutes(5).toMillis());
        }

        @Test
        void trafficTakesItDown_andItIsTrustedAgainOnlyAfterItsBackoff() {
            monitor(fleet).start().join();
            new EndpointDemotion(fleet, HealthPolicy.standard(), clock).unreachable(paid, "connection refused");
            assertThat(fleet.health(paid).status()).isEqualTo(EndpointStatus.OFFLINE);

            monitor.checkNow(paid).join();
            assertThat(fleet.health(paid).status()).isEqualTo(EndpointStatus.OFFLINE);

            clock.advance(Duration.ofMinutes(5).plusSeconds(1));
            monitor.checkNow(paid).join();
            assertThat(fleet.health(paid).status()).isEqualTo(EndpointStatus.HEALTHY);
            assertThat(probe.calls(paid)).isZero();
        }
    }
}
