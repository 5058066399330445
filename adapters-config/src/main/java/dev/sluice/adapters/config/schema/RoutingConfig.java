package dev.sluice.adapters.config.schema;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code proxy.routing} (ours, seed 004's routing strategies): how {@code model-based} and {@code capability-based}
 * behave, and which strategy serves a route or a model when it should not be {@code proxy.load_balancer}.
 *
 * @param tieBreaker     the balancer that chooses among the endpoints model-based and capability-based prefer
 * @param whenNoneFit    capability-based, when every endpoint serving the model lacks what the request needs:
 *                       {@code reject} (400 naming it) or {@code forward} (send it anyway; the backend decides)
 * @param modelPatterns  the model-pattern table, first match wins; null keeps the built-in table (seed 004's)
 * @param byRoute        route prefix ({@code openai}, {@code anthropic}, {@code ollama}, {@code proxy} ...) to strategy
 * @param byModel        model glob to strategy, tried in file order; wins over {@code by_route}
 */
public record RoutingConfig(String tieBreaker, String whenNoneFit, List<ModelPatternConfig> modelPatterns,
                            Map<String, String> byRoute, Map<String, String> byModel) {

    public RoutingConfig {
        tieBreaker = tieBreaker == null ? "priority" : tieBreaker;
        whenNoneFit = whenNoneFit == null ? "reject" : whenNoneFit;
        modelPatterns = modelPatterns == null ? null : List.copyOf(modelPatterns);
        // Insertion order kept: the first matching model pattern wins.
        byRoute = byRoute == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(byRoute));
        byModel = byModel == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(byModel));
    }

    /** Everything at its default. */
    public static RoutingConfig defaults() {
        return new RoutingConfig(null, null, null, null, null);
    }
}
