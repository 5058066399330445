package dev.sluice.domain.routing;

import java.util.Objects;

/** The configured routing strategy with its options. */
public record RoutingPolicy(RoutingStrategyType type, FallbackBehavior fallback, boolean refreshOnMiss) {

    public RoutingPolicy {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(fallback, "fallback");
    }

    public static RoutingPolicy strict() {
        return new RoutingPolicy(RoutingStrategyType.STRICT, FallbackBehavior.COMPATIBLE_ONLY, false);
    }
}
