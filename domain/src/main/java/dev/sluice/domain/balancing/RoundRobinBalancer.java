package dev.sluice.domain.balancing;

import dev.sluice.domain.endpoint.Endpoint;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

/**
 * {@code round-robin}: a stable cycle over the routable candidates, ordered by endpoint name so the rotation does
 * not depend on the order a caller happened to build its list in (Olla's follows Go map order).
 */
public final class RoundRobinBalancer implements Balancer {

    private final AtomicLong next = new AtomicLong();

    @Override
    public Optional<Endpoint> pick(List<Candidate> candidates) {
        List<Endpoint> routable = candidates.stream().filter(c -> c.status().routable()).map(Candidate::endpoint)
                .sorted(Comparator.comparing(Endpoint::name)).toList();
        if (routable.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(routable.get((int) Math.floorMod(next.getAndIncrement(), (long) routable.size())));
    }

    @Override
    public String name() {
        return "round-robin";
    }
}
