package dev.sluice.domain.routing;

import java.util.Objects;

/** The request cannot be served; {@code kind} decides the answer's status. */
public record Rejected(RejectionKind kind, String strategy, String reason) implements RoutingDecision {

    public Rejected {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(strategy, "strategy");
        Objects.requireNonNull(reason, "reason");
    }

    @Override
    public String outcome() {
        return "rejected";
    }
}
