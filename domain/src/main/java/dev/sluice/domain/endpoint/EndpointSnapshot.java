package dev.sluice.domain.endpoint;

import java.util.Objects;

/** An endpoint together with its health at one moment: what status pages and routing read. */
public record EndpointSnapshot(Endpoint endpoint, EndpointHealth health) {

    public EndpointSnapshot {
        Objects.requireNonNull(endpoint, "endpoint");
        Objects.requireNonNull(health, "health");
    }

    public boolean routable() {
        return health.routable();
    }
}
