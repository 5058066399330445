package dev.sluice.application.proxy;

import dev.sluice.application.fleet.Fleet;
import dev.sluice.application.limits.EndpointConcurrency;
import dev.sluice.application.limits.EndpointRateLimits;
import dev.sluice.application.limits.WaitingRoom;
import dev.sluice.application.port.in.Attempt;
import dev.sluice.application.port.in.RoutePlan;
import dev.sluice.domain.balancing.Balancer;
import dev.sluice.domain.balancing.Candidate;
import dev.sluice.domain.endpoint.Endpoint;
import dev.sluice.domain.fallback.FailureClass;
import dev.sluice.domain.fallback.FallbackPolicy;
import dev.sluice.domain.fallback.FallbackStep;
import dev.sluice.domain.routing.Routed;
import dev.sluice.domain.routing.RoutingDecision;
import dev.sluice.domain.routing.ShapedDecision;
import dev.sluice.domain.routing.StickyKey;
import dev.sluice.domain.routing.StickyOutcome;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.function.DoubleSupplier;

/**
 * Walks one request's candidates: each attempt asks the balancer to choose among the candidates not yet tried,
 * using their health and load at that moment, so a failover goes where a fresh request would.
 */
final class AttemptPlan implements RoutePlan, WaitingRoom.Claim<Attempt> {

    private final RoutingDecision decision;
    private final ShapedDecision shaped;
    private final List<Endpoint> candidates;
    private final Map<String, String> modelByEndpoint;
    private final Fleet fleet;
    private final Balancer balancer;
    private final TrafficStats traffic;
    private final EndpointDemotion demotion;
    private final int maxAttempts;
    private final Set<String> tried = new HashSet<>();
    private final Optional<StickyKey> stickyKey;
    private final StickySessions sticky;
    private final EndpointGuards guards;
    private final EndpointRateLimits endpointLimits;
    private final EndpointConcurrency concurrency;
    private final WaitingRoom<Attempt> waitingRoom;
    private final FallbackPolicy fallback;
    private final DoubleSupplier jitter;
    private Optional<StickyOutcome> stickyOutcome = Optional.empty();
    private Endpoint retrySame;
    private int sameRetries;

    AttemptPlan(ShapedDecision shaped, Map<String, String> modelByEndpoint, Fleet fleet, Balancer balancer,
                TrafficStats traffic, EndpointDemotion demotion, int maxAttempts, Optional<StickyKey> stickyKey,
                StickySessions sticky, EndpointGuards guards, EndpointRateLimits endpointLimits,
                EndpointConcurrency concurrency, WaitingRoom<Attempt> waitingRoom, FallbackPolicy fallback,
                DoubleSupplier jitter) {
        this.fallback = fallback;
        this.jitter = jitter;
        this.concurrency = concurrency;
        this.waitingRoom = waitingRoom;
        this.guards = guards;
        this.endpointLimits = endpointLimits;
        this.stickyKey = sticky.enabled() ? stickyKey : Optional.empty();
        this.sticky = sticky;
        this.shaped = shaped;
        this.decision = shaped.decision();
        this.candidates = decision() instanceof Routed routed ? routed.endpoints() : List.of();
        this.modelByEndpoint = modelByEndpoint;
        this.fleet = fleet;
        this.balancer = balancer;
        this.traffic = traffic;
        this.demotion = demotion;
        this.maxAttempts = maxAttempts;
    }

    @Override
    public RoutingDecision decision() {
        return decision;
    }

    @Override
    public Optional<Attempt> next() {
        if (retrySame != null) {
            Endpoint same = retrySame;
            retrySame = null;
            Optional<Attempt> again = claim(same);
            if (again.isPresent()) {
                return again;
            }
            // It filled up or was held back during the backoff: move on instead.
        }
        while (maxAttempts <= 0 || tried.size() < maxAttempts) {
            List<Candidate> remaining = new ArrayList<>();
            for (Endpoint endpoint : candidates) {
                if (!tried.contains(endpoint.id()) && guards.mayAdmit(endpoint) && endpointLimits.mayTake(endpoint)
                        && concurrency.hasRoom(endpoint)) {
                    remaining.add(new Candidate(endpoint, fleet.health(endpoint).status(), traffic.active(endpoint),
                            traffic.recentResponseMillis(endpoint), shaped.rankOf(endpoint.id())));
                }
            }
            Optional<Endpoint> chosen;
            if (!tried.isEmpty()) {
                chosen = fallback.balancerChoosesAlternative()
                        ? balancer.pick(remaining.stream().filter(c -> c.status().routable()).toList())
                        : failoverPick(remaining);
                // The conversation moves with the failover, so its next turn finds the cache where it now is.
                stickyKey.ifPresent(key -> chosen.ifPresent(e -> {
                    sticky.pin(key, e);
                    stickyOutcome = Optional.of(new StickyOutcome("repin", key));
                }));
            } else {
                chosen = stickyKey.isPresent() ? stickyPick(stickyKey.get(), remaining) : balancer.pick(remaining);
            }
            if (chosen.isEmpty()) {
                return Optional.empty();
            }
            Endpoint endpoint = chosen.get();
            if (!concurrency.tryAcquire(endpoint)) {
                // Another request took its last place since we looked: choose again, it is now filtered out.
                continue;
            }
            tried.add(endpoint.id());
            Optional<Attempt> attempt = admitted(endpoint);
            if (attempt.isPresent()) {
                return attempt;
            }
        }
        return Optional.empty();
    }

    // Takes a place, a rate-limit token and the guard's admission for this endpoint, all or none. Claimed only for
    // the endpoint actually chosen, so a half-open trial is never taken and left unused.
    private Optional<Attempt> claim(Endpoint endpoint) {
        return concurrency.tryAcquire(endpoint) ? admitted(endpoint) : Optional.empty();
    }

    // The place is taken: the rate-limit token and the guard's admission, or the place goes back.
    private Optional<Attempt> admitted(Endpoint endpoint) {
        if (endpointLimits.take(endpoint) && guards.admit(endpoint)) {
            return Optional.of(traffic.attempt(endpoint, Optional.ofNullable(modelByEndpoint.get(endpoint.id())),
                    guards, demotion, concurrency));
        }
        concurrency.release(endpoint);
        return Optional.empty();
    }

    @Override
    public FallbackStep afterFailure(Attempt failed, FailureClass failure) {
        FallbackStep step = fallback.after(failure, sameRetries, jitter.getAsDouble());
        if (step.action() == FallbackStep.Action.RETRY_SAME) {
            // The endpoint's guard learns of the failure only when the caller releases the attempt, so a 429 with
            // Retry-After is caught when the retry is claimed, not here.
            sameRetries++;
            retrySame = failed.endpoint();
            return step;
        }
        sameRetries = 0;
        if (step.action() == FallbackStep.Action.MOVE_ON && !hasAlternative()) {
            return FallbackStep.GIVE_UP;
        }
        return step;
    }

    // Some candidate not yet tried could take the request now (a place may still be taken before next()).
    private boolean hasAlternative() {
        if (maxAttempts > 0 && tried.size() >= maxAttempts) {
            return false;
        }
        for (Endpoint endpoint : candidates) {
            if (!tried.contains(endpoint.id()) && fleet.health(endpoint).status().routable()
                    && guards.mayAdmit(endpoint) && endpointLimits.mayTake(endpoint) && concurrency.hasRoom(endpoint)) {
                return true;
            }
        }
        return false;
    }

    @Override
    public CompletableFuture<Optional<Attempt>> first(int priority) {
        Optional<Attempt> now = next();
        if (now.isPresent() || !worthWaiting()) {
            return CompletableFuture.completedFuture(now);
        }
        return waitingRoom.await(this, priority);
    }


    @Override
    public Optional<Attempt> tryClaim() {
        return next();
    }

    // Some candidate could take the request but for being full: waiting can help. Down, broken or rate-limited
    // candidates are not waited for. One with room counts too: a place freed since the last look is no reason to
    // give up (that race once turned into 503s under load); the waiting room's next look claims it.
    @Override
    public boolean worthWaiting() {
        if (maxAttempts > 0 && tried.size() >= maxAttempts) {
            return false;
        }
        for (Endpoint endpoint : candidates) {
            if (!tried.contains(endpoint.id()) && fleet.health(endpoint).status().routable()
                    && guards.mayAdmit(endpoint)
                    && (!concurrency.hasRoom(endpoint) || endpointLimits.mayTake(endpoint))) {
                return true;
            }
        }
        return false;
    }

    // A failover choice must not move the balancer's rotation: with round-robin, doing so would hand the next
    // request's first attempt to the same failing endpoint every time. The strategy's preference (model-based,
    // capability-based), then highest priority, then least busy, wins.
    private static Optional<Endpoint> failoverPick(List<Candidate> remaining) {
        return remaining.stream().filter(c -> c.status().routable())
                .min(java.util.Comparator.comparingInt(Candidate::rank)
                        .thenComparingInt((Candidate c) -> -c.priority())
                        .thenComparingLong(Candidate::activeRequests)
                        .thenComparing(c -> c.endpoint().name()))
                .map(Candidate::endpoint);
    }

    // The pinned endpoint if it can take the request, else the balancer's choice, pinned from now on.
    private Optional<Endpoint> stickyPick(StickyKey key, List<Candidate> remaining) {
        boolean first = stickyOutcome.isEmpty();
        Optional<String> pinned = first ? sticky.pinned(key) : Optional.empty();
        if (pinned.isPresent()) {
            Optional<Endpoint> same = remaining.stream().filter(c -> c.status().routable())
                    .map(Candidate::endpoint).filter(e -> e.id().equals(pinned.get())).findFirst();
            if (same.isPresent()) {
                stickyOutcome = Optional.of(new StickyOutcome("hit", key));
                return same;
            }
        }
        Optional<Endpoint> picked = balancer.pick(remaining);
        picked.ifPresent(endpoint -> {
            sticky.pin(key, endpoint);
            stickyOutcome = Optional.of(new StickyOutcome(first && pinned.isEmpty() ? "miss" : "repin", key));
        });
        return picked;
    }

    @Override
    public Optional<StickyOutcome> sticky() {
        return stickyOutcome;
    }

    @Override
    public void unreachable(Attempt attempt, String reason) {
        demotion.unreachable(attempt.endpoint(), reason);
    }
}
