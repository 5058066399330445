package dev.sluice.application.proxy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.application.MutableClock;
import dev.sluice.application.TestFleet;
import dev.sluice.application.catalog.ModelRegistry;
import dev.sluice.application.fleet.Fleet;
import dev.sluice.application.limits.EndpointConcurrency;
import dev.sluice.application.limits.EndpointRateLimits;
import dev.sluice.application.limits.WaitingRoom;
import dev.sluice.application.port.in.Attempt;
import dev.sluice.application.port.in.RoutePlan;
import dev.sluice.domain.balancing.Balancer;
import dev.sluice.domain.balancing.Candidate;
import dev.sluice.domain.endpoint.Endpoint;
import dev.sluice.domain.endpoint.EndpointStatus;
import dev.sluice.domain.endpoint.HealthPolicy;
import dev.sluice.domain.endpoint.RequestOutcome;
import dev.sluice.domain.fallback.FailureClass;
import dev.sluice.domain.fallback.FallbackPolicy;
import dev.sluice.domain.fallback.FallbackStep;
import dev.sluice.domain.fallback.FallbackStrategy;
import dev.sluice.domain.guard.GuardPolicy;
import dev.sluice.domain.model.DiscoveredModel;
import dev.sluice.domain.model.EndpointModels;
import dev.sluice.domain.model.ModelUnifier;
import dev.sluice.domain.model.UnificationRules;
import dev.sluice.domain.profile.ProfileCatalog;
import dev.sluice.domain.routing.InferenceRequest;
import dev.sluice.domain.routing.ModelRouter;
import dev.sluice.domain.routing.RoutingPolicy;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** How a plan walks on after a failed attempt under each fallback strategy. */
class FallbackPlanTest {

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-23T10:00:00Z"));
    private final Endpoint a = TestFleet.endpoint("a");
    private final Endpoint b = TestFleet.endpoint("b");
    private final Endpoint c = TestFleet.endpoint("c");
    private Fleet fleet;
    private ModelRegistry registry;
    private EndpointGuards guards;

    // Prefers a, then the endpoint whose name sorts last: unlike failover's priority-then-name order.
    private final Balancer aThenLast = new Balancer() {
        @Override
        public Optional<Endpoint> pick(List<Candidate> candidates) {
            return candidates.stream().map(Candidate::endpoint)
                    .max(Comparator.comparing((Endpoint e) -> e.name().equals("a")).thenComparing(Endpoint::name));
        }

        @Override
        public String name() {
            return "a-then-last";
        }
    };

    @BeforeEach
    void fleet() {
        fleet = new Fleet(List.of(a, b, c), clock.instant());
        registry = new ModelRegistry(new ModelUnifier(UnificationRules.NONE), clock);
        for (Endpoint e : List.of(a, b, c)) {
            fleet.update(e, h -> TestFleet.health(EndpointStatus.HEALTHY, clock.instant()));
            registry.record(new EndpointModels(e, List.of(DiscoveredModel.named("llama3.2:3b")), clock.instant()));
        }
        guards = new EndpointGuards(List.of(a, b, c), new GuardPolicy(true, 5, Duration.ofSeconds(30), 5,
                Duration.ofSeconds(30), Duration.ofMinutes(5)), clock);
    }

    private RoutePlan plan(FallbackStrategy strategy) {
        List<Endpoint> all = List.of(a, b, c);
        ProxyRouter router = new ProxyRouter(fleet, registry, new RouteTable(ProfileCatalog.of(List.of(TestFleet.OLLAMA))),
                new ModelRouter(RoutingPolicy.strict()), new ModelAliases(Map.of()), aThenLast, new TrafficStats(all),
                new EndpointDemotion(fleet, HealthPolicy.standard(), clock),
                () -> CompletableFuture.completedFuture(null), Duration.ofSeconds(1), 0,
                new StickySessions(false, 100, Duration.ofMinutes(10), System::nanoTime), guards,
                EndpointRateLimits.none(), EndpointConcurrency.unlimited(all),
                new WaitingRoom<>(0, Duration.ZERO, null, attempt -> { }),
                new FallbackPolicy(strategy, 2, Duration.ofMillis(100), Duration.ofSeconds(1)), () -> 0.0);
        return router.plan(new InferenceRequest(router.scope("ollama").orElseThrow(), "/api/chat",
                Optional.of("llama3.2:3b"), Optional.empty())).join();
    }

    private static void fail(Attempt attempt, int status) {
        attempt.release(RequestOutcome.answered(status, 0, Duration.ofMillis(1), Optional.empty(), Optional.empty()));
    }

    @Test
    void nextAvailableMovesToTheNextByNameNotByTheBalancer() {
        RoutePlan plan = plan(FallbackStrategy.NEXT_AVAILABLE);
        Attempt first = plan.next().orElseThrow();
        assertThat(first.endpoint()).isEqualTo(a);
        assertThat(plan.afterFailure(first, FailureClass.TRANSIENT)).isEqualTo(FallbackStep.MOVE_ON);
        fail(first, 500);
        assertThat(plan.next().orElseThrow().endpoint()).isEqualTo(b);
    }

    @Test
    void bestAlternativeLetsTheBalancerChooseAmongThoseLeft() {
        RoutePlan plan = plan(FallbackStrategy.BEST_ALTERNATIVE);
        Attempt first = plan.next().orElseThrow();
        plan.afterFailure(first, FailureClass.TRANSIENT);
        fail(first, 500);
        assertThat(plan.next().orElseThrow().endpoint()).isEqualTo(c);
    }

    @Test
    void retrySameAsksTheSameEndpointWithGrowingBackoffThenMovesOn() {
        RoutePlan plan = plan(FallbackStrategy.RETRY_SAME);
        Attempt attempt = plan.next().orElseThrow();
        for (Duration expected : List.of(Duration.ofMillis(50), Duration.ofMillis(100))) {
            FallbackStep step = plan.afterFailure(attempt, FailureClass.TRANSIENT);
            assertThat(step.action()).isEqualTo(FallbackStep.Action.RETRY_SAME);
            assertThat(step.delay()).isEqualTo(expected);
            fail(attempt, 503);
            attempt = plan.next().orElseThrow();
            assertThat(attempt.endpoint()).isEqualTo(a);
        }
        assertThat(plan.afterFailure(attempt, FailureClass.TRANSIENT)).isEqualTo(FallbackStep.MOVE_ON);
        fail(attempt, 503);
        assertThat(plan.next().orElseThrow().endpoint()).isEqualTo(b);
    }

    @Test
    void retrySameMovesOnWhenTheEndpointWasHeldBackMeanwhile() {
        RoutePlan plan = plan(FallbackStrategy.RETRY_SAME);
        Attempt first = plan.next().orElseThrow();
        plan.afterFailure(first, FailureClass.TRANSIENT);
        first.release(RequestOutcome.answered(429, 0, Duration.ofMillis(1), Optional.empty(),
                Optional.of(Duration.ofSeconds(5))));
        assertThat(plan.next().orElseThrow().endpoint()).isEqualTo(b);
    }

    @Test
    void permanentFailuresAndNoneGiveUp() {
        RoutePlan plan = plan(FallbackStrategy.NEXT_AVAILABLE);
        assertThat(plan.afterFailure(plan.next().orElseThrow(), FailureClass.PERMANENT)).isEqualTo(FallbackStep.GIVE_UP);
        RoutePlan none = plan(FallbackStrategy.NONE);
        assertThat(none.afterFailure(none.next().orElseThrow(), FailureClass.TRANSIENT)).isEqualTo(FallbackStep.GIVE_UP);
    }

    @Test
    void movingOnGivesUpWhenNoCandidateIsLeft() {
        fleet.update(b, h -> TestFleet.health(EndpointStatus.OFFLINE, clock.instant()));
        fleet.update(c, h -> TestFleet.health(EndpointStatus.OFFLINE, clock.instant()));
        RoutePlan plan = plan(FallbackStrategy.NEXT_AVAILABLE);
        assertThat(plan.afterFailure(plan.next().orElseThrow(), FailureClass.TRANSIENT)).isEqualTo(FallbackStep.GIVE_UP);
    }
}
