package dev.sluice.adapters.config.schema;

import java.util.List;

/** {@code proxy.profile_filter}: glob patterns over profile names choosing which profiles load. Mirrors the YAML key for key; a missing key takes Olla's default. */
public record ProfileFilterConfig(
        List<String> include,
        List<String> exclude) {

    public ProfileFilterConfig {
        include = include == null ? List.of() : List.copyOf(include);
        exclude = exclude == null ? List.of() : List.copyOf(exclude);
    }
}
