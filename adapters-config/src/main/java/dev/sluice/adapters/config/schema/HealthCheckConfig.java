package dev.sluice.adapters.config.schema;

import java.time.Duration;

/** {@code discovery.health_check}. Mirrors the YAML key for key; a missing key takes Olla's default. */
public record HealthCheckConfig(
        Duration initialDelay) {

    public HealthCheckConfig {
        initialDelay = initialDelay == null ? Duration.ZERO : initialDelay;
    }
}
