package dev.sluice.adapters.config.schema;

import java.util.List;

/**
 * One {@code proxy.routing.model_patterns} entry: models whose name matches {@code pattern} (a glob) belong to
 * {@code providers}, most preferred first: endpoint types ({@code anthropic}, {@code openai-api}, {@code ollama}),
 * endpoint names, or {@code local} for any local server.
 */
public record ModelPatternConfig(String pattern, List<String> providers) {

    public ModelPatternConfig {
        providers = providers == null ? List.of() : List.copyOf(providers);
    }
}
