package dev.sluice.adapters.config.schema;

import java.time.Duration;

/** {@code model_registry.routing_strategy.options}. Mirrors the YAML key for key; a missing key takes Olla's default. */
public record RoutingOptionsConfig(
        String fallbackBehavior,
        Duration discoveryTimeout,
        Boolean discoveryRefreshOnMiss) {

    public RoutingOptionsConfig {
        fallbackBehavior = fallbackBehavior == null ? "compatible_only" : fallbackBehavior;
        discoveryTimeout = discoveryTimeout == null ? Duration.ofSeconds(2) : discoveryTimeout;
        discoveryRefreshOnMiss = discoveryRefreshOnMiss == null ? false : discoveryRefreshOnMiss;
    }
}
