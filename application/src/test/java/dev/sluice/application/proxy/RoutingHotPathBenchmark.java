package dev.sluice.application.proxy;

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
import dev.sluice.domain.balancing.FastestResponseBalancer;
import dev.sluice.domain.balancing.LeastConnectionsBalancer;
import dev.sluice.domain.balancing.PriorityBalancer;
import dev.sluice.domain.balancing.PreferenceBalancer;
import dev.sluice.domain.balancing.RequestNeeds;
import dev.sluice.domain.balancing.RoundRobinBalancer;
import dev.sluice.domain.routing.ModelPatterns;
import dev.sluice.domain.routing.ProviderRouting;
import dev.sluice.domain.routing.Strategy;
import dev.sluice.domain.routing.StrategyChoice;
import dev.sluice.domain.endpoint.Endpoint;
import dev.sluice.domain.endpoint.EndpointStatus;
import dev.sluice.domain.endpoint.HealthPolicy;
import dev.sluice.domain.endpoint.RequestOutcome;
import dev.sluice.domain.fallback.FailureClass;
import dev.sluice.domain.fallback.FallbackPolicy;
import dev.sluice.domain.fallback.FallbackStrategy;
import dev.sluice.domain.guard.GuardPolicy;
import dev.sluice.domain.limits.RateLimitHeaders;
import dev.sluice.domain.model.DiscoveredModel;
import dev.sluice.domain.model.EndpointModels;
import dev.sluice.domain.model.ModelUnifier;
import dev.sluice.domain.model.UnificationRules;
import dev.sluice.domain.profile.ProfileCatalog;
import dev.sluice.domain.routing.InferenceRequest;
import dev.sluice.domain.routing.ModelRouter;
import dev.sluice.domain.routing.RoutingPolicy;
import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.LongSupplier;

/**
 * What routing costs one request on the hot path, in ns/op, single-threaded: plan + first attempt + release, with and
 * without per-endpoint concurrency limits and the queue (not full: the cost every request pays), per strategy, plus
 * the fallback decision and reading an answer's rate-limit headers. Run its {@code main} on the application module's
 * test classpath: {@code mvn -o -q -pl application -am test-compile}, then {@code java -cp
 * application/target/test-classes:application/target/classes:domain/target/classes:<dependency:build-classpath>}.
 */
public final class RoutingHotPathBenchmark {

    private static final MutableClock CLOCK = new MutableClock(Instant.parse("2026-11-23T10:00:00Z"));
    private static final RequestOutcome OK = RequestOutcome.answered(200, 100, Duration.ofMillis(5),
            Optional.of(Duration.ofMillis(1)), Optional.empty());
    private static volatile Object sink;
    /** A chat with tools and a 1000-token prompt, as the inbound adapter would have read it. */
    private static final RequestNeeds NEEDS = new RequestNeeds(RequestNeeds.Operation.GENERATE, true, false, 1000);

    private RoutingHotPathBenchmark() {
    }

    public static void main(String[] args) {
        PrintStream out = System.out;
        List<Endpoint> endpoints = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            endpoints.add(TestFleet.endpoint("gpu-" + i));
        }
        ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
        try {
            List<Strategy> strategies = new ArrayList<>();
            for (Balancer balancer : List.of(new PriorityBalancer(java.util.random.RandomGenerator.getDefault()),
                    new RoundRobinBalancer(), new LeastConnectionsBalancer(), new FastestResponseBalancer())) {
                strategies.add(Strategy.of(balancer));
            }
            // Seed 004's two on top of priority: a pattern lookup, abilities per candidate and the fit check.
            for (String name : List.of("model-based", "capability-based")) {
                strategies.add(new Strategy(name, new PreferenceBalancer(name,
                        new PriorityBalancer(java.util.random.RandomGenerator.getDefault())),
                        Optional.of(new ProviderRouting(ModelPatterns.DEFAULTS, name.equals("capability-based"), false))));
            }
            for (Strategy balancer : strategies) {
                ProxyRouter plain = router(endpoints, balancer, EndpointConcurrency.unlimited(endpoints),
                        new WaitingRoom<>(0, Duration.ZERO, null, a -> { }), FallbackPolicy.NEXT_AVAILABLE);
                WaitingRoom<Attempt> room = new WaitingRoom<>(1000, Duration.ofSeconds(60), scheduler, a -> { });
                ProxyRouter queued = router(endpoints, balancer, new EndpointConcurrency(endpoints, e -> 1_000_000),
                        room, FallbackPolicy.NEXT_AVAILABLE);
                // Interleaved, best of three each: other processes share these cores.
                long base = Long.MAX_VALUE;
                long withQueue = Long.MAX_VALUE;
                for (int i = 0; i < 3; i++) {
                    base = Math.min(base, measure(() -> firstAndRelease(plain)));
                    withQueue = Math.min(withQueue, measure(() -> firstAndRelease(queued)));
                }
                out.printf("%-18s plan+attempt+release: %6d ns/op; with concurrency limit + queue: %6d ns/op "
                        + "(queue adds %d ns)%n", balancer.name(), base, withQueue, withQueue - base);
            }
            ProxyRouter retrying = router(endpoints,
                    Strategy.of(new PriorityBalancer(java.util.random.RandomGenerator.getDefault())),
                    EndpointConcurrency.unlimited(endpoints),
                    new WaitingRoom<>(0, Duration.ZERO, null, a -> { }),
                    new FallbackPolicy(FallbackStrategy.BEST_ALTERNATIVE, 2, Duration.ofMillis(100), Duration.ofSeconds(5)));
            long failover = measure(() -> {
                RoutePlan plan = plan(retrying);
                Attempt first = plan.next().orElseThrow();
                plan.afterFailure(first, FailureClass.TRANSIENT);
                first.release(OK);
                Attempt second = plan.next().orElseThrow();
                second.release(OK);
                return 0;
            });
            out.printf("failover (plan, attempt, afterFailure, second attempt, both released): %d ns/op%n", failover);
            FallbackPolicy policy = new FallbackPolicy(FallbackStrategy.RETRY_SAME, 2, Duration.ofMillis(100),
                    Duration.ofSeconds(5));
            out.printf("FallbackPolicy.after: %d ns/op%n", measure(() -> {
                sink = policy.after(FailureClass.ofStatus(503), 1, 0.3);
                return 0;
            }));
            Map<String, String> openAi = Map.of("x-ratelimit-limit-requests", "10000",
                    "x-ratelimit-remaining-requests", "9999", "x-ratelimit-reset-requests", "6ms",
                    "x-ratelimit-remaining-tokens", "0", "x-ratelimit-reset-tokens", "6m0s");
            Instant now = Instant.now();
            out.printf("RateLimitHeaders.holdFor (OpenAI headers, spent tokens): %d ns/op%n", measure(() -> {
                sink = RateLimitHeaders.holdFor(200, openAi::get, now);
                return 0;
            }));
            out.printf("RateLimitHeaders.holdFor (no rate-limit headers): %d ns/op%n", measure(() -> {
                sink = RateLimitHeaders.holdFor(200, name -> null, now);
                return 0;
            }));
        } finally {
            scheduler.shutdownNow();
        }
    }

    private static long firstAndRelease(ProxyRouter router) {
        RoutePlan plan = plan(router);
        Attempt attempt = plan.first(0).join().orElseThrow();
        attempt.release(OK);
        return 0;
    }

    private static RoutePlan plan(ProxyRouter router) {
        return router.plan(new InferenceRequest(router.scope("ollama").orElseThrow(), "/api/chat",
                Optional.of("llama3.2:3b"), Optional.empty(), () -> NEEDS)).join();
    }

    // Warm up, then the best of five timed rounds: the steady state, not the JIT's first attempts.
    private static long measure(LongSupplier op) {
        int n = 200_000;
        for (int i = 0; i < n * 2; i++) {
            op.getAsLong();
        }
        long best = Long.MAX_VALUE;
        for (int round = 0; round < 5; round++) {
            long start = System.nanoTime();
            for (int i = 0; i < n; i++) {
                op.getAsLong();
            }
            best = Math.min(best, (System.nanoTime() - start) / n);
        }
        return best;
    }

    private static ProxyRouter router(List<Endpoint> endpoints, Strategy strategy, EndpointConcurrency concurrency,
                                      WaitingRoom<Attempt> room, FallbackPolicy fallback) {
        Fleet fleet = new Fleet(endpoints, CLOCK.instant());
        ModelRegistry registry = new ModelRegistry(new ModelUnifier(UnificationRules.NONE), CLOCK);
        for (Endpoint e : endpoints) {
            fleet.update(e, h -> TestFleet.health(EndpointStatus.HEALTHY, CLOCK.instant()));
            registry.record(new EndpointModels(e, List.of(DiscoveredModel.named("llama3.2:3b")), CLOCK.instant()));
        }
        return new ProxyRouter(fleet, registry, new RouteTable(ProfileCatalog.of(List.of(TestFleet.OLLAMA))),
                new ModelRouter(RoutingPolicy.strict()), new ModelAliases(Map.of()), StrategyChoice.only(strategy),
                new TrafficStats(endpoints), new EndpointDemotion(fleet, HealthPolicy.standard(), CLOCK),
                () -> CompletableFuture.completedFuture(null), Duration.ofSeconds(1), 0,
                new StickySessions(false, 100, Duration.ofMinutes(10), System::nanoTime),
                new EndpointGuards(endpoints, new GuardPolicy(true, 5, Duration.ofSeconds(30), 5,
                        Duration.ofSeconds(30), Duration.ofMinutes(5)), CLOCK),
                EndpointRateLimits.none(), concurrency, room, fallback, () -> 0.5);
    }
}
