package dev.sluice.domain.balancing;

import dev.sluice.domain.endpoint.Endpoint;
import dev.sluice.domain.endpoint.EndpointStatus;
import java.util.Objects;
import java.util.OptionalDouble;

/**
 * An endpoint a request may go to, with what a balancer needs to choose: its state, how busy it is right now and
 * how fast it has answered lately.
 *
 * @param activeRequests   requests in flight to it at the moment of choosing
 * @param recentLatencyMs  a decaying average of its recent response times in milliseconds; empty before it has
 *                         answered anything (or long enough ago that the figure no longer says anything)
 * @param rank             how well it suits this request by the route's strategy, 0 best: set per request by
 *                         {@code model-based} (the provider the model's name maps to first) and
 *                         {@code capability-based} (capable before unknown); 0 for every candidate otherwise
 */
public record Candidate(Endpoint endpoint, EndpointStatus status, long activeRequests, OptionalDouble recentLatencyMs,
                        int rank) {

    public Candidate {
        Objects.requireNonNull(endpoint, "endpoint");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(recentLatencyMs, "recentLatencyMs");
        if (rank < 0) {
            throw new IllegalArgumentException("rank cannot be negative: " + rank);
        }
        if (activeRequests < 0) {
            throw new IllegalArgumentException("active requests cannot be negative: " + activeRequests);
        }
    }

    /** A candidate all strategies rank alike. */
    public Candidate(Endpoint endpoint, EndpointStatus status, long activeRequests, OptionalDouble recentLatencyMs) {
        this(endpoint, status, activeRequests, recentLatencyMs, 0);
    }

    /** A candidate with no latency figure yet. */
    public Candidate(Endpoint endpoint, EndpointStatus status, long activeRequests) {
        this(endpoint, status, activeRequests, OptionalDouble.empty());
    }

    public int priority() {
        return endpoint.priority();
    }
}
