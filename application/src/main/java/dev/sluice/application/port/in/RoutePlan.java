package dev.sluice.application.port.in;

import dev.sluice.domain.routing.RoutingDecision;
import dev.sluice.domain.routing.StickyOutcome;
import java.util.Optional;

/**
 * One request's routing decision and its attempts. Not thread-safe: one request's attempts happen one after
 * another, each starting after the previous one failed.
 */
public interface RoutePlan {

    RoutingDecision decision();

    /**
     * The next endpoint to try, chosen by the balancer among the candidates not yet tried, with its lease taken.
     * Empty when the decision was a rejection, every candidate was tried, or {@code proxy.retry} allows no more.
     */
    Optional<Attempt> next();

    /** What sticky routing did for the first attempt; empty when sticky sessions are off or no key applied. */
    Optional<StickyOutcome> sticky();

    /** The attempt never reached its endpoint (refused, reset, unresolvable, connect timeout): mark it down at once. */
    void unreachable(Attempt attempt, String reason);
}
