package dev.sluice.application.proxy;

import dev.sluice.application.fleet.Fleet;
import dev.sluice.application.limits.EndpointConcurrency;
import dev.sluice.application.limits.EndpointRateLimits;
import dev.sluice.application.limits.WaitingRoom;
import dev.sluice.application.port.in.Attempt;
import dev.sluice.application.port.in.ListModels;
import dev.sluice.application.port.in.ResolveRoute;
import dev.sluice.application.port.in.RouteInferenceRequest;
import dev.sluice.application.port.in.RoutePlan;
import dev.sluice.domain.balancing.Balancer;
import dev.sluice.domain.balancing.ModelAbilities;
import dev.sluice.domain.balancing.RequestNeeds;
import dev.sluice.domain.model.ModelCatalog;
import dev.sluice.domain.routing.ProviderRouting;
import dev.sluice.domain.routing.ShapedDecision;
import dev.sluice.domain.routing.Strategy;
import dev.sluice.domain.routing.StrategyChoice;
import dev.sluice.domain.endpoint.Endpoint;
import dev.sluice.domain.fallback.FallbackPolicy;
import dev.sluice.domain.model.ModelNamespace;
import dev.sluice.domain.routing.InferenceRequest;
import dev.sluice.domain.routing.ModelRouter;
import dev.sluice.domain.routing.RefreshFirst;
import dev.sluice.domain.routing.Rejected;
import dev.sluice.domain.routing.RejectionKind;
import dev.sluice.domain.routing.RouteScope;
import dev.sluice.domain.routing.Routed;
import dev.sluice.domain.routing.RoutingDecision;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.DoubleSupplier;
import java.util.function.Supplier;

/**
 * The routing use case: which endpoints a request may use (route scope, health, path), which of them serve its
 * model (strategy, aliases), and a plan the inbound adapter walks attempt by attempt.
 */
public final class ProxyRouter implements RouteInferenceRequest, ResolveRoute {

    private final Fleet fleet;
    private final ListModels models;
    private final RouteTable routes;
    private final ModelRouter router;
    private final ModelAliases aliases;
    private final StrategyChoice strategies;
    private final TrafficStats traffic;
    private final EndpointDemotion demotion;
    private final Supplier<CompletableFuture<Void>> refreshModels;
    private final Duration refreshTimeout;
    private final int maxAttempts;
    private final StickySessions sticky;
    private final EndpointGuards guards;
    private final EndpointRateLimits endpointLimits;
    private final EndpointConcurrency concurrency;
    private final WaitingRoom<Attempt> waitingRoom;
    private final FallbackPolicy fallback;
    private final DoubleSupplier jitter;

    /**
     * @param refreshModels  re-discovers every endpoint's models (for {@code discovery_refresh_on_miss})
     * @param refreshTimeout how long a request waits for that refresh ({@code discovery_timeout})
     * @param maxAttempts    endpoints one request may try; 0 means every candidate once
     */
    public ProxyRouter(Fleet fleet, ListModels models, RouteTable routes, ModelRouter router, ModelAliases aliases,
                       Balancer balancer, TrafficStats traffic, EndpointDemotion demotion,
                       Supplier<CompletableFuture<Void>> refreshModels, Duration refreshTimeout, int maxAttempts,
                       StickySessions sticky, EndpointGuards guards, EndpointRateLimits endpointLimits) {
        this(fleet, models, routes, router, aliases, balancer, traffic, demotion, refreshModels, refreshTimeout,
                maxAttempts, sticky, guards, endpointLimits, EndpointConcurrency.unlimited(List.of()),
                new WaitingRoom<>(0, Duration.ZERO, null, attempt -> { }));
    }

    /**
     * @param concurrency each endpoint's concurrency limit
     * @param waitingRoom where requests wait when every candidate is at its limit
     */
    public ProxyRouter(Fleet fleet, ListModels models, RouteTable routes, ModelRouter router, ModelAliases aliases,
                       Balancer balancer, TrafficStats traffic, EndpointDemotion demotion,
                       Supplier<CompletableFuture<Void>> refreshModels, Duration refreshTimeout, int maxAttempts,
                       StickySessions sticky, EndpointGuards guards, EndpointRateLimits endpointLimits,
                       EndpointConcurrency concurrency, WaitingRoom<Attempt> waitingRoom) {
        this(fleet, models, routes, router, aliases, balancer, traffic, demotion, refreshModels, refreshTimeout,
                maxAttempts, sticky, guards, endpointLimits, concurrency, waitingRoom, FallbackPolicy.NEXT_AVAILABLE,
                () -> 0.5);
    }

    /**
     * @param fallback what a failed attempt leads to ({@code proxy.fallback})
     * @param jitter   numbers in [0, 1) spreading retry delays
     */
    public ProxyRouter(Fleet fleet, ListModels models, RouteTable routes, ModelRouter router, ModelAliases aliases,
                       Balancer balancer, TrafficStats traffic, EndpointDemotion demotion,
                       Supplier<CompletableFuture<Void>> refreshModels, Duration refreshTimeout, int maxAttempts,
                       StickySessions sticky, EndpointGuards guards, EndpointRateLimits endpointLimits,
                       EndpointConcurrency concurrency, WaitingRoom<Attempt> waitingRoom, FallbackPolicy fallback,
                       DoubleSupplier jitter) {
        this(fleet, models, routes, router, aliases, StrategyChoice.only(Strategy.of(balancer)), traffic, demotion,
                refreshModels, refreshTimeout, maxAttempts, sticky, guards, endpointLimits, concurrency, waitingRoom,
                fallback, jitter);
    }

    /**
     * @param strategies which strategy (balancer, and how model-based or capability-based shape the candidates)
     *                   serves a request, by its route and model
     */
    public ProxyRouter(Fleet fleet, ListModels models, RouteTable routes, ModelRouter router, ModelAliases aliases,
                       StrategyChoice strategies, TrafficStats traffic, EndpointDemotion demotion,
                       Supplier<CompletableFuture<Void>> refreshModels, Duration refreshTimeout, int maxAttempts,
                       StickySessions sticky, EndpointGuards guards, EndpointRateLimits endpointLimits,
                       EndpointConcurrency concurrency, WaitingRoom<Attempt> waitingRoom, FallbackPolicy fallback,
                       DoubleSupplier jitter) {
        this.fallback = fallback;
        this.jitter = jitter;
        this.concurrency = concurrency;
        this.waitingRoom = waitingRoom;
        this.sticky = sticky;
        this.guards = guards;
        this.endpointLimits = endpointLimits;
        this.fleet = fleet;
        this.models = models;
        this.routes = routes;
        this.router = router;
        this.aliases = aliases;
        this.strategies = strategies;
        this.traffic = traffic;
        this.demotion = demotion;
        this.refreshModels = refreshModels;
        this.refreshTimeout = refreshTimeout;
        this.maxAttempts = maxAttempts;
    }

    @Override
    public Optional<RouteScope> scope(String prefix) {
        return routes.scope(prefix);
    }

    @Override
    public List<RouteScope> scopes() {
        return routes.scopes();
    }

    @Override
    public CompletableFuture<RoutePlan> plan(InferenceRequest request) {
        Strategy chosen = strategies.forRequest(request.scope().prefix(), request.model());
        List<Endpoint> candidates = candidates(request);
        String strategy = router.policy().type().wireName();
        if (candidates.isEmpty()) {
            return done(new Rejected(RejectionKind.NO_ENDPOINTS, strategy, "no_healthy_endpoints"), Map.of(), request,
                    chosen);
        }
        if (request.model().isEmpty()) {
            return done(new Routed(candidates, strategy, "no_model_in_request", false), Map.of(), request, chosen);
        }
        String model = request.model().get();
        Optional<Map<String, String>> alias = aliases.resolve(model, models.catalog(), candidates);
        if (alias.isPresent() && !alias.get().isEmpty()) {
            Map<String, String> rewrite = alias.get();
            List<Endpoint> targets = candidates.stream().filter(e -> rewrite.containsKey(e.id())).toList();
            RoutingDecision routed = new Routed(targets, "alias",
                    "alias \"" + model + "\" resolved to " + targets.size() + " endpoint(s)", false);
            return CompletableFuture.completedFuture(plan(shape(chosen, routed, candidates, rewrite.keySet(), model,
                    request, rewrite), rewrite, request, chosen));
        }
        Optional<ModelNamespace.Pin> pin = ModelNamespace.resolve(model, models.catalog(), fleet.endpoints());
        if (pin.isPresent()) {
            return pinned(request, pin.get(), candidates, chosen);
        }
        Set<String> hosting = hosting(model);
        RoutingDecision decision = router.decide(candidates, hosting, false);
        if (!(decision instanceof RefreshFirst)) {
            return CompletableFuture.completedFuture(plan(shape(chosen, decision, candidates, hosting, model, request,
                    Map.of()), Map.of(), request, chosen));
        }
        // Discovery strategy on a miss: refresh every model list (bounded), then decide again on fresh data.
        return refreshed().thenApply(ignored -> {
            List<Endpoint> fresh = candidates(request);
            Set<String> hostingNow = hosting(model);
            return plan(shape(chosen, router.decide(fresh, hostingNow, true), fresh, hostingNow, model, request,
                    Map.of()), Map.of(), request, chosen);
        });
    }

    // "openai/gpt-4o": only the endpoints the namespace names may serve it, each sent its own name for the model.
    // The namespace has already chosen the provider, so a model-based strategy has nothing left to say; capability
    // checks still apply, among the named endpoints only.
    private CompletableFuture<RoutePlan> pinned(InferenceRequest request, ModelNamespace.Pin pin,
                                                List<Endpoint> candidates, Strategy chosen) {
        String bare = pin.namespace().model();
        List<Endpoint> named = candidates.stream().filter(e -> pin.endpointIds().contains(e.id())).toList();
        Set<String> hosting = hostingWithin(bare, pin);
        RoutingDecision decision = namespaced(pin, router.decide(named, hosting, false));
        if (!(decision instanceof RefreshFirst)) {
            return CompletableFuture.completedFuture(plan(shape(chosen, decision, named, hosting, bare, request,
                    pin.nativeNames()), pin.nativeNames(), request, chosen));
        }
        return refreshed().thenApply(ignored -> {
            String model = request.model().orElse(bare);
            ModelNamespace.Pin fresh = ModelNamespace.resolve(model, models.catalog(), fleet.endpoints()).orElse(pin);
            List<Endpoint> now = candidates(request).stream().filter(e -> fresh.endpointIds().contains(e.id())).toList();
            Set<String> hostingNow = hostingWithin(bare, fresh);
            return plan(shape(chosen, namespaced(fresh, router.decide(now, hostingNow, true)), now, hostingNow, bare,
                    request, fresh.nativeNames()), fresh.nativeNames(), request, chosen);
        });
    }

    // Only the named endpoints count: another provider's copy makes the model neither found nor "unavailable".
    private Set<String> hostingWithin(String model, ModelNamespace.Pin pin) {
        Set<String> within = new java.util.HashSet<>(hosting(model));
        within.retainAll(pin.endpointIds());
        return within;
    }

    // The decision's reason names the namespace, so X-Olla-Routing-Reason and the request log say why.
    private static RoutingDecision namespaced(ModelNamespace.Pin pin, RoutingDecision decision) {
        String why = "namespace \"" + pin.namespace().namespace() + "\": ";
        if (decision instanceof Routed routed) {
            return new Routed(routed.endpoints(), routed.strategy(), why + routed.reason(), routed.fallback());
        }
        if (decision instanceof Rejected rejected) {
            return new Rejected(rejected.kind(), rejected.strategy(), why + rejected.reason());
        }
        return decision;
    }

    private CompletableFuture<Void> refreshed() {
        return refreshModels.get()
                .completeOnTimeout(null, refreshTimeout.toMillis(), TimeUnit.MILLISECONDS)
                .exceptionally(failure -> null);
    }

    // model-based and capability-based shape the decision by the model's name and the request's needs; the body is
    // examined for those needs only when capabilities are checked.
    private ShapedDecision shape(Strategy strategy, RoutingDecision decision, List<Endpoint> candidates,
                                 Set<String> hosting, String model, InferenceRequest request,
                                 Map<String, String> rewrite) {
        if (strategy.shaping().isEmpty()) {
            return ShapedDecision.unshaped(decision);
        }
        ProviderRouting shaping = strategy.shaping().get();
        RequestNeeds needs = shaping.checksCapabilities() ? request.needs().get() : RequestNeeds.NONE;
        ModelCatalog catalog = models.catalog();
        return shaping.shape(decision, candidates, hosting, model, needs, endpoint -> {
            String name = rewrite.getOrDefault(endpoint.id(), model);
            return ModelAbilities.on(endpoint, name, catalog.servedOn(name, endpoint.id()));
        });
    }

    private List<Endpoint> candidates(InferenceRequest request) {
        RouteScope scope = request.scope();
        List<Endpoint> routable = fleet.routable();
        if (!scope.universal()) {
            return routable.stream().filter(e -> scope.includes(e.profile())).toList();
        }
        // The universal route lets the path pick platforms; a path no platform declares goes to any (as Olla).
        List<Endpoint> byPath = routable.stream().filter(e -> e.profile().paths().contains(request.path())).toList();
        return byPath.isEmpty() ? routable : byPath;
    }

    private Set<String> hosting(String model) {
        return models.catalog().endpointsServing(model);
    }

    private CompletableFuture<RoutePlan> done(RoutingDecision decision, Map<String, String> rewrite,
                                              InferenceRequest request, Strategy strategy) {
        return CompletableFuture.completedFuture(plan(ShapedDecision.unshaped(decision), rewrite, request, strategy));
    }

    private RoutePlan plan(ShapedDecision decision, Map<String, String> rewrite, InferenceRequest request,
                           Strategy strategy) {
        return new AttemptPlan(decision, rewrite, fleet, strategy.balancer(), traffic, demotion, maxAttempts,
                request.stickyKey(), sticky, guards, endpointLimits, concurrency, waitingRoom, fallback, jitter);
    }
}
