package dev.sluice.adapters.config.schema;


/** {@code server.rate_limits.per_endpoint}: requests per minute sent to any one endpoint; 0 means no limit. Mirrors the YAML key for key; a missing key takes Olla's default. */
public record PerEndpointRateLimitConfig(
        Integer defaultRequestsPerMinute) {

    public PerEndpointRateLimitConfig {
        defaultRequestsPerMinute = defaultRequestsPerMinute == null ? 0 : defaultRequestsPerMinute;
    }
}
