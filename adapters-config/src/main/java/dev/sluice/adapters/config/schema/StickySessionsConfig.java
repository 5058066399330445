package dev.sluice.adapters.config.schema;

import java.util.List;

/** {@code proxy.sticky_sessions}. Mirrors the YAML key for key; a missing key takes Olla's default. */
public record StickySessionsConfig(
        Boolean enabled,
        Integer idleTtlSeconds,
        Integer maxSessions,
        List<String> keySources,
        Integer prefixHashBytes) {

    public StickySessionsConfig {
        enabled = enabled == null ? false : enabled;
        idleTtlSeconds = idleTtlSeconds == null ? 600 : idleTtlSeconds;
        maxSessions = maxSessions == null ? 10000 : maxSessions;
        keySources = keySources == null ? List.of("session_header", "prefix_hash", "auth_header") : List.copyOf(keySources);
        prefixHashBytes = prefixHashBytes == null ? 512 : prefixHashBytes;
    }
}
