package dev.sluice.bootstrap;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import dev.sluice.application.port.in.ReportTranslators;
import dev.sluice.application.translation.TranslatorStats;
import com.google.inject.Singleton;
import dev.sluice.adapters.config.schema.SluiceConfig;
import dev.sluice.application.catalog.DiscoverySettings;
import dev.sluice.application.catalog.ModelDiscoveryService;
import dev.sluice.application.catalog.ModelRegistry;
import dev.sluice.application.fleet.Fleet;
import dev.sluice.application.fleet.FleetStatus;
import dev.sluice.application.fleet.HealthMonitor;
import com.google.inject.multibindings.MapBinder;
import dev.sluice.application.limits.EndpointRateLimits;
import dev.sluice.application.limits.RateLimiter;
import dev.sluice.application.observe.RequestJournal;
import dev.sluice.application.port.in.AdmitClient;
import dev.sluice.application.port.in.RecordRequest;
import dev.sluice.application.port.in.ReportViolations;
import dev.sluice.application.port.out.RequestMetrics;
import dev.sluice.application.port.in.ListModels;
import dev.sluice.application.port.in.ReportTraffic;
import dev.sluice.application.port.in.ResolveRoute;
import dev.sluice.application.port.in.RouteInferenceRequest;
import dev.sluice.application.proxy.EndpointDemotion;
import dev.sluice.application.proxy.EndpointGuards;
import dev.sluice.application.port.in.ReportGuards;
import dev.sluice.domain.guard.GuardPolicy;
import dev.sluice.application.proxy.ModelAliases;
import dev.sluice.application.proxy.ProxyRouter;
import dev.sluice.application.proxy.RouteTable;
import dev.sluice.application.proxy.StickySessions;
import dev.sluice.application.proxy.TrafficStats;
import dev.sluice.application.port.in.ReportStickySessions;
import dev.sluice.domain.balancing.Balancer;
import dev.sluice.domain.balancing.CostOptimizedBalancer;
import dev.sluice.domain.balancing.FastestResponseBalancer;
import dev.sluice.domain.balancing.ProviderCosts;
import dev.sluice.domain.balancing.LeastConnectionsBalancer;
import dev.sluice.domain.balancing.PriorityBalancer;
import dev.sluice.domain.balancing.RoundRobinBalancer;
import dev.sluice.domain.balancing.PreferenceBalancer;
import dev.sluice.domain.pattern.Glob;
import dev.sluice.domain.routing.ModelPattern;
import dev.sluice.domain.routing.ModelPatterns;
import dev.sluice.domain.routing.ModelStrategy;
import dev.sluice.domain.routing.ProviderRouting;
import dev.sluice.domain.routing.Strategy;
import dev.sluice.domain.routing.StrategyChoice;
import dev.sluice.domain.profile.ProfileCatalog;
import dev.sluice.domain.routing.FallbackBehavior;
import dev.sluice.domain.routing.ModelRouter;
import dev.sluice.domain.routing.RoutingPolicy;
import dev.sluice.domain.routing.RoutingStrategyType;
import dev.sluice.application.port.in.ReportFleetStatus;
import dev.sluice.application.port.in.ReportHealthHistory;
import dev.sluice.application.port.out.HealthProbe;
import dev.sluice.application.port.out.ModelDiscovery;
import dev.sluice.domain.fallback.FallbackPolicy;
import dev.sluice.domain.fallback.FallbackStrategy;
import dev.sluice.domain.endpoint.Endpoint;
import dev.sluice.domain.endpoint.HealthPolicy;
import dev.sluice.domain.model.ModelUnifier;
import dev.sluice.domain.model.UnificationRules;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import dev.sluice.adapters.config.Configuration;
import dev.sluice.application.limits.EndpointConcurrency;
import dev.sluice.application.limits.WaitingRoom;
import dev.sluice.application.port.in.Attempt;
import dev.sluice.application.port.in.ReportQueue;
import dev.sluice.domain.endpoint.RequestOutcome;
import java.util.concurrent.ScheduledThreadPoolExecutor;

/** Builds the use cases with plain {@code new}: domain and application carry no injection annotations. */
final class ApplicationModule extends AbstractModule {

    private final boolean metricsEnabled;

    /** @param metricsEnabled whether finished requests are counted in the metrics registry */
    ApplicationModule(boolean metricsEnabled) {
        this.metricsEnabled = metricsEnabled;
    }

    @Provides
    @Singleton
    Clock clock() {
        return Clock.systemUTC();
    }

    @Provides
    @Singleton
    ScheduledExecutorService scheduler() {
        // Probes and discovery are asynchronous; these threads only start them, so two are plenty.
        ScheduledThreadPoolExecutor scheduler = new ScheduledThreadPoolExecutor(2, runnable -> {
            Thread t = Executors.defaultThreadFactory().newThread(runnable);
            t.setName("sluice-scheduler-" + t.getId());
            t.setDaemon(true);
            return t;
        });
        scheduler.setRemoveOnCancelPolicy(true);
        return scheduler;
    }

    @Provides
    @Singleton
    Fleet fleet(List<Endpoint> endpoints, Clock clock) {
        return new Fleet(endpoints, clock);
    }

    @Provides
    @Singleton
    FleetStatus fleetStatusView(Fleet fleet) {
        return new FleetStatus(fleet);
    }

    @Provides
    @Singleton
    ReportFleetStatus fleetStatus(FleetStatus status) {
        return status;
    }

    @Provides
    @Singleton
    ReportHealthHistory healthHistory(FleetStatus status) {
        return status;
    }

    @Provides
    @Singleton
    ModelRegistry modelRegistry(UnificationRules rules, SluiceConfig config, Clock clock) {
        // enable_unifier: false keeps the rules from merging anything but identical names.
        UnificationRules effective = config.modelRegistry().enableUnifier() ? rules : UnificationRules.NONE;
        return new ModelRegistry(new ModelUnifier(effective), clock);
    }

    @Provides
    @Singleton
    ListModels listModels(ModelRegistry registry) {
        return registry;
    }

    @Provides
    @Singleton
    ModelDiscoveryService discoveryService(Fleet fleet, ModelDiscovery discovery, ModelRegistry registry,
                                           ScheduledExecutorService scheduler, Clock clock, SluiceConfig config) {
        var md = config.discovery().modelDiscovery();
        var unification = config.modelRegistry().unification();
        return new ModelDiscoveryService(fleet, discovery, registry, scheduler, clock,
                new DiscoverySettings(md.enabled(), md.interval(), md.concurrentWorkers(), md.retryAttempts(),
                        md.retryBackoff(), unification.staleThreshold(), unification.cleanupInterval()));
    }

    @Override
    protected void configure() {
        // proxy.load_balancer picks one of these by name.
        MapBinder<String, Balancer> balancers = MapBinder.newMapBinder(binder(), String.class, Balancer.class);
        balancers.addBinding("priority").toInstance(new PriorityBalancer(new SplittableRandom()));
        balancers.addBinding("round-robin").toInstance(new RoundRobinBalancer());
        balancers.addBinding("least-connections").toInstance(new LeastConnectionsBalancer());
        balancers.addBinding("fastest-response").toInstance(new FastestResponseBalancer());
    }

    @Provides
    @Singleton
    StrategyChoice strategies(Map<String, Balancer> balancers, SluiceConfig config, Configuration configuration) {
        var routing = config.proxy().routing();
        ModelPatterns patterns = routing.modelPatterns() == null ? ModelPatterns.DEFAULTS
                : new ModelPatterns(routing.modelPatterns().stream()
                        .map(p -> new ModelPattern(new Glob(p.pattern()), p.providers())).toList());
        boolean forward = routing.whenNoneFit().equals("forward");
        // One instance per name, so a route and a model that name the same strategy share its rotation.
        Map<String, Strategy> named = new java.util.HashMap<>();
        java.util.function.Function<String, Strategy> strategy = name -> named.computeIfAbsent(name, n -> {
            if (n.equals("model-based") || n.equals("capability-based")) {
                Balancer tieBreaker = balancer(routing.tieBreaker(), balancers, configuration);
                return new Strategy(n, new PreferenceBalancer(n, tieBreaker),
                        Optional.of(new ProviderRouting(patterns, n.equals("capability-based"), forward)));
            }
            return Strategy.of(balancer(n, balancers, configuration));
        });
        Map<String, Strategy> byRoute = new java.util.LinkedHashMap<>();
        routing.byRoute().forEach((route, name) -> byRoute.put(route, strategy.apply(name)));
        List<ModelStrategy> byModel = routing.byModel().entrySet().stream()
                .map(e -> new ModelStrategy(new Glob(e.getKey()), strategy.apply(e.getValue()))).toList();
        return new StrategyChoice(strategy.apply(config.proxy().loadBalancer()), byRoute, byModel);
    }

    private static Balancer balancer(String name, Map<String, Balancer> balancers, Configuration configuration) {
        if (name.equals("cost-optimized")) {
            return new CostOptimizedBalancer(new ProviderCosts(configuration.costOverrides())::of);
        }
        return balancers.get(name);
    }

    @Provides
    @Singleton
    TrafficStats trafficStats(List<Endpoint> endpoints) {
        return new TrafficStats(endpoints);
    }

    @Provides
    @Singleton
    ReportTraffic reportTraffic(TrafficStats stats) {
        return stats;
    }

    @Provides
    @Singleton
    EndpointConcurrency endpointConcurrency(Configuration configuration, List<Endpoint> endpoints) {
        return EndpointConcurrency.of(endpoints, configuration.concurrencyOverrides());
    }

    @Provides
    @Singleton
    WaitingRoom<Attempt> waitingRoom(SluiceConfig config, ScheduledExecutorService scheduler,
                                     EndpointConcurrency concurrency) {
        var queue = config.proxy().queue();
        // A place claimed for a request that left meanwhile goes straight back, counted as a client abort.
        WaitingRoom<Attempt> room = new WaitingRoom<>(queue.maxSize(), queue.timeout(), scheduler,
                attempt -> attempt.release(RequestOutcome.failed(RequestOutcome.FailureKind.CLIENT_GONE, 0, 0,
                        Duration.ZERO, Optional.empty())));
        concurrency.onRelease(room::drain);
        return room;
    }

    @Provides
    @Singleton
    ReportQueue reportQueue(WaitingRoom<Attempt> room) {
        return room;
    }

    @Provides
    @Singleton
    ProxyRouter proxyRouter(Fleet fleet, ListModels models, ProfileCatalog profiles, SluiceConfig config,
                            StrategyChoice strategies, TrafficStats traffic, Clock clock, ModelDiscoveryService discovery,
                            StickySessions sticky, EndpointGuards guards, List<Endpoint> endpoints,
                            EndpointConcurrency concurrency, WaitingRoom<Attempt> waitingRoom) {
        var strategy = config.modelRegistry().routingStrategy();
        RoutingPolicy policy = new RoutingPolicy(RoutingStrategyType.parse(strategy.type()),
                FallbackBehavior.parse(strategy.options().fallbackBehavior()), strategy.options().discoveryRefreshOnMiss());
        var retry = config.proxy().retry();
        // proxy.retry.enabled: false means one endpoint per request; max_attempts 0 means every candidate once
        // (the deprecated max_retries stands in when max_attempts is unset).
        int attempts = !retry.enabled() || !retry.onConnectionFailure() ? 1
                : retry.maxAttempts() > 0 ? retry.maxAttempts() : config.proxy().maxRetries();
        return new ProxyRouter(fleet, models, new RouteTable(profiles), new ModelRouter(policy),
                new ModelAliases(config.modelAliases()), strategies, traffic,
                new EndpointDemotion(fleet, HealthPolicy.standard(), clock), discovery::refreshAll,
                strategy.options().discoveryTimeout(), attempts, sticky, guards,
                new EndpointRateLimits(endpoints, config.server().rateLimits().perEndpoint().defaultRequestsPerMinute(),
                        config.server().rateLimits().burstSize(), System::nanoTime), concurrency, waitingRoom,
                fallbackPolicy(config), () -> java.util.concurrent.ThreadLocalRandom.current().nextDouble());
    }

    @Provides
    @Singleton
    FallbackPolicy fallback(SluiceConfig config) {
        return fallbackPolicy(config);
    }

    private static FallbackPolicy fallbackPolicy(SluiceConfig config) {
        var fallback = config.proxy().fallback();
        return new FallbackPolicy(FallbackStrategy.parse(fallback.strategy()), fallback.retrySameAttempts(),
                fallback.backoff(), fallback.maxBackoff());
    }

    @Provides
    @Singleton
    RateLimiter rateLimiter(SluiceConfig config, Clock clock) {
        var limits = config.server().rateLimits();
        // Olla drops idle buckets after ten minutes; we keep at least twice the cleanup interval.
        Duration idle = Duration.ofMinutes(10).compareTo(limits.cleanupInterval().multipliedBy(2)) > 0
                ? Duration.ofMinutes(10) : limits.cleanupInterval().multipliedBy(2);
        return new RateLimiter(limits.globalRequestsPerMinute(), limits.perIpRequestsPerMinute(),
                limits.healthRequestsPerMinute(), limits.burstSize(), idle, System::nanoTime, clock);
    }

    @Provides
    @Singleton
    AdmitClient admitClient(RateLimiter limiter) {
        return limiter;
    }

    @Provides
    @Singleton
    EndpointGuards endpointGuards(List<Endpoint> endpoints, SluiceConfig config, Clock clock) {
        var breaker = config.proxy().circuitBreaker();
        var outliers = config.proxy().outlierDetection();
        // Olla's engine has a breaker, Sherpa none; ejection on 5xx/429 is ours and applies to both.
        GuardPolicy policy = new GuardPolicy(config.proxy().engine().equals("olla"), breaker.failureThreshold(),
                breaker.openDuration(), outliers.enabled() ? outliers.consecutiveErrors() : Integer.MAX_VALUE,
                outliers.baseEjection(), outliers.maxEjection());
        return new EndpointGuards(endpoints, policy, clock);
    }

    @Provides
    @Singleton
    ReportGuards reportGuards(EndpointGuards guards) {
        return guards;
    }

    @Provides
    @Singleton
    StickySessions stickySessions(SluiceConfig config) {
        var sticky = config.proxy().stickySessions();
        return new StickySessions(sticky.enabled(), sticky.maxSessions(), Duration.ofSeconds(sticky.idleTtlSeconds()),
                System::nanoTime);
    }

    @Provides
    @Singleton
    ReportStickySessions reportStickySessions(StickySessions sticky) {
        return sticky;
    }

    @Provides
    @Singleton
    RequestJournal requestJournal(Map<String, RequestMetrics> metrics, SluiceConfig config) {
        return new RequestJournal(metrics.get(metricsEnabled ? "on" : "off"), config.server().requestLogging());
    }

    @Provides
    @Singleton
    RecordRequest recordRequest(RequestJournal journal) {
        return journal;
    }

    @Provides
    @Singleton
    ReportViolations reportViolations(RequestJournal journal) {
        return journal;
    }

    @Provides
    @Singleton
    RouteInferenceRequest routeInferenceRequest(ProxyRouter router) {
        return router;
    }

    @Provides
    @Singleton
    ResolveRoute resolveRoute(ProxyRouter router) {
        return router;
    }

    @Provides
    @Singleton
    TranslatorStats translatorStats() {
        return new TranslatorStats();
    }

    @Provides
    @Singleton
    ReportTranslators reportTranslators(TranslatorStats stats) {
        return stats;
    }

    @Provides
    @Singleton
    HealthMonitor healthMonitor(Fleet fleet, HealthProbe probe, ScheduledExecutorService scheduler, Clock clock,
                                ModelDiscoveryService discovery, StickySessions sticky, EndpointGuards guards) {
        return new HealthMonitor(fleet, probe, HealthPolicy.standard(), scheduler, clock, transition -> {
            discovery.onTransition(transition);
            sticky.onTransition(transition);
            guards.onTransition(transition);
        });
    }
}
