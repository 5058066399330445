package dev.sluice.domain.pattern;

import java.util.List;
import java.util.Objects;

/**
 * An endpoint's {@code model_filter}: a model is kept when it matches some include pattern (or there are none) and
 * no exclude pattern. Exclude wins, so "everything but embeddings" is one line.
 */
public record ModelFilter(List<Glob> include, List<Glob> exclude) {

    public static final ModelFilter ALLOW_ALL = new ModelFilter(List.of(), List.of());

    public ModelFilter {
        include = List.copyOf(Objects.requireNonNull(include, "include"));
        exclude = List.copyOf(Objects.requireNonNull(exclude, "exclude"));
    }

    public boolean allows(String modelName) {
        if (exclude.stream().anyMatch(g -> g.matches(modelName))) {
            return false;
        }
        return include.isEmpty() || include.stream().anyMatch(g -> g.matches(modelName));
    }
}
