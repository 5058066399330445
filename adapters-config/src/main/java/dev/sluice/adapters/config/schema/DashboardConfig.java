package dev.sluice.adapters.config.schema;


/** {@code dashboard}. Mirrors the YAML key for key; a missing key takes Olla's default. */
public record DashboardConfig(
        Boolean enabled,
        AccessPolicyConfig accessPolicy,
        Boolean gateInternalApi) {

    public DashboardConfig {
        enabled = enabled == null ? true : enabled;
        accessPolicy = accessPolicy == null ? new AccessPolicyConfig(null, null) : accessPolicy;
        gateInternalApi = gateInternalApi == null ? false : gateInternalApi;
    }
}
