package dev.sluice.adapters.config.schema;

import java.util.List;

/** {@code discovery.static}: the endpoint list; a configured list replaces the default whole. Mirrors the YAML key for key; a missing key takes Olla's default. */
public record StaticDiscoveryConfig(
        List<EndpointConfig> endpoints) {

    public StaticDiscoveryConfig {
        endpoints = endpoints == null ? List.of(EndpointConfig.DEFAULT) : List.copyOf(endpoints);
    }
}
