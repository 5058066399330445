package dev.sluice.adapters.config.schema;

import java.time.Duration;

/** {@code model_registry.unification}. Mirrors the YAML key for key; a missing key takes Olla's default. */
public record UnificationConfig(
        Duration staleThreshold,
        Duration cleanupInterval) {

    public UnificationConfig {
        staleThreshold = staleThreshold == null ? Duration.ofHours(24) : staleThreshold;
        cleanupInterval = cleanupInterval == null ? Duration.ofMinutes(10) : cleanupInterval;
    }
}
