package dev.sluice.application.catalog;

import java.time.Duration;
import java.util.Objects;

/**
 * How model discovery runs: {@code model_discovery.*} and {@code model_registry.unification.*}.
 *
 * @param retryAttempts extra tries after a failed discovery before giving up until the next interval
 * @param retryBackoff  wait before the first retry; doubles for each further one
 */
public record DiscoverySettings(boolean enabled, Duration interval, int concurrentWorkers, int retryAttempts,
                                Duration retryBackoff, Duration staleThreshold, Duration cleanupInterval) {

    public DiscoverySettings {
        Objects.requireNonNull(interval, "interval");
        Objects.requireNonNull(retryBackoff, "retryBackoff");
        Objects.requireNonNull(staleThreshold, "staleThreshold");
        Objects.requireNonNull(cleanupInterval, "cleanupInterval");
        if (concurrentWorkers < 1) {
            throw new IllegalArgumentException("concurrent_workers must be >= 1");
        }
        if (retryAttempts < 0) {
            throw new IllegalArgumentException("retry_attempts must be >= 0");
        }
    }
}
