package dev.sluice.domain.routing;

/**
 * Where a request for a model may go, and why: reported to the client in the {@code X-Olla-Routing-*} headers.
 */
public sealed interface RoutingDecision permits Routed, Rejected, RefreshFirst {

    /** {@code strict}, {@code optimistic}, {@code discovery} or {@code alias}. */
    String strategy();

    /** {@code routed}, {@code fallback} or {@code rejected}. */
    String outcome();

    /** A short machine-readable reason such as {@code model_found} or {@code model_unavailable}. */
    String reason();
}
