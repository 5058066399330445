package dev.sluice.domain.model;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The unified catalogue at one moment. Immutable: discovery builds a new one and swaps it in whole, so a request
 * routing by model reads one consistent picture without locks.
 */
public final class ModelCatalog {

    public static final ModelCatalog EMPTY = new ModelCatalog(List.of(), Instant.EPOCH);

    private final List<UnifiedModel> models;
    private final Map<String, UnifiedModel> byName;
    private final Map<String, Set<String>> endpointsByName;
    private final Map<String, UnifiedModel> byNameOnEndpoint;
    private final Instant builtAt;

    public ModelCatalog(List<UnifiedModel> models, Instant builtAt) {
        this.models = List.copyOf(models);
        this.builtAt = builtAt;
        Map<String, UnifiedModel> index = new HashMap<>();
        // Ids win over aliases: index aliases first, then let ids overwrite.
        for (UnifiedModel model : this.models) {
            model.aliases().forEach(a -> index.putIfAbsent(key(a.name()), model));
        }
        for (UnifiedModel model : this.models) {
            index.put(key(model.id()), model);
        }
        this.byName = Map.copyOf(index);
        Map<String, Set<String>> serving = new HashMap<>();
        for (UnifiedModel model : this.models) {
            Set<String> ids = new HashSet<>();
            model.sources().forEach(s -> ids.add(s.endpoint().id()));
            for (String name : names(model)) {
                serving.computeIfAbsent(key(name), k -> new HashSet<>()).addAll(ids);
            }
        }
        serving.replaceAll((k, v) -> Set.copyOf(v));
        this.endpointsByName = Map.copyOf(serving);
        Map<String, UnifiedModel> onEndpoint = new HashMap<>();
        for (UnifiedModel model : this.models) {
            for (String name : names(model)) {
                model.sources().forEach(s -> onEndpoint.putIfAbsent(key(name) + '\n' + s.endpoint().id(), model));
            }
        }
        this.byNameOnEndpoint = Map.copyOf(onEndpoint);
    }

    private static List<String> names(UnifiedModel model) {
        List<String> names = new ArrayList<>();
        names.add(model.id());
        model.aliases().forEach(a -> names.add(a.name()));
        model.sources().forEach(s -> names.add(s.nativeName()));
        return names;
    }

    /**
     * Ids of every endpoint that serves a model by this name, ignoring case: as its id, an alias or its own native
     * name. Two endpoints serving different weights under the same name are separate catalogue entries, but a
     * request for that name may go to either, as it would to each backend directly.
     */
    public Set<String> endpointsServing(String name) {
        return endpointsByName.getOrDefault(key(name), Set.of());
    }

    /**
     * The catalogue entry a given endpoint serves under this name (its id, an alias or the endpoint's native name),
     * ignoring case: what routing reads that endpoint's capabilities and context window from.
     */
    public Optional<UnifiedModel> servedOn(String name, String endpointId) {
        return Optional.ofNullable(byNameOnEndpoint.get(key(name) + '\n' + endpointId));
    }

    public List<UnifiedModel> models() {
        return models;
    }

    public Instant builtAt() {
        return builtAt;
    }

    /** The model with this id or alias, ignoring case. */
    public Optional<UnifiedModel> find(String idOrAlias) {
        return Optional.ofNullable(byName.get(key(idOrAlias)));
    }

    public int size() {
        return models.size();
    }

    private static String key(String name) {
        return name.trim().toLowerCase(Locale.ROOT);
    }
}
