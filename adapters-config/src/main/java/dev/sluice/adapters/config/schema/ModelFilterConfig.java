package dev.sluice.adapters.config.schema;

import java.util.List;

/** An endpoint's {@code model_filter}: glob patterns over model names. */
public record ModelFilterConfig(List<String> include, List<String> exclude) {

    public ModelFilterConfig {
        include = include == null ? List.of() : List.copyOf(include);
        exclude = exclude == null ? List.of() : List.copyOf(exclude);
    }
}
