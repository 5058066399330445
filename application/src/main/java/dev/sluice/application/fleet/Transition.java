package dev.sluice.application.fleet;

import dev.sluice.domain.endpoint.Endpoint;
import dev.sluice.domain.endpoint.EndpointHealth;
import dev.sluice.domain.endpoint.EndpointStatus;

/** An endpoint's health before and after one update. */
public record Transition(Endpoint endpoint, EndpointHealth before, EndpointHealth after) {

    public boolean statusChanged() {
        return before.status() != after.status();
    }

    /** Became healthy after having been seen in some other state: its models may have changed while it was away. */
    public boolean recovered() {
        return after.status() == EndpointStatus.HEALTHY
                && before.status() != EndpointStatus.HEALTHY
                && before.status() != EndpointStatus.UNKNOWN;
    }
}
