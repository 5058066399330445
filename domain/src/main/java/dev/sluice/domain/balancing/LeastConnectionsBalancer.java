package dev.sluice.domain.balancing;

import dev.sluice.domain.endpoint.Endpoint;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

/**
 * {@code least-connections}: the routable candidate with the fewest requests in flight. Ties go to the higher
 * priority (Olla ignores priority here, its issue #144), then rotate, so idle equals share the load.
 */
public final class LeastConnectionsBalancer implements Balancer {

    private final AtomicLong rotation = new AtomicLong();

    @Override
    public Optional<Endpoint> pick(List<Candidate> candidates) {
        List<Candidate> routable = candidates.stream().filter(c -> c.status().routable()).toList();
        if (routable.isEmpty()) {
            return Optional.empty();
        }
        long fewest = routable.stream().mapToLong(Candidate::activeRequests).min().getAsLong();
        int top = routable.stream().filter(c -> c.activeRequests() == fewest).mapToInt(Candidate::priority).max()
                .getAsInt();
        List<Endpoint> ties = routable.stream().filter(c -> c.activeRequests() == fewest && c.priority() == top)
                .map(Candidate::endpoint).sorted(Comparator.comparing(Endpoint::name)).toList();
        return Optional.of(ties.get((int) Math.floorMod(rotation.getAndIncrement(), (long) ties.size())));
    }

    @Override
    public String name() {
        return "least-connections";
    }
}
