package dev.sluice.application.port.in;

import dev.sluice.domain.fallback.FailureClass;
import dev.sluice.domain.fallback.FallbackStep;
import dev.sluice.domain.routing.RoutingDecision;
import dev.sluice.domain.routing.StickyOutcome;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

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

    /**
     * The first attempt. When every candidate that could take the request is at its concurrency limit, the request
     * waits (without a thread) until one frees up; the future then fails with
     * {@link dev.sluice.domain.limits.QueueRefusal} if the queue is full or the wait times out. Empty as for
     * {@link #next()}. Cancel the future when the client leaves.
     *
     * @param priority higher waits less; see {@link dev.sluice.domain.limits.RequestPriority}
     */
    CompletableFuture<Optional<Attempt>> first(int priority);

    /** What sticky routing did for the first attempt; empty when sticky sessions are off or no key applied. */
    Optional<StickyOutcome> sticky();

    /**
     * The current attempt failed before anything reached the client: what the fallback strategy does next. When the
     * step proceeds, {@link #next()} hands out the attempt it names (the same endpoint for a retry), unless that
     * endpoint filled up or was held back meanwhile; the step is {@code GIVE_UP} when no attempt could follow.
     * Call it before releasing nothing: the failed attempt's lease is the caller's to release, as always.
     */
    FallbackStep afterFailure(Attempt failed, FailureClass failure);

    /** The attempt never reached its endpoint (refused, reset, unresolvable, connect timeout): mark it down at once. */
    void unreachable(Attempt attempt, String reason);
}
