package dev.sluice.domain.routing;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Which strategy serves one request: the first {@code by_model} pattern its model matches, else its route's
 * {@code by_route} entry, else {@code proxy.load_balancer}. The model is the more specific of the two (a route
 * carries many models), so it wins. Immutable; built once at startup.
 */
public final class StrategyChoice {

    private final Strategy global;
    private final Map<String, Strategy> byRoute;
    private final List<ModelStrategy> byModel;

    /**
     * @param byRoute route prefix ({@code openai}, {@code anthropic}, {@code ollama}, {@code proxy} ...) to strategy
     * @param byModel model patterns in the order they are tried
     */
    public StrategyChoice(Strategy global, Map<String, Strategy> byRoute, List<ModelStrategy> byModel) {
        this.global = Objects.requireNonNull(global, "global");
        Map<String, Strategy> routes = new HashMap<>();
        byRoute.forEach((prefix, strategy) -> routes.put(routeKey(prefix), strategy));
        this.byRoute = Map.copyOf(routes);
        this.byModel = List.copyOf(byModel);
    }

    /** One strategy for everything. */
    public static StrategyChoice only(Strategy global) {
        return new StrategyChoice(global, Map.of(), List.of());
    }

    public Strategy forRequest(String routePrefix, Optional<String> model) {
        if (model.isPresent()) {
            for (ModelStrategy entry : byModel) {
                if (entry.model().matches(model.get())) {
                    return entry.strategy();
                }
            }
        }
        Strategy route = byRoute.get(routeKey(routePrefix));
        return route != null ? route : global;
    }

    public Strategy global() {
        return global;
    }

    /** A route as operators may write it: {@code openai}, {@code /olla/openai/} or {@code olla/openai}. */
    public static String routeKey(String written) {
        String key = written.trim().toLowerCase(Locale.ROOT);
        while (key.startsWith("/")) {
            key = key.substring(1);
        }
        if (key.startsWith("olla/")) {
            key = key.substring("olla/".length());
        }
        while (key.endsWith("/")) {
            key = key.substring(0, key.length() - 1);
        }
        return key;
    }
}
