package dev.sluice.domain.balancing;

import dev.sluice.domain.endpoint.Endpoint;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

/**
 * {@code fastest-response}: the routable candidate that has answered fastest lately, by its decaying average of
 * time to first byte. One that has no figure yet (new, or idle long enough for its figure to fade) is tried first,
 * so a provider that was slow once is asked again rather than shunned forever. Among the highest priority only;
 * near-ties (within a tenth) rotate, so two equally fast backends share the load instead of one taking it all.
 */
public final class FastestResponseBalancer implements Balancer {

    private static final double TIE = 1.10;

    private final AtomicLong rotation = new AtomicLong();

    @Override
    public Optional<Endpoint> pick(List<Candidate> candidates) {
        List<Candidate> routable = candidates.stream().filter(c -> c.status().routable()).toList();
        if (routable.isEmpty()) {
            return Optional.empty();
        }
        int top = routable.stream().mapToInt(Candidate::priority).max().getAsInt();
        List<Candidate> tier = routable.stream().filter(c -> c.priority() == top).toList();
        List<Candidate> unknown = tier.stream().filter(c -> c.recentLatencyMs().isEmpty()).toList();
        List<Candidate> pool;
        if (!unknown.isEmpty()) {
            pool = unknown;
        } else {
            double best = tier.stream().mapToDouble(c -> c.recentLatencyMs().getAsDouble()).min().getAsDouble();
            pool = tier.stream().filter(c -> c.recentLatencyMs().getAsDouble() <= best * TIE + 0.5).toList();
        }
        List<Endpoint> ordered = pool.stream().map(Candidate::endpoint).sorted(Comparator.comparing(Endpoint::name))
                .toList();
        return Optional.of(ordered.get((int) Math.floorMod(rotation.getAndIncrement(), (long) ordered.size())));
    }

    @Override
    public String name() {
        return "fastest-response";
    }
}
