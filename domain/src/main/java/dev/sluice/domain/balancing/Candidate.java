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
 */
public record Candidate(Endpoint endpoint, EndpointStatus status, long activeRequests, OptionalDouble recentLatencyMs) {

    public Candidate {
        Objects.requireNonNull(endpoint, "endpoint");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(recentLatencyMs, "recentLatencyMs");
        if (activeRequests < 0) {
            throw new IllegalArgumentException("active requests cannot be negative: " + activeRequests);
        }
    }

    /** A candidate with no latency figure yet. */
    public Candidate(Endpoint endpoint, EndpointStatus status, long activeRequests) {
        this(endpoint, status, activeRequests, OptionalDouble.empty());
    }

    public int priority() {
        return endpoint.priority();
    }
}
