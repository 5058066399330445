package dev.sluice.adapters.config.schema;


/** {@code proxy.retry}: failover to another endpoint when one cannot be reached. Mirrors the YAML key for key; a missing key takes Olla's default. */
public record RetryConfig(
        Boolean enabled,
        Boolean onConnectionFailure,
        Integer maxAttempts) {

    public RetryConfig {
        enabled = enabled == null ? true : enabled;
        onConnectionFailure = onConnectionFailure == null ? true : onConnectionFailure;
        maxAttempts = maxAttempts == null ? 0 : maxAttempts;
    }
}
