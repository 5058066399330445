package dev.sluice.domain.routing;

import dev.sluice.domain.pattern.Glob;
import java.util.Objects;

/** One {@code proxy.routing.by_model} entry: requests for models matching {@code model} use this strategy. */
public record ModelStrategy(Glob model, Strategy strategy) {

    public ModelStrategy {
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(strategy, "strategy");
    }
}
