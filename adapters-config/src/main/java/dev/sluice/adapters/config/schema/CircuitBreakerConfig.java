package dev.sluice.adapters.config.schema;

import java.time.Duration;

/**
 * {@code proxy.circuit_breaker} (ours; Olla hard-codes these): transport failures in a row that open an endpoint's
 * breaker under the {@code olla} engine, and how long it stays open before one trial request.
 */
public record CircuitBreakerConfig(Integer failureThreshold, Duration openDuration) {

    public CircuitBreakerConfig {
        failureThreshold = failureThreshold == null ? 5 : failureThreshold;
        openDuration = openDuration == null ? Duration.ofSeconds(30) : openDuration;
    }
}
