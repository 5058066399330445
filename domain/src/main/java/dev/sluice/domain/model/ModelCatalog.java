package dev.sluice.domain.model;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The unified catalogue at one moment. Immutable: discovery builds a new one and swaps it in whole, so a request
 * routing by model reads one consistent picture without locks.
 */
public final class ModelCatalog {

    public static final ModelCatalog EMPTY = new ModelCatalog(List.of(), Instant.EPOCH);

    private final List<UnifiedModel> models;
    private final Map<String, UnifiedModel> byName;
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
