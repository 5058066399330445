package dev.sluice.domain.balancing;

import dev.sluice.domain.endpoint.Endpoint;
import dev.sluice.domain.endpoint.EndpointStatus;
import java.util.Objects;

/**
 * An endpoint a request may go to, with what a balancer needs to choose: its state and how busy it is right now.
 *
 * @param activeRequests requests in flight to it at the moment of choosing
 */
public record Candidate(Endpoint endpoint, EndpointStatus status, long activeRequests) {

    public Candidate {
        Objects.requireNonNull(endpoint, "endpoint");
        Objects.requireNonNull(status, "status");
        if (activeRequests < 0) {
            throw new IllegalArgumentException("active requests cannot be negative: " + activeRequests);
        }
    }

    public int priority() {
        return endpoint.priority();
    }
}
