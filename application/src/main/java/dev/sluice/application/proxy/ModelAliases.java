package dev.sluice.application.proxy;

import dev.sluice.domain.endpoint.Endpoint;
import dev.sluice.domain.model.ModelCatalog;
import dev.sluice.domain.model.ModelSource;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * {@code model_aliases}: one virtual name for a model that each platform spells its own way. Matched ignoring case
 * (Olla compares against its lower-cased model, so mixed-case aliases never match there).
 */
public final class ModelAliases {

    private final Map<String, List<String>> byAlias;

    public ModelAliases(Map<String, List<String>> aliases) {
        Map<String, List<String>> lowered = new LinkedHashMap<>();
        aliases.forEach((alias, targets) -> lowered.put(alias.toLowerCase(Locale.ROOT), List.copyOf(targets)));
        this.byAlias = Map.copyOf(lowered);
    }

    /**
     * For an alias, the native model name each endpoint would be asked for: the first listed target an endpoint
     * serves wins for that endpoint. Empty when {@code model} is not an alias.
     */
    public Optional<Map<String, String>> resolve(String model, ModelCatalog catalog, List<Endpoint> candidates) {
        List<String> targets = byAlias.get(model.toLowerCase(Locale.ROOT));
        if (targets == null) {
            return Optional.empty();
        }
        Map<String, String> nameByEndpoint = new LinkedHashMap<>();
        for (String target : targets) {
            catalog.find(target).ifPresent(unified -> {
                for (ModelSource source : unified.sources()) {
                    boolean candidate = candidates.stream().anyMatch(c -> c.id().equals(source.endpoint().id()));
                    if (candidate) {
                        nameByEndpoint.putIfAbsent(source.endpoint().id(), source.nativeName());
                    }
                }
            });
        }
        return Optional.of(nameByEndpoint);
    }
}
