package dev.sluice.domain.routing;

import java.util.Objects;

/**
 * The request cannot be served; {@code kind} decides the answer's status.
 *
 * @param detail what the client should be told beyond the kind (what the request needs that no endpoint has); empty
 *               when the kind says it all
 */
public record Rejected(RejectionKind kind, String strategy, String reason, String detail) implements RoutingDecision {

    public Rejected {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(strategy, "strategy");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(detail, "detail");
    }

    public Rejected(RejectionKind kind, String strategy, String reason) {
        this(kind, strategy, reason, "");
    }

    @Override
    public String outcome() {
        return "rejected";
    }
}
