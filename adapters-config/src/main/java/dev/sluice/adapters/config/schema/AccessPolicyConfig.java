package dev.sluice.adapters.config.schema;

import java.util.List;

/** {@code dashboard.access_policy}. Mirrors the YAML key for key; a missing key takes Olla's default. */
public record AccessPolicyConfig(
        List<String> allowedCidrs,
        List<String> allowedHosts) {

    public AccessPolicyConfig {
        allowedCidrs = allowedCidrs == null ? List.of("127.0.0.0/8", "::1/128") : List.copyOf(allowedCidrs);
        allowedHosts = allowedHosts == null ? List.of("localhost") : List.copyOf(allowedHosts);
    }
}
