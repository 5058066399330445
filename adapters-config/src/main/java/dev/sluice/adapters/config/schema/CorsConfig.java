package dev.sluice.adapters.config.schema;

import java.util.List;

/** {@code server.cors}. Mirrors the YAML key for key; a missing key takes Olla's default. */
public record CorsConfig(
        Boolean enabled,
        List<String> allowedOrigins,
        List<String> allowedMethods,
        List<String> allowedHeaders,
        List<String> exposedHeaders,
        Boolean allowCredentials,
        Integer maxAge) {

    public CorsConfig {
        enabled = enabled == null ? false : enabled;
        allowedOrigins = allowedOrigins == null ? List.of("*") : List.copyOf(allowedOrigins);
        allowedMethods = allowedMethods == null ? List.of("GET", "POST", "OPTIONS") : List.copyOf(allowedMethods);
        allowedHeaders = allowedHeaders == null ? List.of("*") : List.copyOf(allowedHeaders);
        exposedHeaders = exposedHeaders == null ? List.of() : List.copyOf(exposedHeaders);
        allowCredentials = allowCredentials == null ? false : allowCredentials;
        maxAge = maxAge == null ? 300 : maxAge;
    }
}
