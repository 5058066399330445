package dev.sluice.domain.routing;

import java.util.Map;
import java.util.Objects;

/**
 * A routing decision after the strategy shaped it, with how much each remaining endpoint is preferred.
 *
 * @param ranks endpoint id to rank, 0 best; an endpoint missing from it ranks 0
 */
public record ShapedDecision(RoutingDecision decision, Map<String, Integer> ranks) {

    public ShapedDecision {
        Objects.requireNonNull(decision, "decision");
        ranks = Map.copyOf(ranks);
    }

    /** The decision as the model router made it, every endpoint alike. */
    public static ShapedDecision unshaped(RoutingDecision decision) {
        return new ShapedDecision(decision, Map.of());
    }

    public int rankOf(String endpointId) {
        return ranks.getOrDefault(endpointId, 0);
    }
}
