package dev.sluice.domain.balancing;

import dev.sluice.domain.endpoint.Endpoint;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * {@code model-based} and {@code capability-based}: only the best-ranked routable candidates (the provider the
 * model's name maps to; those whose model is known to have what the request needs) are offered to the tie-breaker,
 * which chooses among them as it would among all. Lower ranks take traffic only when no better one can, so a
 * failover moves down the preference order rather than across it.
 */
public final class PreferenceBalancer implements Balancer {

    private final String name;
    private final Balancer tieBreaker;

    /**
     * @param name       the strategy's configured name
     * @param tieBreaker chooses among equally preferred candidates ({@code proxy.routing.tie_breaker})
     */
    public PreferenceBalancer(String name, Balancer tieBreaker) {
        this.name = Objects.requireNonNull(name, "name");
        this.tieBreaker = Objects.requireNonNull(tieBreaker, "tieBreaker");
    }

    @Override
    public Optional<Endpoint> pick(List<Candidate> candidates) {
        List<Candidate> routable = candidates.stream().filter(c -> c.status().routable()).toList();
        if (routable.isEmpty()) {
            return Optional.empty();
        }
        int best = routable.stream().mapToInt(Candidate::rank).min().getAsInt();
        return tieBreaker.pick(routable.stream().filter(c -> c.rank() == best).toList());
    }

    @Override
    public String name() {
        return name;
    }

    /** The balancer that chooses among equals. */
    public Balancer tieBreaker() {
        return tieBreaker;
    }
}
