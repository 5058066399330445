package dev.sluice.domain.routing;

import dev.sluice.domain.balancing.Balancer;
import java.util.Objects;
import java.util.Optional;

/**
 * A routing strategy as operators name it ({@code least-connections}, {@code model-based}, ...): the balancer that
 * picks one endpoint per attempt and, for {@code model-based} and {@code capability-based}, how the model's name and
 * the request's needs shape the candidates first.
 */
public record Strategy(String name, Balancer balancer, Optional<ProviderRouting> shaping) {

    public Strategy {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(balancer, "balancer");
        Objects.requireNonNull(shaping, "shaping");
    }

    /** A strategy that is its balancer alone. */
    public static Strategy of(Balancer balancer) {
        return new Strategy(balancer.name(), balancer, Optional.empty());
    }
}
