package dev.sluice.domain.routing;

import dev.sluice.domain.endpoint.Endpoint;
import java.util.List;
import java.util.Objects;

/**
 * The request may go to any of these endpoints.
 *
 * @param fallback true when none of them is known to host the model and they were chosen as a fallback
 */
public record Routed(List<Endpoint> endpoints, String strategy, String reason, boolean fallback)
        implements RoutingDecision {

    public Routed {
        endpoints = List.copyOf(endpoints);
        Objects.requireNonNull(strategy, "strategy");
        Objects.requireNonNull(reason, "reason");
    }

    @Override
    public String outcome() {
        return fallback ? "fallback" : "routed";
    }
}
