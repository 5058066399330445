package dev.sluice.domain.routing;

import dev.sluice.domain.endpoint.Endpoint;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Applies the routing strategy to one request: given the endpoints this request may use right now (healthy and
 * compatible) and the endpoints that host its model (in any state), decides where it goes. Pure; Olla's table
 * (reference section 4.4), except that {@code discovery_refresh_on_miss} really refreshes.
 */
public final class ModelRouter {

    private final RoutingPolicy policy;

    public ModelRouter(RoutingPolicy policy) {
        this.policy = Objects.requireNonNull(policy, "policy");
    }

    public RoutingPolicy policy() {
        return policy;
    }

    /**
     * @param candidates    endpoints this request may be sent to now
     * @param hostingIds    ids of every endpoint whose model list has the model, routable or not
     * @param afterRefresh  whether the model lists were just refreshed for this request
     */
    public RoutingDecision decide(List<Endpoint> candidates, Set<String> hostingIds, boolean afterRefresh) {
        String strategy = policy.type().wireName();
        List<Endpoint> hosting = candidates.stream().filter(e -> hostingIds.contains(e.id())).toList();
        boolean known = !hostingIds.isEmpty();
        switch (policy.type()) {
            case STRICT:
                if (!hosting.isEmpty()) {
                    return new Routed(hosting, strategy, "model_found", false);
                }
                return known ? new Rejected(RejectionKind.MODEL_UNAVAILABLE, strategy, "model_unavailable")
                        : new Rejected(RejectionKind.MODEL_NOT_FOUND, strategy, "model_not_found");
            case OPTIMISTIC:
                if (!hosting.isEmpty()) {
                    return new Routed(hosting, strategy, "model_found", false);
                }
                return optimisticMiss(candidates, known, strategy);
            default:
                return discovery(candidates, hosting, strategy, afterRefresh);
        }
    }

    private RoutingDecision optimisticMiss(List<Endpoint> candidates, boolean known, String strategy) {
        switch (policy.fallback()) {
            case ALL:
                if (candidates.isEmpty()) {
                    return new Rejected(RejectionKind.NO_ENDPOINTS, strategy, "no_healthy_endpoints");
                }
                return new Routed(candidates, strategy, known ? "all_healthy_fallback" : "model_not_found_fallback", true);
            case NONE:
                return known ? new Rejected(RejectionKind.MODEL_UNAVAILABLE, strategy, "model_unavailable_no_fallback")
                        : new Rejected(RejectionKind.MODEL_NOT_FOUND, strategy, "model_not_found");
            default:
                return known ? new Rejected(RejectionKind.MODEL_UNAVAILABLE, strategy, "model_unavailable_compatible_only")
                        : new Rejected(RejectionKind.MODEL_NOT_FOUND, strategy, "model_not_found");
        }
    }

    private RoutingDecision discovery(List<Endpoint> candidates, List<Endpoint> hosting, String strategy,
                                      boolean afterRefresh) {
        if (!hosting.isEmpty()) {
            return new Routed(hosting, strategy, afterRefresh ? "model_found_after_discovery" : "model_found_no_refresh",
                    false);
        }
        if (!policy.refreshOnMiss()) {
            return new Rejected(RejectionKind.MODEL_UNAVAILABLE, strategy, "model_unavailable_no_refresh");
        }
        if (!afterRefresh) {
            return new RefreshFirst(strategy, "model_missing_refreshing");
        }
        if (policy.fallback() == FallbackBehavior.ALL && !candidates.isEmpty()) {
            return new Routed(candidates, strategy, "all_healthy_after_discovery", true);
        }
        return new Rejected(RejectionKind.MODEL_UNAVAILABLE, strategy, "model_unavailable_after_discovery");
    }
}
