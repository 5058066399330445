package dev.sluice.application.proxy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.application.MutableClock;
import dev.sluice.application.TestFleet;
import dev.sluice.application.catalog.ModelRegistry;
import dev.sluice.application.fleet.Fleet;
import dev.sluice.application.limits.EndpointConcurrency;
import dev.sluice.application.limits.EndpointRateLimits;
import dev.sluice.application.limits.WaitingRoom;
import dev.sluice.domain.limits.QueueRefusal;
import dev.sluice.application.port.in.Attempt;
import dev.sluice.application.port.in.RoutePlan;
import dev.sluice.domain.balancing.PreferenceBalancer;
import dev.sluice.domain.balancing.RequestNeeds;
import dev.sluice.domain.balancing.RoundRobinBalancer;
import dev.sluice.domain.fallback.FallbackPolicy;
import dev.sluice.domain.model.ModelState;
import dev.sluice.domain.pattern.Glob;
import dev.sluice.domain.routing.ModelPatterns;
import dev.sluice.domain.routing.ModelStrategy;
import dev.sluice.domain.routing.ProviderRouting;
import dev.sluice.domain.routing.Strategy;
import dev.sluice.domain.routing.StrategyChoice;
import dev.sluice.domain.endpoint.Endpoint;
import dev.sluice.domain.endpoint.EndpointStatus;
import dev.sluice.domain.endpoint.HealthPolicy;
import dev.sluice.domain.endpoint.RequestOutcome;
import dev.sluice.domain.guard.GuardPolicy;
import dev.sluice.domain.model.DiscoveredModel;
import dev.sluice.domain.model.EndpointModels;
import dev.sluice.domain.model.ModelUnifier;
import dev.sluice.domain.model.UnificationRules;
import dev.sluice.domain.profile.ProfileCatalog;
import dev.sluice.domain.routing.FallbackBehavior;
import dev.sluice.domain.routing.InferenceRequest;
import dev.sluice.domain.routing.ModelRouter;
import dev.sluice.domain.routing.Rejected;
import dev.sluice.domain.routing.RejectionKind;
import dev.sluice.domain.routing.RouteScope;
import dev.sluice.domain.routing.Routed;
import dev.sluice.domain.routing.RoutingPolicy;
import dev.sluice.domain.routing.RoutingStrategyType;
import dev.sluice.domain.routing.StickyKey;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class ProxyRouterTest {

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-23T10:00:00Z"));
    private final Endpoint a = TestFleet.endpoint("a");
    private final Endpoint b = TestFleet.endpoint("b");
    private final Endpoint c = TestFleet.endpoint("c");
    private Fleet fleet;
    private ModelRegistry registry;
    private TrafficStats traffic;
    private final AtomicInteger refreshes = new AtomicInteger();

    @BeforeEach
    void fleet() {
        fleet = new Fleet(List.of(a, b, c), clock.instant());
        for (Endpoint e : List.of(a, b, c)) {
            fleet.update(e, h -> TestFleet.health(EndpointStatus.HEALTHY, clock.instant()));
        }
        registry = new ModelRegistry(new ModelUnifier(UnificationRules.NONE), clock);
        registry.record(new EndpointModels(a, List.of(DiscoveredModel.named("llama3.2:3b")), clock.instant()));
        registry.record(new EndpointModels(b, List.of(DiscoveredModel.named("llama3.2:3b"),
                DiscoveredModel.named("qwen2.5:7b")), clock.instant()));
        registry.record(new EndpointModels(c, List.of(DiscoveredModel.named("phi4:14b")), clock.instant()));
        traffic = new TrafficStats(List.of(a, b, c));
    }

    private ProxyRouter router(RoutingPolicy policy, Map<String, List<String>> aliases, int maxAttempts, boolean sticky) {
        return new ProxyRouter(fleet, registry, new RouteTable(ProfileCatalog.of(List.of(TestFleet.OLLAMA))),
                new ModelRouter(policy), new ModelAliases(aliases), new RoundRobinBalancer(), traffic,
                new EndpointDemotion(fleet, HealthPolicy.standard(), clock), () -> {
                    refreshes.incrementAndGet();
                    return CompletableFuture.completedFuture(null);
                }, Duration.ofSeconds(1), maxAttempts,
                new StickySessions(sticky, 100, Duration.ofMinutes(10), System::nanoTime),
                new EndpointGuards(List.of(a, b, c), new GuardPolicy(true, 5, Duration.ofSeconds(30), 5,
                        Duration.ofSeconds(30), Duration.ofMinutes(5)), clock),
                EndpointRateLimits.none());
    }

    private RoutePlan plan(ProxyRouter router, String model) {
        RouteScope scope = router.scope("ollama").orElseThrow();
        return router.plan(new InferenceRequest(scope, "/api/chat", Optional.ofNullable(model), Optional.empty())).join();
    }

    @Test
    void routesToTheEndpointsThatServeTheModelIgnoringCase() {
        RoutePlan plan = plan(router(RoutingPolicy.strict(), Map.of(), 0, false), "LLAMA3.2:3B");
        assertThat(plan.decision()).isInstanceOfSatisfying(Routed.class,
                r -> assertThat(r.endpoints()).containsExactlyInAnyOrder(a, b));
    }

    @Test
    void aRequestWithoutAModelMayGoAnywhereOnTheRoute() {
        RoutePlan plan = plan(router(RoutingPolicy.strict(), Map.of(), 0, false), null);
        assertThat(((Routed) plan.decision()).endpoints()).containsExactlyInAnyOrder(a, b, c);
    }

    @Test
    void aModelOnlyOnAnUnhealthyEndpointIsUnavailable() {
        fleet.update(c, h -> TestFleet.health(EndpointStatus.OFFLINE, clock.instant()));
        RoutePlan plan = plan(router(RoutingPolicy.strict(), Map.of(), 0, false), "phi4:14b");
        assertThat(plan.decision()).isInstanceOfSatisfying(Rejected.class,
                r -> assertThat(r.kind()).isEqualTo(RejectionKind.MODEL_UNAVAILABLE));
        assertThat(plan.next()).isEmpty();
    }

    @Test
    void anAliasRoutesToEveryEndpointServingATargetAndNamesTheModelForEach() {
        RoutePlan plan = plan(router(RoutingPolicy.strict(), Map.of("Chat", List.of("qwen2.5:7b", "phi4:14b")), 0, false),
                "chat");
        assertThat(plan.decision().strategy()).isEqualTo("alias");
        Attempt first = plan.next().orElseThrow();
        Attempt second = plan.next().orElseThrow();
        assertThat(List.of(first.endpoint(), second.endpoint())).containsExactlyInAnyOrder(b, c);
        assertThat(first.endpoint().equals(b) ? first.modelOverride() : second.modelOverride()).contains("qwen2.5:7b");
        assertThat(first.endpoint().equals(c) ? first.modelOverride() : second.modelOverride()).contains("phi4:14b");
    }

    @Test
    void aNamespacedModelGoesOnlyToTheNamedEndpoint_whichIsSentTheBareName() {
        RoutePlan plan = plan(router(RoutingPolicy.strict(), Map.of(), 0, false), "b/llama3.2:3b");
        assertThat(plan.decision()).isInstanceOfSatisfying(Routed.class, r -> {
            assertThat(r.endpoints()).containsExactly(b);
            assertThat(r.reason()).isEqualTo("namespace \"b\": model_found");
        });
        Attempt only = plan.next().orElseThrow();
        assertThat(only.endpoint()).isEqualTo(b);
        assertThat(only.modelOverride()).contains("llama3.2:3b");
        plan.afterFailure(only, dev.sluice.domain.fallback.FailureClass.TRANSIENT);
        assertThat(plan.next()).as("failover stays inside the namespace").isEmpty();
    }

    @Test
    void aNamespacedModelTheNamedEndpointLacksIsNotFound_notSentElsewhere() {
        RoutePlan plan = plan(router(RoutingPolicy.strict(), Map.of(), 0, false), "c/llama3.2:3b");
        assertThat(plan.decision()).isInstanceOfSatisfying(Rejected.class,
                r -> assertThat(r.reason()).startsWith("namespace \"c\": "));
        assertThat(plan.next()).isEmpty();
    }

    @Test
    void aSlashedNameWithoutAnEndpointOfThatNameRoutesAsBefore() {
        registry.record(new EndpointModels(c, List.of(DiscoveredModel.named("meta-llama/llama-3-8b")), clock.instant()));
        RoutePlan plan = plan(router(RoutingPolicy.strict(), Map.of(), 0, false), "meta-llama/llama-3-8b");
        assertThat(plan.decision()).isInstanceOfSatisfying(Routed.class, r -> {
            assertThat(r.endpoints()).containsExactly(c);
            assertThat(r.reason()).isEqualTo("model_found");
        });
        assertThat(plan.next().orElseThrow().modelOverride()).isEmpty();
    }

    @Test
    void discoveryOnAMissRefreshesThenDecides() {
        RoutePlan plan = plan(router(new RoutingPolicy(RoutingStrategyType.DISCOVERY, FallbackBehavior.ALL, true),
                Map.of(), 0, false), "new-model:1b");
        assertThat(refreshes).hasValue(1);
        assertThat(plan.decision().reason()).isEqualTo("all_healthy_after_discovery");
    }

    @Nested
    class Attempts {

        @Test
        void eachCandidateIsTriedOnceAndAnUnreachableOneGoesOffline() {
            RoutePlan plan = plan(router(RoutingPolicy.strict(), Map.of(), 0, false), "llama3.2:3b");
            Attempt first = plan.next().orElseThrow();
            plan.unreachable(first, "connection refused");
            assertThat(fleet.health(first.endpoint()).status()).isEqualTo(EndpointStatus.OFFLINE);
            Attempt second = plan.next().orElseThrow();
            assertThat(second.endpoint()).isNotEqualTo(first.endpoint());
            assertThat(plan.next()).isEmpty();
        }

        @Test
        void maxAttemptsCapsFailover() {
            RoutePlan plan = plan(router(RoutingPolicy.strict(), Map.of(), 1, false), "llama3.2:3b");
            assertThat(plan.next()).isPresent();
            assertThat(plan.next()).isEmpty();
        }

        @Test
        void aLeaseCountsAsActiveUntilReleasedAndOnlyTheFirstReleaseCounts() {
            RoutePlan plan = plan(router(RoutingPolicy.strict(), Map.of(), 0, false), "phi4:14b");
            Attempt attempt = plan.next().orElseThrow();
            assertThat(traffic.of(c).active()).isEqualTo(1);
            RequestOutcome ok = RequestOutcome.answered(200, 10, Duration.ofMillis(5), Optional.of(Duration.ofMillis(2)),
                    Optional.empty());
            assertThat(attempt.release(ok)).isTrue();
            assertThat(attempt.release(ok)).isFalse();
            assertThat(traffic.of(c).active()).isZero();
            assertThat(traffic.of(c).requests()).isEqualTo(1);
            assertThat(traffic.of(c).bytes()).isEqualTo(10);
        }
    }

    @Nested
    class Sticky {

        private RoutePlan stickyPlan(ProxyRouter router, String key) {
            RouteScope scope = router.scope("ollama").orElseThrow();
            return router.plan(new InferenceRequest(scope, "/api/chat", Optional.of("llama3.2:3b"),
                    Optional.of(new StickyKey("prefix_hash", key)))).join();
        }

        @Test
        void theSameKeyReturnsToItsEndpointWhileRoundRobinWouldMoveOn() {
            ProxyRouter router = router(RoutingPolicy.strict(), Map.of(), 0, true);
            RoutePlan first = stickyPlan(router, "k1");
            Endpoint pinned = first.next().orElseThrow().endpoint();
            assertThat(first.sticky().orElseThrow().result()).isEqualTo("miss");
            for (int i = 0; i < 4; i++) {
                RoutePlan again = stickyPlan(router, "k1");
                assertThat(again.next().orElseThrow().endpoint()).isEqualTo(pinned);
                assertThat(again.sticky().orElseThrow().result()).isEqualTo("hit");
            }
        }

        @Test
        void aPinnedEndpointThatCannotTakeTheRequestIsReplaced() {
            ProxyRouter router = router(RoutingPolicy.strict(), Map.of(), 0, true);
            Endpoint pinned = stickyPlan(router, "k2").next().orElseThrow().endpoint();
            fleet.update(pinned, h -> TestFleet.health(EndpointStatus.OFFLINE, clock.instant()));
            RoutePlan moved = stickyPlan(router, "k2");
            assertThat(moved.next().orElseThrow().endpoint()).isNotEqualTo(pinned);
            assertThat(moved.sticky().orElseThrow().result()).isEqualTo("repin");
        }
    }

    @Nested
    class ConcurrencyLimits {

        private final java.util.concurrent.ScheduledExecutorService scheduler =
                java.util.concurrent.Executors.newSingleThreadScheduledExecutor();

        @org.junit.jupiter.api.AfterEach
        void stop() {
            scheduler.shutdownNow();
        }

        private ProxyRouter limited(int perEndpoint, int queueSize) {
            EndpointConcurrency concurrency = new EndpointConcurrency(List.of(a, b, c), e -> perEndpoint);
            WaitingRoom<Attempt> room = new WaitingRoom<>(queueSize, Duration.ofMinutes(1), scheduler,
                    attempt -> attempt.release(RequestOutcome.failed(RequestOutcome.FailureKind.CLIENT_GONE, 0, 0,
                            Duration.ZERO, Optional.empty())));
            concurrency.onRelease(room::drain);
            return new ProxyRouter(fleet, registry, new RouteTable(ProfileCatalog.of(List.of(TestFleet.OLLAMA))),
                    new ModelRouter(RoutingPolicy.strict()), new ModelAliases(Map.of()), new RoundRobinBalancer(),
                    traffic, new EndpointDemotion(fleet, HealthPolicy.standard(), clock),
                    () -> CompletableFuture.completedFuture(null), Duration.ofSeconds(1), 0,
                    new StickySessions(false, 100, Duration.ofMinutes(10), System::nanoTime),
                    new EndpointGuards(List.of(a, b, c), new GuardPolicy(true, 5, Duration.ofSeconds(30), 5,
                            Duration.ofSeconds(30), Duration.ofMinutes(5)), clock),
                    EndpointRateLimits.none(), concurrency, room);
        }

        private RequestOutcome ok() {
            return RequestOutcome.answered(200, 10, Duration.ofMillis(5), Optional.empty(), Optional.empty());
        }

        @Test
        void aFullEndpointIsSkippedForOneWithRoom() {
            ProxyRouter router = limited(1, 10);
            Attempt first = plan(router, "llama3.2:3b").first(0).join().orElseThrow();
            Attempt second = plan(router, "llama3.2:3b").first(0).join().orElseThrow();
            assertThat(List.of(first.endpoint(), second.endpoint())).containsExactlyInAnyOrder(a, b);
        }

        @Test
        void whenEveryCandidateIsFullTheRequestWaitsAndTakesTheFirstFreedPlace() {
            ProxyRouter router = limited(1, 10);
            Attempt first = plan(router, "llama3.2:3b").first(0).join().orElseThrow();
            plan(router, "llama3.2:3b").first(0).join().orElseThrow();
            CompletableFuture<Optional<Attempt>> third = plan(router, "llama3.2:3b").first(0);
            assertThat(third).isNotDone();
            assertThat(traffic.active(first.endpoint())).isEqualTo(1);

            first.release(ok());

            assertThat(third).isDone();
            assertThat(third.join().orElseThrow().endpoint()).isEqualTo(first.endpoint());
            assertThat(traffic.active(first.endpoint())).isEqualTo(1);
        }

        @Test
        void aFullQueueRefusesAtOnce() {
            ProxyRouter router = limited(1, 1);
            plan(router, "phi4:14b").first(0).join().orElseThrow();
            CompletableFuture<Optional<Attempt>> waiting = plan(router, "phi4:14b").first(0);
            CompletableFuture<Optional<Attempt>> refused = plan(router, "phi4:14b").first(0);
            assertThat(waiting).isNotDone();
            assertThat(refused.handle((v, e) -> e).join()).isInstanceOfSatisfying(QueueRefusal.class,
                    r -> assertThat(r.reason()).isEqualTo(QueueRefusal.Reason.FULL));
        }

        @Test
        void aWaiterWhoLeftHandsItsPlaceOnAndNothingLeaks() {
            ProxyRouter router = limited(1, 10);
            Attempt holder = plan(router, "phi4:14b").first(0).join().orElseThrow();
            CompletableFuture<Optional<Attempt>> gone = plan(router, "phi4:14b").first(0);
            CompletableFuture<Optional<Attempt>> next = plan(router, "phi4:14b").first(0);
            gone.cancel(false);
            holder.release(ok());
            assertThat(next.join().orElseThrow().endpoint()).isEqualTo(c);
            next.join().orElseThrow().release(ok());
            assertThat(traffic.active(c)).isZero();
        }

        // A place freed between "is anyone free?" and "is waiting worth it?" once turned into a 503 under load.
        @Test
        void underContentionEveryRequestGetsAPlaceOrWaitsForOne_neverARefusal() throws Exception {
            ProxyRouter router = limited(2, 1000);
            int threads = 8;
            java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(threads);
            java.util.concurrent.atomic.AtomicInteger refused = new java.util.concurrent.atomic.AtomicInteger();
            try {
                List<java.util.concurrent.Future<?>> runs = new java.util.ArrayList<>();
                for (int t = 0; t < threads; t++) {
                    runs.add(pool.submit(() -> {
                        for (int i = 0; i < 6000; i++) {
                            Optional<Attempt> attempt = plan(router, "llama3.2:3b").first(0)
                                    .orTimeout(10, java.util.concurrent.TimeUnit.SECONDS).join();
                            if (attempt.isEmpty()) {
                                refused.incrementAndGet();
                            } else {
                                attempt.get().release(ok());
                            }
                        }
                    }));
                }
                for (java.util.concurrent.Future<?> run : runs) {
                    run.get(60, java.util.concurrent.TimeUnit.SECONDS);
                }
            } finally {
                pool.shutdownNow();
            }
            assertThat(refused).hasValue(0);
            assertThat(traffic.active(a) + traffic.active(b) + traffic.active(c)).isZero();
        }

        @Test
        void aDownCandidateIsNotWaitedFor() {
            ProxyRouter router = limited(1, 10);
            fleet.update(c, h -> TestFleet.health(EndpointStatus.OFFLINE, clock.instant()));
            RoutePlan plan = plan(router, null);
            Attempt x = plan.first(0).join().orElseThrow();
            Attempt y = plan(router, null).first(0).join().orElseThrow();
            assertThat(List.of(x.endpoint(), y.endpoint())).containsExactlyInAnyOrder(a, b);
            CompletableFuture<Optional<Attempt>> z = plan(router, null).first(0);
            assertThat(z).isNotDone();
            x.release(ok());
            assertThat(z.join()).isPresent();
        }
    }

    @Nested
    class CapabilityBased {

        private ProxyRouter capabilityRouter() {
            Strategy capability = new Strategy("capability-based",
                    new PreferenceBalancer("capability-based", new RoundRobinBalancer()),
                    Optional.of(new ProviderRouting(ModelPatterns.DEFAULTS, true, false)));
            return new ProxyRouter(fleet, registry, new RouteTable(ProfileCatalog.of(List.of(TestFleet.OLLAMA))),
                    new ModelRouter(RoutingPolicy.strict()), new ModelAliases(Map.of()),
                    new StrategyChoice(Strategy.of(new RoundRobinBalancer()), Map.of(),
                            List.of(new ModelStrategy(new Glob("mistral*"), capability))),
                    traffic, new EndpointDemotion(fleet, HealthPolicy.standard(), clock),
                    () -> CompletableFuture.completedFuture(null), Duration.ofSeconds(1), 0,
                    new StickySessions(false, 100, Duration.ofMinutes(10), System::nanoTime),
                    new EndpointGuards(List.of(a, b, c), new GuardPolicy(true, 5, Duration.ofSeconds(30), 5,
                            Duration.ofSeconds(30), Duration.ofMinutes(5)), clock),
                    EndpointRateLimits.none(), EndpointConcurrency.unlimited(List.of(a, b, c)),
                    new WaitingRoom<>(0, Duration.ZERO, null, attempt -> { }), FallbackPolicy.NEXT_AVAILABLE,
                    () -> 0.5);
        }

        private DiscoveredModel withWindow(String name, long context) {
            return new DiscoveredModel(name, "", 0, "", "", "", "", "", "", "", context, ModelState.AVAILABLE,
                    Optional.empty());
        }

        private RoutePlan planWithPrompt(String model, long promptTokens) {
            ProxyRouter router = capabilityRouter();
            RouteScope scope = router.scope("ollama").orElseThrow();
            return router.plan(new InferenceRequest(scope, "/api/chat", Optional.of(model), Optional.empty(),
                    () -> new RequestNeeds(RequestNeeds.Operation.GENERATE, false, false, promptTokens))).join();
        }

        @BeforeEach
        void windows() {
            registry.record(new EndpointModels(a, List.of(DiscoveredModel.named("llama3.2:3b"),
                    withWindow("mistral:7b", 4096)), clock.instant()));
            registry.record(new EndpointModels(b, List.of(DiscoveredModel.named("llama3.2:3b"),
                    withWindow("mistral:7b", 32768)), clock.instant()));
        }

        @Test
        void aLongPromptGoesOnlyWhereTheModelsWindowHoldsIt() {
            RoutePlan plan = planWithPrompt("mistral:7b", 20_000);
            assertThat(plan.decision()).isInstanceOfSatisfying(Routed.class,
                    r -> assertThat(r.endpoints()).containsExactly(b));
            assertThat(plan.next().orElseThrow().endpoint()).isEqualTo(b);
            assertThat(plan.next()).isEmpty();
            // A short one may go to either.
            assertThat(((Routed) planWithPrompt("mistral:7b", 100).decision()).endpoints()).containsExactlyInAnyOrder(a, b);
        }

        @Test
        void aPromptNoWindowHoldsIsRefusedAndOtherModelsKeepTheGlobalStrategy() {
            assertThat(planWithPrompt("mistral:7b", 50_000).decision()).isInstanceOfSatisfying(Rejected.class, r -> {
                assertThat(r.kind()).isEqualTo(RejectionKind.UNFIT);
                assertThat(r.detail()).contains("50000").contains("32768");
            });
            // llama3.2 is not overridden: round-robin alone, which never reads the request's needs.
            assertThat(planWithPrompt("llama3.2:3b", 50_000).decision()).isInstanceOf(Routed.class);
        }
    }
}
