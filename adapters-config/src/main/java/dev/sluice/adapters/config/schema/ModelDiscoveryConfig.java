package dev.sluice.adapters.config.schema;

import java.time.Duration;

/** {@code discovery.model_discovery}. Mirrors the YAML key for key; a missing key takes Olla's default. */
public record ModelDiscoveryConfig(
        Boolean enabled,
        Duration interval,
        Duration timeout,
        Integer concurrentWorkers,
        Integer retryAttempts,
        Duration retryBackoff) {

    public ModelDiscoveryConfig {
        enabled = enabled == null ? true : enabled;
        interval = interval == null ? Duration.ofMinutes(5) : interval;
        timeout = timeout == null ? Duration.ofSeconds(30) : timeout;
        concurrentWorkers = concurrentWorkers == null ? 5 : concurrentWorkers;
        retryAttempts = retryAttempts == null ? 3 : retryAttempts;
        retryBackoff = retryBackoff == null ? Duration.ofSeconds(1) : retryBackoff;
    }
}
