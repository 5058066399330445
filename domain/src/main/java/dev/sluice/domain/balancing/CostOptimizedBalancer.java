package dev.sluice.domain.balancing;

import dev.sluice.domain.endpoint.Endpoint;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.ToDoubleFunction;

/**
 * {@code cost-optimized}: the routable candidate that costs least per token, so local backends (free) serve first
 * and paid APIs take what the local ones cannot. Among equal cost, the one with fewer requests in flight, then the
 * higher priority, then a rotation: equal local boxes share the load rather than the first taking it all.
 */
public final class CostOptimizedBalancer implements Balancer {

    private final ToDoubleFunction<Endpoint> costPerMillionTokens;
    private final AtomicLong rotation = new AtomicLong();

    /** @param costPerMillionTokens an endpoint's price in any currency per million tokens; 0 for local */
    public CostOptimizedBalancer(ToDoubleFunction<Endpoint> costPerMillionTokens) {
        this.costPerMillionTokens = costPerMillionTokens;
    }

    @Override
    public Optional<Endpoint> pick(List<Candidate> candidates) {
        List<Candidate> routable = candidates.stream().filter(c -> c.status().routable()).toList();
        if (routable.isEmpty()) {
            return Optional.empty();
        }
        double cheapest = routable.stream().mapToDouble(c -> costPerMillionTokens.applyAsDouble(c.endpoint())).min()
                .getAsDouble();
        List<Candidate> cheap = routable.stream()
                .filter(c -> costPerMillionTokens.applyAsDouble(c.endpoint()) == cheapest).toList();
        long fewest = cheap.stream().mapToLong(Candidate::activeRequests).min().getAsLong();
        int top = cheap.stream().filter(c -> c.activeRequests() == fewest).mapToInt(Candidate::priority).max()
                .getAsInt();
        List<Endpoint> ties = cheap.stream().filter(c -> c.activeRequests() == fewest && c.priority() == top)
                .map(Candidate::endpoint).sorted(Comparator.comparing(Endpoint::name)).toList();
        return Optional.of(ties.get((int) Math.floorMod(rotation.getAndIncrement(), (long) ties.size())));
    }

    @Override
    public String name() {
        return "cost-optimized";
    }
}
