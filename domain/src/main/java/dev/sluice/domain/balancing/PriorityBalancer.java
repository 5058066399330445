package dev.sluice.domain.balancing;

import dev.sluice.domain.endpoint.Endpoint;
import java.util.List;
import java.util.Optional;
import java.util.random.RandomGenerator;

/**
 * {@code priority}: only the highest-priority tier of routable candidates is used; within it the choice is random,
 * weighted by state (healthy 1.0, busy 0.3, warming 0.1), so equal peers share the load. Lower tiers take traffic
 * only when no higher one can.
 */
public final class PriorityBalancer implements Balancer {

    private final RandomGenerator random;

    public PriorityBalancer(RandomGenerator random) {
        this.random = random;
    }

    @Override
    public Optional<Endpoint> pick(List<Candidate> candidates) {
        List<Candidate> routable = candidates.stream().filter(c -> c.status().routable()).toList();
        if (routable.isEmpty()) {
            return Optional.empty();
        }
        int top = routable.stream().mapToInt(Candidate::priority).max().getAsInt();
        List<Candidate> tier = routable.stream().filter(c -> c.priority() == top).toList();
        if (tier.size() == 1) {
            return Optional.of(tier.get(0).endpoint());
        }
        double total = tier.stream().mapToDouble(c -> c.status().weight()).sum();
        double point = random.nextDouble() * total;
        for (Candidate c : tier) {
            point -= c.status().weight();
            if (point < 0) {
                return Optional.of(c.endpoint());
            }
        }
        return Optional.of(tier.get(tier.size() - 1).endpoint());
    }

    @Override
    public String name() {
        return "priority";
    }
}
