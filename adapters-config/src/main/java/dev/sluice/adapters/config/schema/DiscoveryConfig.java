package dev.sluice.adapters.config.schema;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Duration;

/** {@code discovery}: where endpoints come from and how they are watched. Mirrors the YAML key for key; a missing key takes Olla's default. */
public record DiscoveryConfig(
        String type,
        Duration refreshInterval,
        HealthCheckConfig healthCheck,
        @JsonProperty("static") StaticDiscoveryConfig staticDiscovery,
        ModelDiscoveryConfig modelDiscovery) {

    public DiscoveryConfig {
        type = type == null ? "static" : type;
        refreshInterval = refreshInterval == null ? Duration.ofSeconds(30) : refreshInterval;
        healthCheck = healthCheck == null ? new HealthCheckConfig(null) : healthCheck;
        staticDiscovery = staticDiscovery == null ? new StaticDiscoveryConfig(null) : staticDiscovery;
        modelDiscovery = modelDiscovery == null ? new ModelDiscoveryConfig(null, null, null, null, null, null) : modelDiscovery;
    }
}
